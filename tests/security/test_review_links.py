"""Red team: the teller's review link opens one page's draft for one answer, and nothing else.

Every refused link gets a plain page (404 for a bad token, 410 for an expired or stopped
one; never a 500) and changes nothing; the preview names people only by their public
name; only the page's own community curators and museum staff invite or stop links.
"""

from datetime import timedelta

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Comment, PageLogEntry

from editorial.models import ReviewInvitation
from editorial.services import teller_review
from media.transcript_service import import_transcript
from tests.editorial.review_helpers import (
    PERSON_EMAIL,
    PSEUDONYM,
    REAL_NAME,
    REVIEWER_EMAIL,
    draft_story,
    invite,
    review_path,
)
from tests.factories import StoryPageFactory
from tests.media.conftest import make_recording

pytestmark = pytest.mark.django_db


@pytest.fixture
def story_a(community_a):
    return draft_story(community_a, title="Moeders van Mindelo", slug="moeders")


@pytest.fixture
def story_b(community_b):
    return draft_story(community_b, title="Geheim verhaal van een ander", slug="geheim")


def snapshot():
    return (
        list(ReviewInvitation.objects.order_by("pk").values_list("pk", "answered_at", "answer", "revoked_at")),
        Comment.objects.count(),
        PageLogEntry.objects.filter(action=teller_review.REVIEW_ANSWERED_ACTION).count(),
    )


def _tampered(token: str) -> list[str]:
    out = []
    for index in (0, len(token) // 2, len(token) - 1):
        swapped = "A" if token[index] != "A" else "B"
        out.append(token[:index] + swapped + token[index + 1 :])
    return out


def _try(page, token, expected):
    before = snapshot()
    client = Client()
    path = f"/review/{page.pk}/"
    get = client.get(path, {"t": token})
    post = client.post(path, {"t": token, "answer": "approved", "comment": "Hack"})
    for response in (get, post):
        assert response.status_code == expected
        html = response.content.decode()
        assert 'id="link-refused"' in html
        assert "Moeders van Mindelo" not in html and "Geheim verhaal" not in html and PSEUDONYM not in html
        assert response["Cache-Control"] == "private, no-store"
    assert snapshot() == before


@pytest.mark.parametrize("kind", ["tampered", "junk", "other-purpose", "guessed"])
def test_forged_tokens_are_refused_and_change_nothing(story_a, curator_a, kind):
    invitation, token = invite(story_a, curator_a)
    forged = {
        "tampered": _tampered(token),
        "junk": [token[:-10], "", "   ", "x" * 300],
        "other-purpose": [signing.dumps([invitation.pk, "secret"], salt="contributions.sender-link.status")],
        "guessed": [signing.dumps([invitation.pk, "guessed-secret"], salt=teller_review.SALT)],
    }[kind]
    for candidate in forged:
        _try(story_a, candidate, 404)
    assert ReviewInvitation.objects.get(pk=invitation.pk).answered_at is None


def test_a_sender_link_token_does_not_open_a_review(story_a, curator_a):
    """A sender's status-link token signed with its own salt is not a review token."""
    invitation, _token = invite(story_a, curator_a)
    other = signing.dumps([invitation.pk, "x" * 43], salt="contributions.sender-link.status")
    _try(story_a, other, 404)


def test_an_expired_link_is_refused_with_410(story_a, curator_a):
    invitation, token = invite(story_a, curator_a)
    ReviewInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    _try(story_a, token, 410)
    assert teller_review.waiting_problem(story_a) is None  # an expired link no longer holds the step


def test_an_old_signature_is_refused_even_if_the_row_says_otherwise(story_a, curator_a, settings):
    invitation, token = invite(story_a, curator_a)
    ReviewInvitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() + timedelta(days=999))
    settings.REVIEW_LINK_DAYS = -1  # the signature's own age is now beyond the limit
    _try(story_a, token, 410)


def test_a_revoked_link_is_refused_with_410(story_a, curator_a):
    _invitation, token = invite(story_a, curator_a)
    assert teller_review.revoke_all(story_a, curator_a) == 1
    _try(story_a, token, 410)


def test_a_token_opens_only_its_own_page(story_a, story_b, curator_a):
    _invitation, token = invite(story_a, curator_a)
    _try(story_b, token, 404)
    assert Client().get(review_path(story_a, token)).status_code == 200


def test_curators_of_another_community_and_members_cannot_invite_or_revoke(
    client, story_a, curator_a, curator_b, member_a
):
    invitation, _token = invite(story_a, curator_a)
    before = snapshot()
    admin_url = reverse("editorial_teller_review_admin", args=[story_a.pk])
    revoke_url = reverse("editorial_teller_review_revoke", args=[story_a.pk])
    data = {"name": "X", "email": "x@example.org", "language": "nl", "waits": "on"}
    for user in (curator_b, member_a):
        client.force_login(user)
        for response in (client.get(admin_url), client.post(admin_url, data), client.post(revoke_url)):
            # another community's curator: a 404; a member without admin access: the admin login
            assert response.status_code == 404 or response["Location"].startswith("/admin/login/")
        assert not teller_review.may_invite(user, story_a)
    assert snapshot() == before
    assert ReviewInvitation.objects.count() == 1 and ReviewInvitation.objects.get().revoked_at is None
    # the service says no too, whatever the view
    with pytest.raises(ValidationError):
        teller_review.invite(story_a, curator_b, name="X", email="x@example.org")
    with pytest.raises(ValidationError):
        teller_review.revoke_all(story_a, curator_b)
    assert ReviewInvitation.objects.get(pk=invitation.pk).revoked_at is None


def test_no_invitations_on_pages_that_are_not_stories_or_objects(client, community_a, curator_a):
    client.force_login(curator_a)
    assert client.get(reverse("editorial_teller_review_admin", args=[community_a.pk])).status_code == 404


@pytest.mark.parametrize("name_display,shown", [("pseudonym", PSEUDONYM), ("anonymous", "Anoniem")])
def test_the_preview_never_shows_a_real_name_or_an_address(community_a, curator_a, name_display, shown):
    story = draft_story(community_a, name_display=name_display)
    recording = make_recording("Gesprek", duration=30)
    vtt = f"WEBVTT\n\n00:01.000 --> 00:04.000\n<v {REAL_NAME.upper()}>Wij kwamen met de boot.\n".encode()
    import_transcript(recording, vtt, "gesprek.vtt", language="nl")
    story.main_media = recording
    story.save_revision()
    _invitation, token = invite(story, curator_a)
    html = Client().get(review_path(story, token)).content.decode()
    assert shown in html
    assert "Wij kwamen met de boot." in html  # the transcript is on the page, under the public name
    for secret in (REAL_NAME, "Semedo", "semedo", PERSON_EMAIL, REVIEWER_EMAIL, curator_a.email, "Ana Semedo"):
        assert secret not in html, secret


def test_the_preview_never_shows_other_drafts(community_a, curator_a):
    story = draft_story(community_a)
    StoryPageFactory(parent=community_a, title="Nog geheim concept van de buren", slug="buren", live=False)
    _invitation, token = invite(story, curator_a)
    html = Client().get(review_path(story, token)).content.decode()
    assert "Nog geheim concept van de buren" not in html


def test_the_answer_form_is_csrf_protected(story_a, curator_a):
    _invitation, token = invite(story_a, curator_a)
    client = Client(enforce_csrf_checks=True)
    html = client.get(review_path(story_a, token)).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    before = snapshot()
    response = client.post(f"/review/{story_a.pk}/", {"t": token, "answer": "approved"})
    assert response.status_code == 403
    assert snapshot() == before


def test_the_curators_forms_are_csrf_protected(story_a, curator_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator_a)
    admin_url = reverse("editorial_teller_review_admin", args=[story_a.pk])
    response = client.post(admin_url, {"name": "X", "email": "x@example.org", "language": "nl", "waits": "on"})
    assert response.status_code == 403
    invite(story_a, curator_a)
    assert client.post(reverse("editorial_teller_review_revoke", args=[story_a.pk])).status_code == 403
    assert ReviewInvitation.objects.get().revoked_at is None


def test_revoking_with_get_is_refused(client, story_a, curator_a):
    invite(story_a, curator_a)
    client.force_login(curator_a)
    assert client.get(reverse("editorial_teller_review_revoke", args=[story_a.pk])).status_code == 405
    assert ReviewInvitation.objects.get().revoked_at is None


def test_one_answer_per_link(story_a, curator_a):
    _invitation, token = invite(story_a, curator_a)
    client = Client()
    path = f"/review/{story_a.pk}/"
    assert client.post(path, {"t": token, "answer": "approved"}).status_code == 302
    before = snapshot()
    response = client.post(path, {"t": token, "answer": "changes_asked", "comment": "Toch niet"})
    assert response.status_code == 200 and 'data-answer="approved"' in response.content.decode()
    assert snapshot() == before
