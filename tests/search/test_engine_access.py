"""Restricted and embargoed items never leak through any output of the engine search."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from search import indexing, service
from search.params import parse
from tests.factories import PlaceFactory, StoryPageFactory

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]

SECRET_WORD = "zeldzaamgeheim"


def make_story(parent, title, access="public", embargo=None, tag="open", place="Open plein", decade=1950):
    story = StoryPageFactory(
        parent=parent,
        title=title,
        summary=f"Een verhaal met het woord {SECRET_WORD} over de haven.",
        access_level=access,
        embargo_until=embargo,
        period_start_year=decade,
    )
    story.tags.add(tag)
    story.places.add(PlaceFactory(name=place))
    story.save_revision().publish()
    return story


@pytest.fixture
def corpus(engine, community_a, depot_index):
    future = timezone.localdate() + datetime.timedelta(days=60)
    stories = {
        "public": make_story(community_a, "Openbaar havenverhaal"),
        "community": make_story(
            community_a, "Besloten havenverhaal", "community", tag="binnenkring", place="Verborgen hof", decade=1930
        ),
        "staff": make_story(community_a, "Intern havenverhaal", "staff", tag="archiefstuk", place="Kluis", decade=1910),
        "embargoed": make_story(
            community_a, "Toekomstig havenverhaal", embargo=future, tag="straks", place="Later plein", decade=1990
        ),
    }
    indexing.rebuild()
    engine.refresh()
    return stories


RESTRICTED_STRINGS = {
    "community": ["Besloten havenverhaal", "binnenkring", "Verborgen hof", "1930"],
    "staff": ["Intern havenverhaal", "archiefstuk", "Kluis", "1910"],
    "embargoed": ["Toekomstig havenverhaal", "straks", "Later plein", "1990"],
}


def every_output(client, user, corpus):
    """Everything search produces for this user, as one text to look for leaks in."""
    from django.test import RequestFactory

    if user is not None:
        client.force_login(user)
    user = user or AnonymousUser()
    outputs = [
        client.get("/search/", {"q": SECRET_WORD}).content.decode(),
        client.get("/search/", {"q": SECRET_WORD, "format": "json"}).content.decode(),
        client.get("/search/", {"format": "json"}).content.decode(),  # facets over everything
        client.get("/search/autocomplete/", {"q": "havenverh"}).content.decode(),
        client.get("/search/autocomplete/", {"q": "havenverhaal"}).content.decode(),
        str([h.title for h in service.related(corpus["public"], user, size=10)]),
    ]
    params = parse(RequestFactory().get("/", {"q": SECRET_WORD}).GET)
    results = service.search(params, user)
    outputs.append(str(results.total))
    return "\n".join(outputs), results


def test_anonymous_visitor_sees_only_the_public_story_everywhere(client, corpus):
    text, results = every_output(client, None, corpus)
    assert results.total == 1
    assert "Openbaar havenverhaal" in text
    for strings in RESTRICTED_STRINGS.values():
        for string in strings:
            assert string not in text, string


def test_member_sees_the_community_story_but_not_staff_or_embargoed(client, corpus, member_a):
    text, results = every_output(client, member_a, corpus)
    assert results.total == 2
    assert "Besloten havenverhaal" in text and "binnenkring" in text
    for key in ("staff", "embargoed"):
        for string in RESTRICTED_STRINGS[key]:
            assert string not in text, string


def test_member_of_another_community_sees_only_public(client, corpus, member_b):
    _, results = every_output(client, member_b, corpus)
    assert results.total == 1


def test_museum_staff_see_everything(client, corpus, staff_user):
    text, results = every_output(client, staff_user, corpus)
    assert results.total == 4
    for strings in RESTRICTED_STRINGS.values():
        assert strings[0] in text


def test_the_access_filter_cannot_be_widened_from_the_request(client, corpus):
    for extra in ({"access_level": "staff"}, {"home_community": "1"}, {"kind": "story", "staff": "1"}):
        data = client.get("/search/", {"q": SECRET_WORD, "format": "json", **extra}).json()
        assert data["total"] == 1


def test_unpublishing_removes_the_story_from_search(client, corpus, engine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        corpus["public"].unpublish()
    engine.refresh()
    assert client.get("/search/", {"q": SECRET_WORD, "format": "json"}).json()["total"] == 0
