"""Helpers for the teller-review tests: a draft story with a narrator, the link from the e-mail."""

import re
from urllib.parse import urlsplit

from django.core import mail

from editorial.services import teller_review
from stories.models import StoryNarrator
from tests.factories import PersonFactory, StoryPageFactory

REAL_NAME = "Maria Fernandes Semedo"
PSEUDONYM = "Tia Nha"
PERSON_EMAIL = "maria.semedo@example.org"
REVIEWER_EMAIL = "dochter.semedo@example.org"


def draft_story(community, *, title="Moeders van Mindelo", slug="moeders", name_display="pseudonym", **kwargs):
    person = PersonFactory(
        full_name=REAL_NAME,
        pseudonym=PSEUDONYM if name_display == "pseudonym" else "",
        name_display=name_display,
        email=PERSON_EMAIL,
        community=community,
    )
    story = StoryPageFactory(parent=community, title=title, slug=slug, live=False, **kwargs)
    story.narrators.add(StoryNarrator(person=person))
    story.save_revision()
    return story


def submit(story, user):
    """Start the editorial workflow on the story's latest revision (what "Submit" does)."""
    story.get_workflow().start(story, user)
    return story


def invite(story, user, **kwargs):
    options = {"name": "Ana Semedo", "email": REVIEWER_EMAIL, "relation": "dochter", "waits": True, **kwargs}
    invitation, token, mailed = teller_review.invite(story, user, **options)
    assert mailed
    return invitation, token


def link_path(token_or_mail=None) -> str:
    """The path and query of the review link in the last e-mail (or of a token's link)."""
    body = mail.outbox[-1].body if token_or_mail is None else token_or_mail
    url = re.search(r"https?://\S+/review/\d+/\?t=\S+", body).group(0)
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def review_path(page, token, language="nl"):
    prefix = "" if language == "nl" else f"/{language}"
    return f"{prefix}/review/{page.pk}/?t={token}"
