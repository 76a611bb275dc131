from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """A community's export (a zip of JSON and files) and its import into a site."""

    name = "exchange"
    verbose_name = _("Community export and import")
    default_auto_field = "django.db.models.BigAutoField"
