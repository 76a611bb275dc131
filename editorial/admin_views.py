"""The consent records listing in the Wagtail admin, scoped to the user's communities."""

from django import forms
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton, ListingButton
from wagtail.models import Page

from core.access import reader_for, subtree
from editorial import views
from editorial.models import ConsentRecord, ConsentUse
from editorial.permissions import consent_records_for
from stories.forms import limit_person_fields
from stories.models import HeritageObjectPage, StoryPage

EVIDENCE_EXTENSIONS = {
    "pdf",
    "jpg",
    "jpeg",
    "png",
    "webp",
    "heic",
    "mp3",
    "m4a",
    "wav",
    "ogg",
    "flac",
    "mp4",
    "webm",
    "mov",
}
EVIDENCE_MAX_BYTES = 500 * 1024 * 1024


class ScopedObjectMixin:
    """Every view of one record checks it is among the records the user may see (else 404)."""

    def get_object(self, *args, **kwargs):
        record = super().get_object(*args, **kwargs)
        if not consent_records_for(self.request.user).filter(pk=record.pk).exists():
            raise Http404
        return record


class IndexView(generic.IndexView):
    """Museum staff see every record; curators those resting on their communities' pages."""

    def get_base_queryset(self):
        return consent_records_for(self.request.user)

    def get_list_buttons(self, instance):  # noqa: D401
        buttons = super().get_list_buttons(instance)
        if not instance.is_withdrawn and self.permission_policy.user_has_permission_for_instance(
            self.request.user, "withdraw", instance
        ):
            buttons.append(
                ListingButton(
                    _("Withdraw consent"),
                    url=reverse("editorial_consent:withdraw", args=[instance.pk]),
                    icon_name="warning",
                    priority=50,
                )
            )
        return buttons


class EditView(ScopedObjectMixin, generic.EditView):
    def get_object(self, queryset=None):
        record = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(self.request.user, "change", record):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return record

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.permission_policy.user_has_permission_for_instance(self.request.user, "withdraw", self.object):
            buttons.append(
                HeaderButton(
                    _("Withdraw consent"),
                    url=reverse("editorial_consent:withdraw", args=[self.object.pk]),
                    icon_name="warning",
                )
            )
        return buttons


class HistoryView(ScopedObjectMixin, generic.HistoryView):
    pass


class InspectView(ScopedObjectMixin, generic.InspectView):
    pass


class UsageView(ScopedObjectMixin, generic.UsageView):
    pass


class DeleteView(ScopedObjectMixin, generic.DeleteView):
    """Never reached in practice: the permission policy refuses "delete" to everyone."""


class ConsentRecordForm(WagtailAdminModelForm):
    """The admin form: uses as checkboxes, pages limited to what the user may edit, checked evidence."""

    uses = forms.MultipleChoiceField(
        label=_("allowed uses"), choices=ConsentUse.choices, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "pages" in self.fields and self.for_user is not None:
            self.fields["pages"].queryset = pages_for(self.for_user)
        limit_person_fields(self, self.for_user)  # a curator's own people (and the one chosen)

    def clean_evidence(self):
        evidence = self.cleaned_data.get("evidence")
        if evidence and hasattr(evidence, "size") and not getattr(evidence, "_committed", True):
            extension = evidence.name.rsplit(".", 1)[-1].lower() if "." in evidence.name else ""
            if extension not in EVIDENCE_EXTENSIONS:
                raise forms.ValidationError(
                    _("Evidence must be a scan, photo, PDF or recording (%(kinds)s).")
                    % {"kinds": ", ".join(sorted(EVIDENCE_EXTENSIONS))}
                )
            if evidence.size > EVIDENCE_MAX_BYTES:
                raise forms.ValidationError(_("The evidence file is larger than 500 MB."))
        return evidence

    def clean_pages(self):
        pages = self.cleaned_data.get("pages")
        reader = reader_for(self.for_user) if self.for_user else None
        if reader is not None and not reader.is_staff and not pages:
            raise forms.ValidationError(_("Choose at least one page of your community that rests on this consent."))
        return pages

    class Meta:
        model = ConsentRecord
        fields = ["given_by", "person", "uses", "licence", "text_version", "method", "evidence", "given_at", "pages"]


def pages_for(user):
    """Stories and objects the user may attach consent to: all for staff, their communities' for curators."""
    pages = Page.objects.type(StoryPage, HeritageObjectPage)
    reader = reader_for(user)
    if reader.is_staff:
        return pages.order_by("path")
    condition = Page.objects.none()
    for community_path in reader.curator_paths:
        condition = condition | pages.filter(subtree(community_path))
    return condition.order_by("path")


class ConsentRecordViewSet(ModelViewSet):
    model = ConsentRecord
    icon = "tick-inverse"
    menu_label = _("Consent records")
    menu_order = 250
    add_to_admin_menu = True
    url_namespace = "editorial_consent"
    index_view_class = IndexView
    edit_view_class = EditView
    history_view_class = HistoryView
    inspect_view_class = InspectView
    usage_view_class = UsageView
    delete_view_class = DeleteView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "given_by",
        Column("uses_labels", label=_("allowed uses"), accessor=lambda r: ", ".join(r.uses_labels)),
        "method",
        "given_at",
        Column("withdrawn_at", label=_("withdrawn at")),
    ]
    list_filter = ["method", "withdrawn_at"]
    search_fields = ["given_by", "text_version"]
    search_backend_name = None  # plain ORM search: the records are few and never in the public index
    edit_handler = ObjectList(
        [
            FieldPanel("given_by"),
            FieldPanel("person"),
            FieldPanel("uses"),
            FieldRowPanel([FieldPanel("method"), FieldPanel("given_at")]),
            MultiFieldPanel([FieldPanel("licence"), FieldPanel("text_version")], heading=_("Agreement")),
            FieldPanel("evidence"),
            FieldPanel("pages"),
        ],
        base_form_class=ConsentRecordForm,
    )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
        ]
