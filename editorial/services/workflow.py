"""The one editorial workflow: community curators → consent check → museum review.

It hangs on the CommunityIndexPage, so every community under it uses it. Ensured after
every migrate (tasks and workflow) and whenever a CommunityIndexPage is saved (the
assignment), so a fresh site, the demo loader and tests all get it without a manual step.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from core.access import MUSEUM_STAFF_GROUP
from editorial.models import CommunityCuratorApprovalTask, ConsentCheckTask
from stories.models import CommunityIndexPage

WORKFLOW_NAME = "Community stories"
CURATOR_TASK_NAME = "Community curators approve"
CONSENT_TASK_NAME = "Consent check"
MUSEUM_TASK_NAME = "Museum review"


def _task(model, name):
    task = model.objects.filter(name=name).first()
    return task or model.objects.create(name=name)


@transaction.atomic
def ensure_editorial_workflow() -> Workflow:
    """The workflow and its three tasks, in order; safe to call again (repairs order and groups)."""
    curators = _task(CommunityCuratorApprovalTask, CURATOR_TASK_NAME)
    consent = _task(ConsentCheckTask, CONSENT_TASK_NAME)
    museum = _task(GroupApprovalTask, MUSEUM_TASK_NAME)
    staff, _created = Group.objects.get_or_create(name=MUSEUM_STAFF_GROUP)
    museum.groups.add(staff)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first() or Workflow.objects.create(
        name=WORKFLOW_NAME, active=True
    )
    wanted = [curators.pk, consent.pk, museum.pk]
    current = list(workflow.workflow_tasks.order_by("sort_order").values_list("task_id", flat=True))
    if current != wanted:
        workflow.workflow_tasks.all().delete()
        for order, task_id in enumerate(wanted):
            WorkflowTask.objects.create(workflow=workflow, task_id=task_id, sort_order=order)
    return workflow


def assign_to_community_index(index_page) -> None:
    """Hang the editorial workflow on the community index (replacing another one there)."""
    workflow = ensure_editorial_workflow()
    WorkflowPage.objects.update_or_create(
        page=index_page.page_ptr if hasattr(index_page, "page_ptr") else index_page, defaults={"workflow": workflow}
    )


def ensure_assignments() -> None:
    ensure_editorial_workflow()
    for index_page in CommunityIndexPage.objects.all():
        assign_to_community_index(index_page)
