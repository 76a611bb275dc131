from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DepotConfig(AppConfig):
    """The museum depot's catalogue: collections, items and the public depot pages."""

    name = "depot"
    verbose_name = _("Depot catalogue")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from depot import search_documents

        search_documents.register()  # the index's depot items, and their receivers
