from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer as an app only for what Django wants from an app: the project's
    system checks and the one ``page_published`` receiver running the publish pipeline."""

    name = "core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from core import checks  # noqa: F401  (registers the project checks)
        from core.publishing import on_page_published

        # The one receiver: guard, index, notify, in that order (core/publishing.py).
        page_published.connect(on_page_published, dispatch_uid="brengkunst-publish-pipeline")
