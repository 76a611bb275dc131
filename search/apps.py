from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Public search: one service, answered by the engine or by the database."""

    name = "search"
    verbose_name = _("Public search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any models, and these
        # modules import models. ready() is where Django says cross-app wiring belongs.
        from django.db.models.signals import post_migrate

        from search import signals
        from search.wagtail_indexes import ensure_wagtail_indexes

        signals.connect()
        post_migrate.connect(ensure_wagtail_indexes, sender=self, dispatch_uid="search-wagtail-indexes")
        from core.publishing import INDEX, pipeline  # the publish pipeline's index stage

        pipeline.register(INDEX, signals.queue_page)
