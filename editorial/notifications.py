"""E-mail the people who may act when a page reaches one of the editorial tasks.

Wagtail e-mails the groups of a GroupApprovalTask when it starts; our tasks find their
approvers per page, so they need this small notifier (same templates, same preferences).
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier


class CommunityTaskSubmissionEmailNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        from wagtail.models import TaskState

        from editorial.models import CommunityCuratorApprovalTask, ConsentCheckTask

        return isinstance(instance, TaskState) and isinstance(
            instance.task.specific, CommunityCuratorApprovalTask | ConsentCheckTask
        )

    def get_recipient_users(self, task_state, **kwargs):
        page = task_state.workflow_state.content_object
        recipients = task_state.task.specific.approvers_for(page)
        triggering_user = kwargs.get("user")
        users = get_user_model().objects.filter(Q(pk__in=recipients.values("pk")) | Q(is_superuser=True))
        if triggering_user is not None:
            users = users.exclude(pk=triggering_user.pk)
        return users


community_task_submission_notifier = CommunityTaskSubmissionEmailNotifier()
