"""Bad input in the admin gets a clear message, and nothing is saved."""

import pytest
from wagtail.test.utils.form_data import streamfield

from stories.models import StoryPage
from tests.admin_forms import story_form

pytestmark = pytest.mark.django_db


def add_story(client, community, **overrides):
    return client.post(f"/admin/pages/add/stories/storypage/{community.pk}/", story_form(**overrides))


def test_a_valid_story_is_saved(client, staff_user, community_a):
    client.force_login(staff_user)
    response = add_story(client, community_a)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert StoryPage.objects.filter(slug="een-verhaal").exists()


def test_end_year_before_start_year_is_refused_with_a_message(client, staff_user, community_a):
    client.force_login(staff_user)
    response = add_story(client, community_a, period_start_year=1980, period_end_year=1970)
    assert response.status_code == 200
    assert "before the start year" in response.content.decode() or "vóór het beginjaar" in response.content.decode()
    assert not StoryPage.objects.filter(slug="een-verhaal").exists()


def test_unknown_licence_is_refused_with_a_message(client, staff_user, community_a):
    client.force_login(staff_user)
    response = add_story(client, community_a, licence="all rights mine")
    body = response.content.decode()
    assert response.status_code == 200
    assert "all rights mine" in body
    assert "licence" in body.lower() or "licentie" in body.lower()
    assert not StoryPage.objects.filter(slug="een-verhaal").exists()


def test_a_bad_media_clip_time_is_refused(client, staff_user, community_a):
    client.force_login(staff_user)
    response = add_story(
        client,
        community_a,
        body=streamfield([("quote", {"text": "Wij kwamen met de boot", "speaker": ""})]),
        recorded_year_from=1990,
        recorded_year_to=1989,
    )
    assert response.status_code == 200
    assert not StoryPage.objects.filter(slug="een-verhaal").exists()


def test_recorded_date_text_fills_the_year_range(client, staff_user, community_a):
    client.force_login(staff_user)
    add_story(client, community_a, recorded_date_text="circa 1975")
    story = StoryPage.objects.get(slug="een-verhaal")
    assert (story.recorded_year_from, story.recorded_year_to) == (1973, 1977)
