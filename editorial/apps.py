from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Consent records, the editorial workflow and the checks that guard publication."""

    name = "editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow and consent")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from editorial.models import ConsentRecord
        from editorial.permissions import ConsentRecordPermissionPolicy

        register_permission_policy(ConsentRecord, ConsentRecordPermissionPolicy())
