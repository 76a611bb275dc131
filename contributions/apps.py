from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    """Public contributions and the curators' inbox."""

    name = "contributions"
    verbose_name = _("Contributions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any models, and these
        # modules import models. ready() is where Django says cross-app wiring belongs.
        from contributions import signals  # (also: new curator groups → contribute page)
        from core.publishing import NOTIFY, pipeline

        pipeline.register(NOTIFY, signals.notify_sender_on_publish)  # only for a publication that stands

        post_migrate.connect(_create_cache_table, sender=self, dispatch_uid="contributions-cache-table")


def _create_cache_table(sender, using="default", verbosity=1, **kwargs):
    """The rate limit counts in the cache; with the database cache (production's default)
    its table is made here, so `migrate` is the only deploy step. A no-op otherwise."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=max(0, verbosity - 1))
