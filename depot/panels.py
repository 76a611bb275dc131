"""Editor panels for linking pages to the depot catalogue, for museum staff only.

A panel's ``permission`` in Wagtail only hides it; the form behind the page editor is
the same for every user, so a curator could still post depot links (or a catalogue
record) by hand. These panels enforce the rule in the form itself:

- ``depot_item_panel``: a FieldPanel with ``permission``, which Wagtail's permissioned
  forms drop from the form of a user without it, so a posted value is ignored;
- ``DepotLinksPanel``: an InlinePanel whose formset, for a user without the
  permission, reads nothing from the request and leaves the page's links exactly as
  they are (and needs no management form, which the hidden panel never renders).
"""

from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import FieldPanel, InlinePanel

from depot.views import LINK_PERMISSION, DepotItemChooserWidget


def depot_item_panel(field_name="depot_item", **kwargs):
    """The depot item chooser, for museum staff only."""
    kwargs.setdefault("permission", LINK_PERMISSION)
    return FieldPanel(field_name, widget=DepotItemChooserWidget, **kwargs)


class StaffOnlyChildFormSet(BaseChildFormSet):
    """The links formset; read-only (ignores the request) for users without the permission."""

    permission = LINK_PERMISSION

    def __init__(self, data=None, files=None, *args, form_kwargs=None, **kwargs):
        user = (form_kwargs or {}).get("for_user")
        # no user given means no one vouched for the request: deny, like for a curator
        self.read_only = user is None or not user.has_perm(self.permission)
        if self.read_only:
            data = files = None
        super().__init__(data, files, *args, form_kwargs=form_kwargs, **kwargs)

    def initial_form_count(self):
        return 0 if self.read_only else super().initial_form_count()

    def total_form_count(self):
        return 0 if self.read_only else super().total_form_count()

    def is_valid(self):
        return True if self.read_only else super().is_valid()

    def save(self, commit=True):
        if self.read_only:
            # the relation on the page keeps the links it was loaded with
            self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
            return []
        return super().save(commit)


class DepotLinksPanel(InlinePanel):
    """InlinePanel for a page's depot links: shown to, and saved for, museum staff only."""

    def __init__(self, relation_name="depot_links", *args, permission=LINK_PERMISSION, **kwargs):
        super().__init__(relation_name, *args, **kwargs)
        self.permission = permission

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "permission": self.permission}

    def get_form_options(self):
        options = super().get_form_options()
        formset_options = options["formsets"][self.relation_name]
        formset_options["formset"] = type(
            "StaffOnlyChildFormSet", (StaffOnlyChildFormSet,), {"permission": self.permission}
        )
        formset_options["inherit_kwargs"] = ["for_user"]
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        def is_shown(self):
            return self.request.user.has_perm(self.panel.permission) and super().is_shown()
