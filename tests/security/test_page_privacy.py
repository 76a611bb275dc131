"""Wagtail's own page privacy (login, groups, shared password) is part of the one access rule.

A story under a PageViewRestriction, on itself or on an ancestor, must not be listed,
found, suggested or counted for a reader who does not meet the restriction, by the
database search as well as the engine. A password is never met by a listing: such
pages are listed only for museum staff and the community's curators (who edit them).
"""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import PageViewRestriction

from core import access
from search import indexing, service
from search.params import parse
from stories.models import StoryPage
from tests.factories import StoryPageFactory, UserFactory

pytestmark = pytest.mark.django_db

WORD = "morabezaverhaal"


def restrict(page, kind, groups=()):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="geheim" if kind == "password" else ""
    )
    restriction.groups.set(groups)
    return restriction


@pytest.fixture
def circle(db):
    return Group.objects.create(name="Kring van vertellers")


@pytest.fixture
def insider(circle):
    return UserFactory(username="insider", groups=[circle])


@pytest.fixture
def stories(community_a):
    """One open story and one story per kind of Wagtail restriction, all public-level and live."""
    made = {
        "open": StoryPageFactory(parent=community_a, title="Open morabeza", summary=f"Over {WORD}."),
        "login": StoryPageFactory(parent=community_a, title="Besloten morabeza", summary=f"Over {WORD}."),
        "groups": StoryPageFactory(parent=community_a, title="Kring morabeza", summary=f"Over {WORD}."),
        "password": StoryPageFactory(parent=community_a, title="Wachtwoord morabeza", summary=f"Over {WORD}."),
    }
    made["groups"].tags.add("kringlabel")
    made["groups"].save()
    return made


@pytest.fixture
def restricted(stories, circle):
    restrict(stories["login"], "login")
    restrict(stories["groups"], "groups", [circle])
    restrict(stories["password"], "password")
    return stories


# Who sees which restricted story in listings and search (besides the open one).
EXPECTED = {
    "anonymous": set(),
    "member_b": {"login"},  # logged in, but in no group of the restriction
    "insider": {"login", "groups"},
    "curator_a": {"login", "groups", "password"},  # edits the community's pages
    "staff_user": {"login", "groups", "password"},
}
TITLES = {
    "open": "Open morabeza",
    "login": "Besloten morabeza",
    "groups": "Kring morabeza",
    "password": "Wachtwoord morabeza",
}


def user_for(request, who):
    return AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)


def visible(text):
    return {key for key, title in TITLES.items() if title in text}


@pytest.mark.parametrize("who", EXPECTED)
def test_community_page_lists_only_stories_whose_restriction_the_reader_meets(
    client, request, restricted, community_a, who
):
    user = user_for(request, who)
    if user.is_authenticated:
        client.force_login(user)
    page = client.get(community_a.url)
    assert page.status_code == 200
    assert visible(page.content.decode()) == {"open"} | EXPECTED[who]


@pytest.mark.parametrize("who", EXPECTED)
def test_readable_filter_and_can_read_agree_on_restrictions(request, restricted, who):
    user = user_for(request, who)
    listed = set(StoryPage.objects.filter(access.readable_filter(user)).values_list("title", flat=True))
    assert visible(" | ".join(listed)) == {"open"} | EXPECTED[who]
    readable = {key for key, page in restricted.items() if access.can_read(user, page)}
    assert readable == {"open"} | EXPECTED[who]


def test_a_restriction_on_an_ancestor_hides_the_stories_below(client, stories, community_a, home_page):
    restrict(community_a, "login")
    assert visible(client.get(home_page.url).content.decode()) == set()  # the home page's latest stories
    assert not StoryPage.objects.filter(access.readable_filter(AnonymousUser())).exists()
    assert not access.can_read(AnonymousUser(), stories["open"])
    assert not access.is_publicly_readable(stories["open"])


def test_restricted_pages_are_not_publicly_readable(restricted):
    assert access.is_publicly_readable(restricted["open"])
    for key in ("login", "groups", "password"):
        assert not access.is_publicly_readable(restricted[key]), key


def test_sitemap_leaves_restricted_stories_out(client, restricted):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert restricted["open"].url in sitemap
    for key in ("login", "groups", "password"):
        assert restricted[key].url not in sitemap, key


def test_database_search_and_autocomplete_leave_restricted_stories_out(client, restricted, member_b):
    data = client.get("/search/", {"q": WORD, "format": "json"}).json()
    assert data["backend"] == "database"
    assert visible(str(data)) == {"open"}
    assert data["total"] == 1
    assert "kringlabel" not in str(data["facets"])
    assert visible(client.get("/search/autocomplete/", {"q": "morabeza"}).content.decode()) == {"open"}
    client.force_login(member_b)
    assert visible(str(client.get("/search/", {"q": WORD, "format": "json"}).json())) == {"open", "login"}


def test_serving_follows_the_restriction_and_is_never_cached_publicly(client, restricted, member_b):
    assert client.get(restricted["login"].url).status_code == 302  # to the login page
    client.force_login(member_b)
    response = client.get(restricted["login"].url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert client.get(restricted["open"].url).status_code == 200


def test_a_story_opened_with_its_password_is_served(client, restricted):
    story = restricted["password"]
    assert "password" in client.get(story.url).content.decode().lower()  # Wagtail's password form
    restriction = PageViewRestriction.objects.get(page=story)
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, story.pk])
    assert client.post(url, {"password": "geheim", "return_url": story.url}).status_code == 302
    response = client.get(story.url)
    assert response.status_code == 200
    assert "Wachtwoord morabeza" in response.content.decode()
    assert "public" not in response["Cache-Control"]
    # ... but it is still not listed: a password opens one page, not the listings.
    assert "Wachtwoord morabeza" not in client.get(story.get_parent().url).content.decode()


# --- the engine ----------------------------------------------------------------------


def engine_output(client, user, story):
    if user.is_authenticated:
        client.force_login(user)
    else:
        client.logout()
    outputs = [
        client.get("/search/", {"q": WORD, "format": "json"}).content.decode(),
        client.get("/search/", {"format": "json"}).content.decode(),
        client.get("/search/autocomplete/", {"q": "morabeza"}).content.decode(),
        str([hit.title for hit in service.related(story, user, size=10)]),
    ]
    return "\n".join(outputs)


@pytest.mark.search_engine
@pytest.mark.parametrize("who", EXPECTED)
def test_engine_search_leaves_out_what_the_reader_may_not_open(client, request, engine, restricted, depot_index, who):
    indexing.rebuild()
    engine.refresh()
    user = user_for(request, who)
    text = engine_output(client, user, restricted["open"])
    assert '"backend": "opensearch"' in text
    assert visible(text) == {"open"} | EXPECTED[who]
    assert ("kringlabel" in text) == ("groups" in EXPECTED[who])
    results = service.search(parse(RequestFactory().get("/", {"q": WORD}).GET), user)
    assert results.total == 1 + len(EXPECTED[who])


@pytest.mark.search_engine
def test_setting_and_removing_a_restriction_updates_the_index(
    client, engine, stories, community_a, depot_index, django_capture_on_commit_callbacks
):
    indexing.rebuild()
    engine.refresh()

    def indexed_restrictions(page):
        body = {"query": {"ids": {"values": [f"story:{page.pk}"]}}}
        hits = engine.search(body)["hits"]["hits"]
        return hits[0]["_source"].get("view_restrictions", []) if hits else None

    with django_capture_on_commit_callbacks(execute=True):
        restriction = restrict(community_a, "login")  # an ancestor: every story below
    engine.refresh()
    assert indexed_restrictions(stories["open"]) == [str(restriction.pk)]
    assert indexed_restrictions(stories["login"]) == [str(restriction.pk)]
    assert visible(client.get("/search/", {"q": WORD, "format": "json"}).content.decode()) == set()

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    engine.refresh()
    assert indexed_restrictions(stories["open"]) == []
    assert visible(client.get("/search/", {"q": WORD, "format": "json"}).content.decode()) == set(TITLES)


@pytest.mark.parametrize("where", ["home", "community index"])
def test_a_community_behind_wagtails_page_privacy_is_not_listed(client, community_a, community_b, home_page, where):
    """The home page and the community index listed every live community by title."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=community_b, restriction_type=PageViewRestriction.LOGIN)
    url = home_page.url if where == "home" else community_a.get_parent().url
    html = client.get(url).content.decode()
    assert community_a.title in html
    assert community_b.title not in html


def test_a_community_without_restrictions_is_readable_by_everyone(client, community_a, member_b):
    """The rule for pages without access levels grants an unrestricted community to all
    (a grant without conditions once granted nothing: Django drops an empty Q from an OR)."""
    from django.contrib.auth.models import AnonymousUser

    from core.access import readable_page_filter
    from stories.models import CommunityPage

    for user in (AnonymousUser(), member_b):
        assert community_a.specific in CommunityPage.objects.filter(readable_page_filter(user))
    kinds = [hit["kind"] for hit in client.get("/search/", {"format": "json"}).json()["results"]]
    assert "community" in kinds
    assert community_a.url in client.get(community_a.get_parent().url).content.decode()
