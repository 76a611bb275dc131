"""Oral-history media: wagtailmedia's audio/video with the facts an archive needs,
and time-coded transcripts of them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtailmedia.models import AbstractMedia

from core.timecodes import clock


class OralHistoryMedia(AbstractMedia):
    """An audio or video recording. Duration, size, codecs and (for video) the poster
    frame are read from the file by ffprobe/ffmpeg on upload (media.forms), not typed in."""

    language = models.CharField(_("spoken language"), max_length=35, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    codecs = models.CharField(_("codecs"), max_length=100, blank=True, editable=False)
    container = models.CharField(_("container"), max_length=100, blank=True, editable=False)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True, editable=False)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "thumbnail",
        "tags",
        "language",
    )

    class Meta:
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")


class Transcript(models.Model):
    """What is said in a recording, in one language, as timed segments.

    Imported from WebVTT or SRT (media.transcript_service.import_transcript); the
    segments are edited one by one in the admin and exported as WebVTT for captions.
    """

    media = models.ForeignKey(
        OralHistoryMedia, verbose_name=_("recording"), on_delete=models.CASCADE, related_name="transcripts"
    )
    language = models.CharField(_("language"), max_length=35, blank=True, help_text=_("BCP 47 code, e.g. nl, en, pap."))
    source_name = models.CharField(_("imported from"), max_length=255, blank=True, editable=False)
    source_format = models.CharField(_("format"), max_length=8, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("transcript")
        verbose_name_plural = _("transcripts")
        ordering = ["media_id", "language"]
        constraints = [models.UniqueConstraint(fields=["media", "language"], name="media_transcript_one_per_language")]

    def __str__(self):
        language = f" ({self.language})" if self.language else ""
        return f"{self.media.title}{language}" if self.media_id else str(_("transcript"))


class Segment(models.Model):
    """One timed piece of a transcript: who speaks, from when to when (milliseconds)."""

    transcript = models.ForeignKey(
        Transcript, verbose_name=_("transcript"), on_delete=models.CASCADE, related_name="segments"
    )
    start_ms = models.PositiveIntegerField(_("start (ms)"))
    end_ms = models.PositiveIntegerField(_("end (ms)"))
    speaker = models.CharField(
        _("speaker"),
        max_length=200,
        blank=True,
        help_text=_("As written in the transcript. A speaker who is a known person is shown by their public name."),
    )
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["transcript_id", "start_ms", "pk"]
        indexes = [models.Index(fields=["transcript", "start_ms"], name="media_segment_time")]

    def __str__(self):
        return f"{clock(self.start_ms / 1000)} {self.text[:60]}"

    @property
    def start(self) -> float:
        return self.start_ms / 1000

    @property
    def end(self) -> float:
        return self.end_ms / 1000

    def clean(self):
        super().clean()
        if self.start_ms is not None and self.end_ms is not None and self.end_ms <= self.start_ms:
            raise ValidationError({"end_ms": _("A segment must end after it starts.")})
        if not self.transcript_id or self.start_ms is None or self.end_ms is None:
            return
        overlapping = (
            Segment.objects.filter(transcript_id=self.transcript_id, start_ms__lt=self.end_ms, end_ms__gt=self.start_ms)
            .exclude(pk=self.pk)
            .order_by("start_ms")
            .first()
        )
        if overlapping:
            raise ValidationError(
                _("This segment overlaps the one from %(start)s to %(end)s: %(text)s")
                % {
                    "start": clock(overlapping.start, millis=True),
                    "end": clock(overlapping.end, millis=True),
                    "text": overlapping.text[:80],
                }
            )
