"""Community-only, staff-only and embargoed stories reach only those who may read them."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

FUTURE = timezone.localdate() + datetime.timedelta(days=30)
PAST = timezone.localdate() - datetime.timedelta(days=1)


@pytest.fixture
def stories(community_a):
    return {
        "public": StoryPageFactory(parent=community_a, title="Openbaar verhaal"),
        "community": StoryPageFactory(parent=community_a, title="Gemeenschapsverhaal", access_level="community"),
        "staff": StoryPageFactory(parent=community_a, title="Museumverhaal", access_level="staff"),
        "embargoed": StoryPageFactory(parent=community_a, title="Verhaal onder embargo", embargo_until=FUTURE),
        "embargo_over": StoryPageFactory(parent=community_a, title="Embargo voorbij", embargo_until=PAST),
    }


def status_for(client, user, page):
    if user is not None:
        client.force_login(user)
    return client.get(page.url).status_code


@pytest.mark.parametrize(
    "who, expected",
    [
        # who: (public, community, staff, embargoed, embargo_over)
        ("anonymous", (200, 302, 302, 404, 200)),
        ("member_a", (200, 200, 404, 404, 200)),
        ("member_b", (200, 404, 404, 404, 200)),
        ("curator_b", (200, 404, 404, 404, 200)),
        ("curator_a", (200, 200, 200, 200, 200)),
        ("staff_user", (200, 200, 200, 200, 200)),
    ],
)
def test_each_role_reads_exactly_what_it_may(client, request, stories, who, expected):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    keys = ("public", "community", "staff", "embargoed", "embargo_over")
    got = tuple(status_for(client, user, stories[key]) for key in keys)
    assert got == expected


def test_anonymous_visitor_is_sent_to_log_in_for_a_community_story(client, stories):
    response = client.get(stories["community"].url)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert "next=" in response["Location"]


def test_restricted_pages_are_never_cached_publicly(client, member_a, stories):
    client.force_login(member_a)
    response = client.get(stories["community"].url)
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("who", ["anonymous", "member_b"])
def test_restricted_stories_are_not_listed_anywhere(client, request, stories, community_a, home_page, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    pages = [home_page.url, community_a.url, "/search/?q=verhaal", "/sitemap.xml"]
    bodies = [client.get(url).content.decode() for url in pages]
    for body in bodies:
        assert "Gemeenschapsverhaal" not in body
        assert "Museumverhaal" not in body
        assert "Verhaal onder embargo" not in body
    assert "Openbaar verhaal" in bodies[1]
    assert "Embargo voorbij" in bodies[1]


def test_a_member_sees_their_community_stories_listed(client, member_a, stories, community_a):
    client.force_login(member_a)
    body = client.get(community_a.url).content.decode()
    assert "Gemeenschapsverhaal" in body
    assert "Museumverhaal" not in body


def test_sitemap_lists_only_public_stories(client, stories):
    body = client.get("/sitemap.xml").content.decode()
    assert stories["public"].slug in body
    assert stories["community"].slug not in body
    assert stories["embargoed"].slug not in body


def test_an_unpublished_story_is_not_found_even_for_staff(client, staff_user, community_a):
    story = StoryPageFactory(parent=community_a, title="Concept", live=False)
    client.force_login(staff_user)
    assert client.get(f"/gemeenschappen/{community_a.slug}/{story.slug}/").status_code == 404
