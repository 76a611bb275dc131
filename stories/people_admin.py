"""The person snippet in the admin, limited at every door to the people the user may see.

Wagtail's snippet views load an object by its id from the whole table (edit, copy,
delete, usage, history; the chooser's "chosen" views), and the listing and chooser list
the whole table. Each door here asks stories.services.people instead:

- ``VisiblePersonMixin`` answers 404 for an id outside the user's people before any
  view loads it (so a hand-made GET or POST changes and shows nothing);
- the viewset's queryset and the chooser's object lists are ``people_visible_to``;
- ``PersonPermissionPolicy`` gives the same answer to Wagtail's own instance checks
  (bulk actions, buttons);
- ``PersonForm`` offers only the communities the user may file people under, so a
  curator cannot post another community's id.
"""

from django import forms
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views import chooser, snippets

from stories.models import Person
from stories.services.people import (
    can_see_person,
    communities_for_people_of,
    must_have_community,
    people_visible_to,
)


class PersonPermissionPolicy(ModelPermissionPolicy):
    """The model permissions, and for each person also the community rule."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and can_see_person(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return super().instances_user_has_any_permission_for(user, actions) & people_visible_to(user)


class PersonForm(WagtailAdminModelForm):
    """The community is a plain choice among the user's own, required for curators."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        communities = communities_for_people_of(self.for_user)
        required = must_have_community(self.for_user)
        initial = None
        if not self.instance.pk and required and len(communities) == 1:
            initial = communities[0]
        self.fields["community"] = forms.ModelChoiceField(
            queryset=communities,
            required=required,
            initial=initial,
            label=_("community"),
            empty_label=_("None (museum staff only)") if not required else "---------",
            help_text=_("Its curators see and edit this person. Without one, only museum staff do."),
        )

    class Meta:
        model = Person
        fields = ["full_name", "pseudonym", "name_display", "bio", "email", "community"]


class VisiblePersonMixin:
    """404 for a person the user may not see, before the view loads or changes anything."""

    def setup(self, request, *args, **kwargs):
        # setup, not dispatch: some of Wagtail's views load the object in setup already.
        pk = kwargs.get("pk")
        if pk is not None:
            try:
                visible = people_visible_to(request.user).filter(pk=unquote(str(pk))).exists()
            except (TypeError, ValueError):
                visible = False
            if not visible:
                raise Http404
        super().setup(request, *args, **kwargs)


def _limited(view_class):
    return type(view_class.__name__, (VisiblePersonMixin, view_class), {})


class PersonChooseView(chooser.ChooseView):
    def get_object_list(self):
        return people_visible_to(self.request.user)


class PersonChooseResultsView(chooser.ChooseResultsView):
    def get_object_list(self):
        return people_visible_to(self.request.user)


class PersonChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        return people_visible_to(self.request.user).get(pk=pk)


class PersonChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return people_visible_to(self.request.user).filter(pk__in=[pk for pk in pks if str(pk).isdigit()])


class PersonChooserViewSet(chooser.SnippetChooserViewSet):
    """The person chooser of every page editor (narrators, interviewer, bringer, consent)."""

    choose_view_class = PersonChooseView
    choose_results_view_class = PersonChooseResultsView
    chosen_view_class = PersonChosenView
    chosen_multiple_view_class = PersonChosenMultipleView


class PersonViewSet(snippets.SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["full_name", "pseudonym", "name_display", "community"]
    list_filter = ["name_display"]
    # No viewset search_fields: they would restrict Wagtail's search to named fields, which
    # the SQLite database backend cannot do ("no such column: full_name", a 500). The
    # model's own AutocompleteFields are these two names already.
    edit_handler = ObjectList(
        [
            FieldPanel("full_name"),
            FieldPanel("pseudonym"),
            FieldPanel("name_display"),
            FieldPanel("bio"),
            FieldPanel("email"),
            FieldPanel("community"),
        ],
        base_form_class=PersonForm,
    )
    chooser_viewset_class = PersonChooserViewSet
    edit_view_class = _limited(snippets.EditView)
    copy_view_class = _limited(snippets.CopyView)
    delete_view_class = _limited(snippets.DeleteView)
    usage_view_class = _limited(snippets.UsageView)
    history_view_class = _limited(snippets.HistoryView)
    inspect_view_class = _limited(snippets.InspectView)

    def get_queryset(self, request):
        return people_visible_to(request.user).select_related("community")


register_permission_policy(Person, PersonPermissionPolicy(Person), exact_class=True)
