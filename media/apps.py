from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    """Oral-history audio and video on top of wagtailmedia."""

    name = "media"
    label = "media"
    verbose_name = _("Oral-history media")
    default_auto_field = "django.db.models.BigAutoField"
    # A changed transcript re-indexes the stories presenting its recording: stories
    # connects that receiver (stories/search_documents.py), since the documents are its.
