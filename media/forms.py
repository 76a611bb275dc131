"""Admin forms: the recording upload (probed by ffprobe) and transcript import/segment edit.

Wagtailmedia builds its add/edit/chooser-upload forms on ``WAGTAILMEDIA["MEDIA_FORM_BASE"]``
(config/settings/base.py points it at ``RecordingForm``), so every way of uploading a
recording goes through the same check.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm
from wagtailmedia.forms import BaseMediaForm

from core.timecodes import clock, parse
from media import probe

logger = logging.getLogger(__name__)


def _probe_upload(upload, expected: str):
    """(ProbeResult, sha256, poster JPEG bytes) of an uploaded file, read from a temporary path."""
    digest = hashlib.sha256()
    path = getattr(upload, "temporary_file_path", None)
    suffix = Path(upload.name or "").suffix[:10]
    handle = None
    try:
        if path:
            path = path()
            for chunk in upload.chunks():
                digest.update(chunk)
        else:
            handle = tempfile.NamedTemporaryFile(suffix=suffix, delete=False)  # noqa: SIM115
            with handle:
                for chunk in upload.chunks():
                    digest.update(chunk)
                    handle.write(chunk)
            path = handle.name
        result = probe.probe(path, expected)
        poster = probe.poster_frame(path, result.duration) if result.has_video else b""
    finally:
        upload.seek(0)
        if handle is not None:
            os.unlink(handle.name)
    return result, digest.hexdigest(), poster


class RecordingForm(BaseMediaForm):
    """Refuses a file ffprobe cannot play (nothing is saved) and fills in what it read."""

    probed = None

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload and "file" in self.changed_data:
            try:
                self.probed = _probe_upload(upload, self.instance.type)
            except probe.ProbeError as error:
                self.add_error("file", str(error))
            except probe.ToolMissing:
                logger.error("ffprobe/ffmpeg missing: recordings cannot be checked")
                self.add_error(
                    "file",
                    _(
                        "Recordings cannot be checked on this server right now (ffprobe is missing). "
                        "Ask the site administrator; nothing was saved."
                    ),
                )
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        if self.probed:
            result, sha256, poster = self.probed
            instance.duration = round(result.duration, 3)
            instance.codecs = result.codecs
            instance.container = result.format_name
            instance.file_size = result.size
            instance.sha256 = sha256
            instance.width, instance.height = result.width, result.height
            if poster and "thumbnail" not in self.changed_data:
                stem = Path(instance.file.name or "poster").stem[:80] or "poster"
                instance.thumbnail.save(f"{stem}-poster.jpg", ContentFile(poster), save=False)
        if commit:
            instance.save()
            self.save_m2m()
        return instance


class TranscriptForm(WagtailAdminModelForm):
    """Import a WebVTT or SRT file: a refused file shows each problem with its line number,
    and the transcript (its segments) stays as it was."""

    transcript_file = forms.FileField(
        label=_("WebVTT or SRT file"),
        required=False,
        help_text=_("Importing replaces all segments of this transcript."),
        widget=forms.ClearableFileInput(attrs={"accept": ".vtt,.srt,text/vtt"}),
    )
    parsed = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["transcript_file"].required = True

    def clean_transcript_file(self):
        from media.transcript_service import MAX_TRANSCRIPT_BYTES, TranscriptError, detect_format, parse_upload

        upload = self.cleaned_data.get("transcript_file")
        if not upload:
            return upload
        if upload.size > MAX_TRANSCRIPT_BYTES:
            raise forms.ValidationError(_("The file is too large for a transcript."))
        try:
            data = upload.read()
            self.parsed = parse_upload(data, upload.name or "")
            self.source_format = detect_format(data)
        except TranscriptError as error:
            shown = error.problems[:20]
            messages = [str(problem) for problem in shown]
            if len(error.problems) > len(shown):
                more = len(error.problems) - len(shown)
                messages.append(
                    ngettext("… and %(count)s more problem.", "… and %(count)s more problems.", more) % {"count": more}
                )
            raise forms.ValidationError([_("The file was not imported; nothing was changed.")] + messages) from error
        return upload

    def clean(self):
        cleaned = super().clean()
        if self.parsed and not cleaned.get("language") and self.parsed.language:
            cleaned["language"] = self.parsed.language[:35]
            self.instance.language = cleaned["language"]
        return cleaned

    def save(self, commit=True):
        from django.db import transaction

        from media.transcript_service import replace_segments

        instance = super().save(commit=False)
        if not commit:
            return instance
        with transaction.atomic():
            if self.parsed is not None:
                upload = self.cleaned_data["transcript_file"]
                instance.source_name = (upload.name or "")[-255:]
                instance.source_format = self.source_format
            instance.save()
            self.save_m2m()
            if self.parsed is not None:
                replace_segments(instance, self.parsed)
        return instance


class TimecodeField(forms.Field):
    """A time written as 12:34.500 or 1:02:03, kept as milliseconds."""

    widget = forms.TextInput(attrs={"maxlength": 16, "inputmode": "decimal", "autocomplete": "off"})

    def prepare_value(self, value):
        if isinstance(value, int):
            return clock(value / 1000, millis=True)
        return value

    def to_python(self, value):
        value = str(value).strip() if value is not None else ""
        if value in self.empty_values:
            return None
        seconds = parse(value)
        if seconds is None:
            raise forms.ValidationError(_("Write the time as 12:34, 12:34.500 or 1:02:03."))
        return round(seconds * 1000)


class SegmentForm(WagtailAdminModelForm):
    start_ms = TimecodeField(label=_("start"), help_text=_("e.g. 12:34.500 or 1:02:03"))
    end_ms = TimecodeField(label=_("end"))
