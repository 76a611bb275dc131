"""Oral-history media: wagtailmedia's audio/video with the facts an archive needs."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtailmedia.models import AbstractMedia


class OralHistoryMedia(AbstractMedia):
    """An audio or video recording; transcripts and probing come with the media issue."""

    language = models.CharField(_("spoken language"), max_length=35, blank=True)
    sha256 = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "duration",
        "width",
        "height",
        "thumbnail",
        "tags",
        "language",
    )

    class Meta:
        verbose_name = _("recording")
        verbose_name_plural = _("recordings")
