"""The teller reviews the draft without an account: the link, the answer, the waiting step."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Comment, Page, PageLogEntry, TaskState

from editorial.models import ConsentCheckTask, ReviewAnswer, ReviewInvitation
from editorial.services import teller_review
from editorial.services.consent import record_consent
from stories.models import Licence
from tests.editorial.review_helpers import (
    PSEUDONYM,
    REAL_NAME,
    REVIEWER_EMAIL,
    draft_story,
    invite,
    link_path,
    review_path,
    submit,
)

pytestmark = pytest.mark.django_db


def give_consent(page):
    return record_consent(
        given_by="Maria",
        uses=["online"],
        licence=Licence.CC_BY.value,
        text_version="2026-1",
        method="form",
        pages=[page],
    )


def action_url(page, action):
    page = Page.objects.get(pk=page.pk).specific
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, page.current_workflow_task_state.pk])


def current_task(page):
    return Page.objects.get(pk=page.pk).specific.current_workflow_task


def answer_by_link(path, answer, comment=""):
    parts = urlsplit(path)
    token = parse_qs(parts.query)["t"][0]
    return Client().post(parts.path, {"t": token, "answer": answer, "comment": comment})


@pytest.fixture
def story(community_a):
    return draft_story(community_a)


def test_the_curator_invites_through_the_admin_and_the_reviewer_gets_the_link(client, story, curator_a):
    client.force_login(curator_a)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    admin_url = reverse("editorial_teller_review_admin", args=[story.pk])
    assert admin_url in edit  # the header action
    assert client.get(admin_url).status_code == 200
    mail.outbox.clear()
    response = client.post(
        admin_url,
        {"name": "Ana Semedo", "email": REVIEWER_EMAIL, "relation": "dochter", "language": "nl", "waits": "on"},
    )
    assert response.status_code == 302
    invitation = ReviewInvitation.objects.get(page=story)
    assert invitation.waits and invitation.created_by == curator_a and invitation.language == "nl"
    assert len(invitation.secret_hash) == 64
    (message,) = mail.outbox
    assert message.to == [REVIEWER_EMAIL]
    assert "Moeders van Mindelo" in message.subject and "Lees" in message.subject  # Dutch by default
    assert "Beste Ana Semedo" in message.body
    path = link_path()
    assert path.startswith(f"/review/{story.pk}/?t=")
    assert Client().get(path).status_code == 200
    listing = client.get(admin_url).content.decode()
    assert "Ana Semedo" in listing and 'data-state="open"' in listing


def test_an_english_invitation_is_mailed_and_shown_in_english(story, curator_a):
    invite(story, curator_a, language="en")
    message = mail.outbox[-1]
    assert message.subject.startswith("Please read") and "Dear Ana Semedo" in message.body
    path = link_path()
    assert path.startswith("/en/review/")
    html = Client().get(path).content.decode()
    assert "Preview: this page is not public yet." in html and "Send my answer" in html


def test_the_review_link_shows_the_pseudonym_never_the_real_name(story, curator_a):
    invite(story, curator_a)
    response = Client().get(link_path())
    html = response.content.decode()
    assert response.status_code == 200
    assert PSEUDONYM in html
    assert REAL_NAME not in html and "Semedo" not in html
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "same-origin"
    assert "noindex" in response["X-Robots-Tag"]


def test_hidden_narrators_read_anonymous(community_a, curator_a):
    story = draft_story(community_a, name_display="anonymous")
    invite(story, curator_a)
    html = Client().get(link_path()).content.decode()
    assert "Anoniem" in html and REAL_NAME not in html


def test_the_preview_shows_the_latest_draft_not_the_live_version(community_a, curator_a):
    story = draft_story(community_a, title="Oude titel")
    story.save_revision().publish()
    story.title = "Nieuwe titel in het concept"
    story.save_revision()
    invite(story, curator_a)
    html = Client().get(link_path()).content.decode()
    assert "Nieuwe titel in het concept" in html and "Oude titel" not in html


def test_approval_lands_as_a_comment_in_the_history_and_with_the_curators(
    story, curator_a, curator_b, django_capture_on_commit_callbacks
):
    invitation, _token = invite(story, curator_a)
    path = link_path()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the curators hear once the answer is saved
        response = answer_by_link(path, "approved", "Mooi zo.")
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.answer == ReviewAnswer.APPROVED and invitation.answered_at is not None
    assert invitation.revision_id == Page.objects.get(pk=story.pk).latest_revision_id
    comment = Comment.objects.get(page_id=story.pk)
    assert comment.text == "Beoordeling door Ana Semedo: goedgekeurd — Mooi zo."
    assert comment.user == curator_a and comment.contentpath == "title"
    entry = PageLogEntry.objects.get(page_id=story.pk, action=teller_review.REVIEW_ANSWERED_ACTION)
    assert entry.data["comment"] == "Mooi zo." and entry.data["answer"] == "approved"
    assert entry.user is None
    (message,) = mail.outbox
    assert message.to == ["curator_a@example.org"]  # the community's curators, not another's
    assert "Ana Semedo" in message.subject and "Mooi zo." in message.body
    # the link now shows the answer, and refuses a second one
    follow = Client().get(response["Location"])
    assert follow.status_code == 200 and 'data-answer="approved"' in follow.content.decode()
    again = answer_by_link(response["Location"], "changes_asked", "Toch niet")
    assert again.status_code == 200 and 'data-answer="approved"' in again.content.decode()
    assert Comment.objects.filter(page_id=story.pk).count() == 1


def test_the_history_shows_the_review(client, story, curator_a):
    invite(story, curator_a)
    answer_by_link(link_path(), "changes_asked", "Mijn moeder heette anders.")
    client.force_login(curator_a)
    history = client.get(reverse("wagtailadmin_pages:history", args=[story.pk])).content.decode()
    assert "Ana Semedo vroeg om wijzigingen" in history and "Mijn moeder heette anders." in history


def test_asking_for_changes_needs_a_comment(story, curator_a):
    invite(story, curator_a)
    response = answer_by_link(link_path(), "changes_asked", "   ")
    assert response.status_code == 400 and "review-errors" in response.content.decode()
    assert not ReviewInvitation.objects.exclude(answered_at=None).exists()
    assert not Comment.objects.exists()


def test_the_consent_check_waits_for_the_answer(client, story, curator_a, staff_user):
    submit(story, curator_a)
    give_consent(story)
    invite(story, curator_a)
    path = link_path()
    client.force_login(curator_a)
    assert client.post(action_url(story, "approve")).status_code == 302  # the curators' step
    assert isinstance(current_task(story), ConsentCheckTask)
    response = client.post(action_url(story, "approve"), follow=True)
    assert "wacht op de beoordeling van Ana Semedo" in response.content.decode()
    assert isinstance(current_task(story), ConsentCheckTask)
    state = Page.objects.get(pk=story.pk).specific.current_workflow_task_state
    assert state.status == TaskState.STATUS_IN_PROGRESS
    # museum staff cannot pass it either
    client.force_login(staff_user)
    client.post(action_url(story, "approve"))
    assert isinstance(current_task(story), ConsentCheckTask)
    # the answer arrives: the step may pass
    answer_by_link(path, "approved")
    client.force_login(curator_a)
    assert client.post(action_url(story, "approve")).status_code == 302
    assert current_task(story).name == "Museum review"


def test_changes_asked_hold_the_step_until_the_page_changes(client, story, curator_a):
    submit(story, curator_a)
    give_consent(story)
    invite(story, curator_a)
    client.force_login(curator_a)
    client.post(action_url(story, "approve"))
    answer_by_link(link_path(), "changes_asked", "Graag mijn schuilnaam overal.")
    response = client.post(action_url(story, "approve"), follow=True)
    assert "vroeg om wijzigingen" in response.content.decode()
    assert isinstance(current_task(story), ConsentCheckTask)
    page = Page.objects.get(pk=story.pk).specific
    page.summary = "Aangepast na de beoordeling."
    page.save_revision(user=curator_a)
    assert client.post(action_url(story, "approve")).status_code == 302
    assert current_task(story).name == "Museum review"


def test_an_invitation_that_does_not_wait_holds_nothing(client, story, curator_a):
    submit(story, curator_a)
    give_consent(story)
    invite(story, curator_a, waits=False)
    client.force_login(curator_a)
    client.post(action_url(story, "approve"))
    assert client.post(action_url(story, "approve")).status_code == 302
    assert current_task(story).name == "Museum review"


def test_revoked_links_stop_waiting_and_stop_working(client, story, curator_a):
    submit(story, curator_a)
    give_consent(story)
    invite(story, curator_a)
    path = link_path()
    assert teller_review.waiting_problem(story)
    client.force_login(curator_a)
    response = client.post(reverse("editorial_teller_review_revoke", args=[story.pk]))
    assert response.status_code == 302
    assert ReviewInvitation.objects.get(page=story).revoked_by == curator_a
    assert teller_review.waiting_problem(story) is None
    assert Client().get(path).status_code == 410
    assert PageLogEntry.objects.filter(page_id=story.pk, action=teller_review.REVIEW_REVOKED_ACTION).exists()


def test_museum_staff_may_invite(story, staff_user):
    invitation, token = invite(story, staff_user, language="en")
    assert invitation.created_by == staff_user
    assert Client().get(review_path(story, token, "en")).status_code == 200
