from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer as an app only for what Django wants from an app: the project's
    system checks, the one ``page_published`` receiver running the publish pipeline and
    the formula-safe CSV writer for every Wagtail export."""

    name = "core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from core import checks  # noqa: F401  (registers the project checks)
        from core.publishing import on_page_published
        from core.spreadsheets import install_in_wagtail_exports

        install_in_wagtail_exports()  # CSV exports never start a formula

        # The one receiver: guard, index, notify, in that order (core/publishing.py).
        page_published.connect(on_page_published, dispatch_uid="brengkunst-publish-pipeline")
