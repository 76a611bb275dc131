"""Transcripts and segments in the Wagtail admin, with the recording's permissions.

A curator may work on the transcript of a recording they may edit (wagtailmedia's
per-collection permissions), and on nothing else: every list and every object view
is limited to those recordings. Segments are edited one at a time (a three-hour
interview has 4,000; an inline formset of them would not submit), from a list
filtered by transcript.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.forms.models import modelform_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import BasePermissionPolicy

from core.timecodes import clock
from media.forms import SegmentForm, TranscriptForm
from media.models import OralHistoryMedia, Segment, Transcript
from media.speakers import withheld_label, withheld_labels


def _media_policy():
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(OralHistoryMedia)


class RecordingPermissionPolicy(BasePermissionPolicy):
    """Any action on a transcript or segment needs "change" on its recording."""

    def __init__(self, model, media_path: str):
        super().__init__(model)
        self.media_path = media_path  # "media" or "transcript__media"

    def _media_of(self, instance):
        return instance.media if self.media_path == "media" else instance.transcript.media

    def user_has_permission(self, user, action):
        return _media_policy().user_has_permission(user, "change") or _media_policy().user_has_permission(user, "add")

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, "change")

    def user_has_permission_for_instance(self, user, action, instance):
        return _media_policy().user_has_permission_for_instance(user, "change", self._media_of(instance))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_permission_for_instance(user, "change", instance)

    def instances_user_has_permission_for(self, user, action):
        editable = _media_policy().instances_user_has_permission_for(user, "change")
        return self.model._default_manager.filter(**{f"{self.media_path}__in": editable})

    def instances_user_has_any_permission_for(self, user, actions):
        return self.instances_user_has_permission_for(user, "change")

    def users_with_permission(self, action):
        return _media_policy().users_with_permission("change")

    def users_with_any_permission(self, actions):
        return self.users_with_permission("change")


class _OnlyEditable:
    """Lists and single-object views see only rows of recordings the user may edit."""

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "change")

    def get_queryset(self):
        if isinstance(self, generic.IndexView):
            return super().get_queryset()
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "change")


class TranscriptIndexView(_OnlyEditable, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("media").annotate(segment_count=Count("segments"))

    def get_table(self, object_list):
        """The speaker labels held back from the public, for the page's transcripts at once."""
        withheld = withheld_labels(transcript.pk for transcript in object_list)
        for transcript in object_list:
            transcript.withheld_speakers = withheld.get(transcript.pk, [])
        return super().get_table(object_list)


class TranscriptEditView(_OnlyEditable, generic.EditView):
    """Warns, above the form, of speaker labels that look like names of nobody: visitors
    see "Speaker" for them until the curator records the person or corrects the label."""

    template_name = "media/admin/transcript_edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        labels = withheld_labels([self.object.pk]).get(self.object.pk, [])
        link = _segments_link(self.object)
        context["withheld_speakers"] = [(label, f"{link}&{urlencode({'text': label})}") for label in labels]
        context["withheld_shown_as"] = withheld_label()
        return context


class TranscriptDeleteView(_OnlyEditable, generic.DeleteView):
    pass


def _segments_link(transcript):
    from django.urls import reverse

    return reverse("segments:index") + f"?transcript={transcript.pk}"


class TranscriptViewSet(ModelViewSet):
    model = Transcript
    icon = "media"
    menu_label = _("Transcripts")
    add_to_admin_menu = False
    index_view_class = TranscriptIndexView
    edit_view_class = TranscriptEditView
    delete_view_class = TranscriptDeleteView
    list_display = [
        "__str__",
        "language",
        TitleColumn("segment_count", label=_("segments"), get_url=lambda t: _segments_link(t)),
        Column(
            "withheld_speakers",
            label=_("speakers held back"),
            accessor=lambda t: ", ".join(getattr(t, "withheld_speakers", [])),
        ),
        "source_name",
        "updated_at",
    ]
    search_fields = ["media__title", "language"]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return modelform_factory(Transcript, form=_transcript_form(), fields=["media", "language"])

    def get_edit_handler(self):
        return None


def _transcript_form():
    class Form(TranscriptForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.for_user is not None and "media" in self.fields:
                self.fields["media"].queryset = (
                    _media_policy().instances_user_has_permission_for(self.for_user, "change").order_by("title")
                )
            if self.instance.pk:
                count = self.instance.segments.count()
                self.fields["transcript_file"].help_text = ngettext(
                    "Optional. Importing replaces its %(count)s segment; "
                    "edit single segments under Transcript segments.",
                    "Optional. Importing replaces all %(count)s segments; "
                    "edit single segments under Transcript segments.",
                    count,
                ) % {"count": count}

    return Form


class SegmentIndexView(_OnlyEditable, generic.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("transcript__media")
        transcript = self.request.GET.get("transcript", "")
        if transcript.isdigit():
            queryset = queryset.filter(transcript_id=int(transcript))
        query = self.request.GET.get("text", "").strip()
        if query:
            queryset = queryset.filter(Q(text__icontains=query) | Q(speaker__icontains=query))
        return queryset


class _TouchesTranscript:
    """A segment edit is a transcript change: the search documents follow (outbox)."""

    def _touch(self, transcript_id):
        transcript = Transcript.objects.filter(pk=transcript_id).first()
        if transcript is not None:
            transcript.save(update_fields=["updated_at"])


class SegmentEditView(_TouchesTranscript, _OnlyEditable, generic.EditView):
    def save_instance(self):
        instance = super().save_instance()
        self._touch(instance.transcript_id)
        return instance


class SegmentCreateView(_TouchesTranscript, generic.CreateView):
    def save_instance(self):
        instance = super().save_instance()
        self._touch(instance.transcript_id)
        return instance


class SegmentDeleteView(_TouchesTranscript, _OnlyEditable, generic.DeleteView):
    def delete_action(self):
        transcript_id = self.object.transcript_id
        super().delete_action()
        self._touch(transcript_id)


class SegmentViewSet(ModelViewSet):
    model = Segment
    icon = "list-ul"
    menu_label = _("Transcript segments")
    add_to_admin_menu = False
    index_view_class = SegmentIndexView
    edit_view_class = SegmentEditView
    add_view_class = SegmentCreateView
    delete_view_class = SegmentDeleteView
    list_display = [
        Column("start", label=_("start"), accessor=lambda s: clock(s.start, millis=True)),
        "speaker",
        "text",
        "transcript",
    ]
    list_per_page = 100
    ordering = ["transcript_id", "start_ms", "pk"]
    inspect_view_enabled = False
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return modelform_factory(
            Segment, form=_segment_form(), fields=["transcript", "start_ms", "end_ms", "speaker", "text"]
        )

    def get_edit_handler(self):
        return None


def _segment_form():
    class Form(SegmentForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.for_user is not None and "transcript" in self.fields:
                self.fields["transcript"].queryset = (
                    RecordingPermissionPolicy(Transcript, "media")
                    .instances_user_has_permission_for(self.for_user, "change")
                    .select_related("media")
                )

    return Form


def register_policies():
    """Called from wagtail_hooks (before the viewsets are registered)."""
    from wagtail.permissions import register_permission_policy

    register_permission_policy(Transcript, RecordingPermissionPolicy(Transcript, "media"), exact_class=True)
    register_permission_policy(Segment, RecordingPermissionPolicy(Segment, "transcript__media"), exact_class=True)


class TranscriptsGroup(ModelViewSetGroup):
    menu_label = _("Transcripts")
    menu_icon = "media"
    menu_order = 310
    items = (TranscriptViewSet("transcripts"), SegmentViewSet("segments"))
