"""The editorial workflow through the real admin views: curators, consent check, museum review."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext, override
from wagtail.models import Page, TaskState, WorkflowState

from editorial.models import CommunityCuratorApprovalTask, ConsentCheckTask
from editorial.services.consent import record_consent
from editorial.services.workflow import ensure_editorial_workflow
from stories.models import Licence
from tests.admin_forms import story_form
from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


def give_consent(page, uses=("online",)):
    return record_consent(
        given_by="Tia Lopes", uses=uses, licence=Licence.CC_BY.value, text_version="2026-1", method="form", pages=[page]
    )


def action_url(page, action, task_state=None):
    task_state = task_state or page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def assert_denied(response):
    """Wagtail's admin turns PermissionDenied into a redirect home with a message."""
    assert response.status_code == 200
    assert response.redirect_chain and response.redirect_chain[-1][0] == "/admin/"
    with override("nl"):
        expected = escape(gettext("Sorry, you do not have permission to access this area."))
    assert expected in response.content.decode()


XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}  # how the admin's modal posts: a plain 403


def current(page):
    page = Page.objects.get(pk=page.pk).specific
    return page, page.current_workflow_task


@pytest.fixture
def submitted_a(client, community_a, curator_a):
    """A draft story in community A, submitted to the workflow by its curator through the editor."""
    story = StoryPageFactory(parent=community_a, title="Moeders van Mindelo", slug="moeders", live=False)
    story.save_revision()
    client.force_login(curator_a)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        story_form(title="Moeders van Mindelo", slug="moeders", **{"action-submit": "submit"}),
    )
    assert response.status_code == 302, response.content[:2000]
    client.logout()
    story, task = current(story)
    assert isinstance(task, CommunityCuratorApprovalTask)
    return story


def test_workflow_hangs_on_the_community_index_with_three_tasks_in_order(community_a, community_index):
    story = StoryPageFactory(parent=community_a)
    workflow = story.get_workflow()
    assert workflow is not None and workflow.name == "Community stories"
    assert community_index.get_workflow() == workflow
    tasks = [task.specific for task in workflow.tasks]
    assert [type(task).__name__ for task in tasks] == [
        "CommunityCuratorApprovalTask",
        "ConsentCheckTask",
        "GroupApprovalTask",
    ]
    assert [g.name for g in tasks[2].groups.all()] == ["Museum staff"]


def test_ensuring_the_workflow_again_changes_nothing(community_index):
    first = ensure_editorial_workflow()
    task_ids = [t.pk for t in first.tasks]
    second = ensure_editorial_workflow()
    assert second.pk == first.pk and [t.pk for t in second.tasks] == task_ids


def test_curator_of_another_community_can_neither_see_nor_act(client, submitted_a, curator_b, staff_user):
    story, task = current(submitted_a)
    task_state = story.current_workflow_task_state
    client.force_login(curator_b)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).status_code in (302, 403, 404)
    for action in ("approve", "reject"):
        response = client.post(action_url(story, action), {"comment": "Mag ik?"}, follow=True)
        assert_denied(response)
        assert client.post(action_url(story, action), {"comment": "Mag ik?"}, **XHR).status_code == 403
    assert_denied(client.get(action_url(story, "approve"), follow=True))
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not TaskState.objects.reviewable_by(curator_b).exists()
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert b"Moeders van Mindelo" not in dashboard.content
    assert task.get_actions(story, curator_b) == []
    assert task.locked_for_user(story, curator_b)
    assert not task.user_can_access_editor(story, curator_b)
    # Museum staff do not approve the curators' step (theirs is the last one).
    assert task.get_actions(story, staff_user) == []


def test_full_route_curator_consent_museum_publishes(client, submitted_a, curator_a, staff_user):
    story, _task = current(submitted_a)
    assert TaskState.objects.reviewable_by(curator_a).filter(pk=story.current_workflow_task_state.pk).exists()

    # 1. the community's own curator approves
    client.force_login(curator_a)
    assert b"Moeders van Mindelo" in client.get(reverse("wagtailadmin_home")).content
    response = client.post(action_url(story, "approve"))
    assert response.status_code == 302
    story, task = current(story)
    assert isinstance(task, ConsentCheckTask)

    # 2. the consent check refuses without consent, saying what is missing
    response = client.post(action_url(story, "approve"), follow=True)
    assert "geen toestemming vastgelegd" in response.content.decode()  # the curator reads Dutch
    story, task = current(story)
    assert isinstance(task, ConsentCheckTask)
    assert story.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    # … also when consent exists but does not cover online publication
    give_consent(story, uses=["research"])
    response = client.post(action_url(story, "approve"), follow=True)
    assert "geldt niet voor online publicatie" in response.content.decode()
    assert isinstance(current(story)[1], ConsentCheckTask)

    # … and passes with consent for online publication
    give_consent(story)
    response = client.post(action_url(story, "approve"))
    assert response.status_code == 302
    story, task = current(story)
    assert task.name == "Museum review"
    assert not story.live
    client.logout()

    # 3. museum staff approve: published, the requester is told by e-mail
    mail.outbox.clear()
    client.force_login(staff_user)
    response = client.post(action_url(story, "approve"))
    assert response.status_code == 302
    story = Page.objects.get(pk=story.pk).specific
    assert story.live
    assert story.current_workflow_state is None
    assert WorkflowState.objects.get(object_id=str(story.pk)).status == WorkflowState.STATUS_APPROVED
    assert any(curator_a.email in message.to for message in mail.outbox)
    client.logout()
    assert client.get(story.url).status_code == 200


def test_curator_is_emailed_when_a_story_reaches_them(client, community_a, curator_a, staff_user):
    story = StoryPageFactory(parent=community_a, title="Nieuw verhaal", live=False)
    story.save_revision()
    mail.outbox.clear()
    story.get_workflow().start(story, staff_user)
    assert [m.to for m in mail.outbox if curator_a.email in m.to], [m.to for m in mail.outbox]


def test_rejection_goes_back_to_the_editor_with_the_comment(client, submitted_a, curator_a, staff_user):
    story, _ = current(submitted_a)
    client.force_login(curator_a)
    client.post(action_url(story, "approve"))
    give_consent(story)
    client.post(action_url(current(story)[0], "approve"))
    client.logout()

    mail.outbox.clear()
    client.force_login(staff_user)
    story = current(story)[0]
    response = client.post(action_url(story, "reject"), {"comment": "De datum klopt niet."})
    assert response.status_code == 302
    story = Page.objects.get(pk=story.pk).specific
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not story.live
    rejection = [m for m in mail.outbox if curator_a.email in m.to]
    assert rejection and "De datum klopt niet." in rejection[0].body
    client.force_login(curator_a)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert editor.status_code == 200 and "De datum klopt niet." in editor.content.decode()


def test_curator_step_can_be_rejected_by_the_own_curator(client, submitted_a, curator_a):
    client.force_login(curator_a)
    response = client.post(action_url(submitted_a, "reject"), {"comment": "Graag een samenvatting."})
    assert response.status_code == 302
    assert WorkflowState.objects.get(object_id=str(submitted_a.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_member_cannot_act(client, submitted_a, member_a):
    client.force_login(member_a)
    assert client.post(action_url(submitted_a, "approve"), **XHR).status_code == 403
    assert submitted_a.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert isinstance(current(submitted_a)[1], CommunityCuratorApprovalTask)


def test_consent_check_is_also_for_the_communitys_curators_not_others(submitted_a, curator_a, curator_b, staff_user):
    task = ConsentCheckTask.objects.get()
    assert task.get_actions(submitted_a, curator_a)
    assert task.get_actions(submitted_a, staff_user)
    assert task.get_actions(submitted_a, curator_b) == []


def test_staff_cannot_publish_directly_against_the_consent_on_file(client, community_a, staff_user):
    from editorial.services.consent import withdraw_consent

    story = StoryPageFactory(parent=community_a, title="Buiten de workflow", slug="buiten", live=False)
    story.save_revision()
    client.force_login(staff_user)
    url = reverse("wagtailadmin_pages:edit", args=[story.pk])
    data = story_form(title="Buiten de workflow", slug="buiten", **{"action-publish": "publish"})

    research_only = give_consent(story, uses=["research"])
    response = client.post(url, data, follow=True)
    assert "Niet gepubliceerd" in response.content.decode()
    assert "geldt niet voor online publicatie" in response.content.decode()
    story.refresh_from_db()
    assert not story.live

    online = give_consent(story)
    client.post(url, data)
    story.refresh_from_db()
    assert story.live

    # After a withdrawal, the Publish button cannot silently put the story back.
    withdraw_consent(online, user=staff_user)
    withdraw_consent(research_only, user=staff_user)
    response = client.post(url, data, follow=True)
    assert "is ingetrokken" in response.content.decode()
    story.refresh_from_db()
    assert not story.live


def test_staff_may_publish_a_page_with_no_consent_on_file(client, community_a, staff_user):
    """The museum's own texts and older content: the publisher's responsibility (docs/workflow.md)."""
    story = StoryPageFactory(parent=community_a, title="Museumtekst", slug="museumtekst", live=False)
    story.save_revision()
    client.force_login(staff_user)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[story.pk]),
        story_form(title="Museumtekst", slug="museumtekst", **{"action-publish": "publish"}),
    )
    story.refresh_from_db()
    assert story.live


def test_a_community_page_skips_the_consent_check(client, community_a, curator_a, staff_user):
    community_a.short_description = "Nieuwe beschrijving"
    community_a.save_revision()
    community_a.get_workflow().start(community_a, curator_a)
    client.force_login(curator_a)
    assert client.post(action_url(community_a, "approve")).status_code == 302
    page, task = current(community_a)
    assert task.name == "Museum review"
    skipped = TaskState.objects.get(workflow_state=page.current_workflow_state, task__name="Consent check")
    assert skipped.status == TaskState.STATUS_SKIPPED
    client.force_login(staff_user)
    assert client.post(action_url(page, "approve")).status_code == 302
    assert Page.objects.get(pk=page.pk).specific.short_description == "Nieuwe beschrijving"


def test_the_community_index_is_approved_by_staff_at_the_first_step(community_index, curator_a, staff_user):
    community_index.save_revision()
    community_index.get_workflow().start(community_index, staff_user)
    task = community_index.current_workflow_task
    assert isinstance(task, CommunityCuratorApprovalTask)
    assert task.get_actions(community_index, staff_user)
    assert task.get_actions(community_index, curator_a) == []
