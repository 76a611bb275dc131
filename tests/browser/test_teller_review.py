"""In chromium: the teller's daughter opens the review link, sees the pseudonym (never the
real name), asks for changes with a comment; the comment is on the page in Wagtail and the
consent check waited for it."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from wagtail.models import Comment, Page

from editorial.models import ConsentCheckTask, ReviewInvitation
from editorial.services import teller_review
from editorial.services.consent import record_consent
from stories.models import Licence
from tests.editorial.review_helpers import PSEUDONYM, REAL_NAME, draft_story, invite
from tests.factories import CommunityIndexPageFactory, CommunityPageFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def waiting_story(home_page):
    index = CommunityIndexPageFactory(parent=home_page, show_in_menus=True)
    community = CommunityPageFactory(parent=index, title="Kaapverdianen", slug="kaapverdianen")
    community.refresh_from_db()
    curator = UserFactory(username="curator", groups=[community.curator_group])
    story = draft_story(community)
    story.get_workflow().start(story, curator)
    state = Page.objects.get(pk=story.pk).specific.current_workflow_task_state
    state.approve(user=curator)  # the curators' step: now at the consent check
    record_consent(
        given_by="Maria", uses=["online"], licence=Licence.CC_BY.value, text_version="1", method="form", pages=[story]
    )
    invite(story, curator)
    return story, curator


def _link(message) -> str:
    found = re.search(r"https?://\S+/review/\d+/\?t=\S+", message.body)
    assert found, message.body
    parts = urlsplit(found.group(0))
    return f"{parts.path}?{parts.query}"


def test_the_reviewer_asks_for_changes_and_the_workflow_waited(page, live_server, waiting_story):
    story, curator = waiting_story
    assert isinstance(Page.objects.get(pk=story.pk).specific.current_workflow_task, ConsentCheckTask)
    assert teller_review.waiting_problem(story)  # the consent check waits

    page.goto(live_server.url + _link(mail.outbox[-1]))
    page.locator("#review-banner").wait_for()
    body = page.locator("body").inner_text()
    assert PSEUDONYM in body and REAL_NAME not in body
    page.locator("input[name=answer][value=changes_asked]").check()
    page.fill("#review-comment", "Mijn moeder heette Nha Tia, niet Tia Nha.")
    page.locator("#review-answer button[type=submit]").click()
    page.locator("#review-done").wait_for()
    assert page.locator("#review-done").get_attribute("data-answer") == "changes_asked"

    invitation = ReviewInvitation.objects.get(page_id=story.pk)
    assert invitation.answer == "changes_asked"
    comment = Comment.objects.get(page_id=story.pk)
    assert "Mijn moeder heette Nha Tia, niet Tia Nha." in comment.text and comment.user == curator
    # still at the consent check, and held there until the page changes
    fresh = Page.objects.get(pk=story.pk).specific
    assert isinstance(fresh.current_workflow_task, ConsentCheckTask)
    assert "asked for changes" in teller_review.waiting_problem(fresh) or "vroeg om wijzigingen" in (
        teller_review.waiting_problem(fresh)
    )
