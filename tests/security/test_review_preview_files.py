"""Red team: the teller's review preview shows the draft's pictures and sound, and opens
nothing else: only the files that preview shows, only to the browser that opened it, only
for a while; everyone else still gets 404 for a draft's files."""

import io
import time

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model

from core import preview_grants
from stories.models import StoryPage
from tests.editorial.review_helpers import draft_story, invite, review_path
from tests.media.conftest import make_recording

pytestmark = pytest.mark.django_db


def png(colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def draft_with_files(community_a, curator_a):
    # Wagtail caches renditions by image id in the default cache; an earlier test's image of
    # the same id (ids come back after a rollback) would otherwise answer with its rendition.
    cache.clear()
    image = get_image_model()(title="Koffer", file=ContentFile(png((200, 40, 40)), name="koffer.png"))
    image.save()
    recording = make_recording("Interview Tia", data=b"RIFF" + b"\0" * 64, name="tia.wav")
    story = draft_story(community_a)
    story = StoryPage.objects.get(pk=story.pk)
    story.main_media = recording
    story.body = [("image", {"image": image, "alt_text": "Een koffer", "caption": ""})]
    story.save_revision()  # the files are in the draft only: no live page uses them
    other = make_recording("Een ander interview", data=b"RIFF" + b"\1" * 64, name="ander.wav")
    _invitation, token = invite(story, curator_a)
    return story, token, recording, image, other


def file_urls(html):
    import re

    return sorted(set(re.findall(r'(/uploads/[^"\'\s?#)<>]+)', html)))


def test_the_reviewer_gets_the_drafts_files_and_nobody_else_does(draft_with_files):
    story, token, recording, image, other = draft_with_files
    stranger = Client()
    assert stranger.get(recording.url).status_code == 404  # a draft's file: nobody without a right

    reviewer = Client()
    html = reviewer.get(review_path(story, token)).content.decode()
    urls = file_urls(html)
    assert recording.url in urls and any("/images/" in url for url in urls), urls
    for url in urls:
        response = reviewer.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
        assert stranger.get(url).status_code == 404, url
    assert reviewer.get(image.file.url).status_code == 404  # the original was not in the preview
    assert reviewer.get(other.url).status_code == 404  # nor is any other file


def test_a_bad_token_grants_nothing(draft_with_files):
    story, token, recording, _image, _other = draft_with_files
    reviewer = Client()
    assert reviewer.get(review_path(story, token[:-2] + "xx")).status_code == 404
    assert reviewer.get(recording.url).status_code == 404


def test_the_grant_ends(draft_with_files, monkeypatch):
    story, token, recording, _image, _other = draft_with_files
    reviewer = Client()
    reviewer.get(review_path(story, token))
    assert reviewer.get(recording.url).status_code == 200
    later = time.time() + 31 * 60
    monkeypatch.setattr(preview_grants.time, "time", lambda: later)
    assert reviewer.get(recording.url).status_code == 404
