"""The editorial workflow's own tasks: who may act on a page depends on the page's community.

Wagtail's GroupApprovalTask names fixed groups; a community's curators are a group per
community, so one task for all communities has to ask the page which community it is in.
Both tasks answer Wagtail's questions (get_actions, user_can_access_editor,
locked_for_user, get_task_states_user_can_moderate) from the same rule, so the admin's
buttons, the workflow action URLs and the dashboard's "awaiting your review" agree.
"""

from __future__ import annotations

from django.db.models import CharField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from core.access import MUSEUM_STAFF_GROUP, reader_for, subtree
from stories.models import CommunityPage, HeritageObjectPage, StoryPage

REVIEW_ACTIONS = [
    ("reject", _("Request changes"), True),
    ("approve", _("Approve"), False),
    ("approve", _("Approve with comment"), True),
]


def community_path_of(obj) -> str | None:
    """The tree path of the community page a page lives under, or None (not a community page's subtree)."""
    if not isinstance(obj, Page):
        return None
    if isinstance(obj.specific_deferred, CommunityPage):
        return obj.path
    community = CommunityPage.objects.ancestor_of(obj).values_list("path", flat=True).first()
    return community


def needs_consent(obj) -> bool:
    """Stories and objects rest on someone's consent; community and index pages do not."""
    return isinstance(obj, Page) and isinstance(obj.specific_deferred, StoryPage | HeritageObjectPage)


def is_curator_of(user, obj) -> bool:
    """True when the user is in the curator group of the community ``obj`` lives in."""
    path = community_path_of(obj)
    return bool(path) and path in reader_for(user).curator_paths


def _in_progress_under(task, paths):
    """This task's in-progress states on pages under any of the community paths."""
    if not paths:
        return TaskState.objects.none()
    condition = subtree(paths[0])
    for path in paths[1:]:
        condition |= subtree(path)
    page_ids = Page.objects.filter(condition).annotate(id_text=Cast("pk", CharField())).values("id_text")
    return task.task_states.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        workflow_state__base_content_type__app_label="wagtailcore",
        workflow_state__base_content_type__model="page",
        workflow_state__object_id__in=page_ids,
    )


class CommunityCuratorApprovalTask(Task):
    """Step 1: the curators of the page's own community approve; nobody else (except superusers).

    Museum staff are not approvers here (their step is the last one), but they may still
    edit the page, as everywhere else; a curator of another community sees nothing.
    """

    def _is_approver(self, obj, user) -> bool:
        if not user.is_active:
            return False
        if user.is_superuser or is_curator_of(user, obj):
            return True
        # A page in no community (the community index itself) has no curators: staff approve.
        return community_path_of(obj) is None and reader_for(user).is_staff

    def user_can_access_editor(self, obj, user):
        return self._is_approver(obj, user)

    def locked_for_user(self, obj, user):
        return not (self._is_approver(obj, user) or reader_for(user).is_staff)

    def user_can_lock(self, obj, user):
        return self._is_approver(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        return list(REVIEW_ACTIONS) if self._is_approver(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if user.is_superuser:
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return _in_progress_under(self, reader_for(user).curator_paths)

    def approvers_for(self, obj):
        """The users who may act on ``obj`` at this step (for notifications)."""
        from django.contrib.auth import get_user_model

        path = community_path_of(obj)
        group_id = CommunityPage.objects.filter(path=path).values_list("curator_group_id", flat=True).first()
        return (
            get_user_model().objects.filter(groups__pk=group_id, is_active=True)
            if group_id
            else get_user_model().objects.none()
        )

    @classmethod
    def get_description(cls):
        return _("The curators of the page's own community approve it")

    class Meta:
        verbose_name = _("community curator approval")
        verbose_name_plural = _("community curator approvals")


class ConsentCheckTask(Task):
    """Step 2: approval is refused unless unwithdrawn consent covers online publication,
    and while a teller's review the curators asked to wait for is unanswered (or asked for
    changes on the version still current: editorial.services.teller_review.waiting_problem).

    Who may act: the page's community curators (they collected the consent and know the
    person) and museum staff (who answer for publication). The check itself is
    editorial.services.consent.publication_consent_problem, asked at the moment of approval.
    """

    def start(self, workflow_state, user=None):
        """Pages that rest on no consent (community pages, the index) skip this step."""
        task_state = super().start(workflow_state, user=user)
        if not needs_consent(workflow_state.content_object):
            task_state.status = TaskState.STATUS_SKIPPED
            task_state.finished_at = timezone.now()
            task_state.comment = str(_("Not a story or object: no consent needed."))
            task_state.save(update_fields=["status", "finished_at", "comment"])
        return task_state

    def _may_act(self, obj, user) -> bool:
        return user.is_active and (reader_for(user).is_staff or is_curator_of(user, obj))

    def user_can_access_editor(self, obj, user):
        return self._may_act(obj, user)

    def locked_for_user(self, obj, user):
        return not self._may_act(obj, user)

    def user_can_lock(self, obj, user):
        return self._may_act(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        return list(REVIEW_ACTIONS) if self._may_act(obj, user) else []

    def on_action(self, task_state, user, action_name, **kwargs):
        """Approve only with valid consent; otherwise leave the task in progress and say why.

        Wagtail's action view follows the URL this returns: a small admin view that shows
        what is missing (computed again there, so the message is never stale).
        """
        if action_name == "approve":
            from editorial.services.consent import publication_consent_problem
            from editorial.services.teller_review import waiting_problem

            page = task_state.workflow_state.content_object.specific
            if needs_consent(page) and (publication_consent_problem(page) or waiting_problem(page)):
                return reverse("editorial_consent_refused", args=[page.pk])
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        reader = reader_for(user)
        if user.is_superuser or reader.is_staff:
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return _in_progress_under(self, reader.curator_paths)

    def approvers_for(self, obj):
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        path = community_path_of(obj)
        group_id = CommunityPage.objects.filter(path=path).values_list("curator_group_id", flat=True).first()
        return (
            get_user_model()
            .objects.filter(Q(groups__name=MUSEUM_STAFF_GROUP) | Q(groups__pk=group_id), is_active=True)
            .distinct()
        )

    @classmethod
    def get_description(cls):
        return _("Refuses approval unless consent covers online publication and is not withdrawn")

    class Meta:
        verbose_name = _("consent check")
        verbose_name_plural = _("consent checks")
