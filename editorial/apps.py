from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """Consent records, the editorial workflow and the checks that guard publication."""

    name = "editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow and consent")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here, not at the top: Django loads apps.py before any models, and these
        # modules import models. ready() is where Django says cross-app wiring belongs.
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import task_submitted

        from editorial.models import ConsentRecord
        from editorial.notifications import community_task_submission_notifier
        from editorial.permissions import ConsentRecordPermissionPolicy
        from stories.models import CommunityIndexPage

        register_permission_policy(ConsentRecord, ConsentRecordPermissionPolicy())
        post_migrate.connect(_ensure_workflow, dispatch_uid="editorial-ensure-workflow")
        post_save.connect(_assign_workflow, sender=CommunityIndexPage, dispatch_uid="editorial-assign-workflow")
        from wagtail.models import TaskState

        task_submitted.connect(
            community_task_submission_notifier, sender=TaskState, dispatch_uid="editorial-task-submitted-email"
        )
        from core.publishing import GUARD, pipeline
        from editorial.services.consent import publication_stands

        pipeline.register(GUARD, publication_stands)  # first: consent may take the page offline again


def _ensure_workflow(sender, **kwargs):
    """After every migrate: the workflow exists and hangs on every community index.

    Waits for the last app, like stories' roles, so Wagtail's tables and groups exist.
    """
    from django.apps import apps

    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender.label != last.label:
        return
    from editorial.services.workflow import ensure_assignments

    ensure_assignments()


def _assign_workflow(sender, instance, created=False, raw=False, **kwargs):
    if raw or not instance.path:
        return
    from wagtail.models import WorkflowPage

    if created or not WorkflowPage.objects.filter(page_id=instance.pk).exists():
        from editorial.services.workflow import assign_to_community_index

        assign_to_community_index(instance)
