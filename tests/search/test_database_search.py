"""The database fallback on its own (no engine): counts, multi-select facets, ordering, sampling."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import timezone

from search import database, service
from search.params import parse
from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_engine(settings):
    settings.SEARCH_URL = ""


def query(string):
    from django.contrib.auth.models import AnonymousUser

    return service.search(parse(RequestFactory().get("/search/?" + string).GET), AnonymousUser())


def counts(results, facet):
    return {v.value: v.count for v in results.facets[facet]}


@pytest.fixture
def stories(community_a, community_b):
    now = timezone.now()
    made = []
    for i, (parent, tags) in enumerate(
        [
            (community_a, ["haven"]),
            (community_a, ["haven", "werk"]),
            (community_a, ["werk"]),
            (community_b, ["haven"]),
            (community_b, ["muziek"]),
        ]
    ):
        story = StoryPageFactory(
            parent=parent,
            title=f"Kade {i}" if i != 3 else "De haven bij nacht",
            summary="Een herinnering.",
            first_published_at=now - datetime.timedelta(days=i),
        )
        story.tags.add(*tags)
        story.save_revision().publish()
        made.append(story)
    hidden = StoryPageFactory(parent=community_a, title="Kade geheim", summary="Over de kade.", access_level="staff")
    hidden.tags.add("haven")
    hidden.save_revision().publish()
    return made


def test_totals_facets_and_multi_select_follow_the_engine_rules(stories, community_a):
    everything = query("q=kade")
    assert everything.backend == "database" and everything.total == 4  # "De haven bij nacht" has no "kade" in its title
    assert counts(everything, "tag") == {"haven": 2, "werk": 2, "muziek": 1}
    assert counts(everything, "kind") == {"story": 4}

    narrowed = query("q=kade&tag=haven")
    assert narrowed.total == 2
    # A facet's own counts ignore its own selection, so other tags stay choosable.
    assert counts(narrowed, "tag") == {"haven": 2, "werk": 2, "muziek": 1}
    assert counts(narrowed, "community") == {community_a.slug: 2}

    either = query("q=kade&tag=haven&tag=muziek")
    assert either.total == 3


def test_title_matches_rank_first_then_newest(stories):
    results = query("q=haven")
    assert results.hits[0].title == "De haven bij nacht"
    by_date = query("q=kade&sort=date")
    assert [h.title for h in by_date.hits] == ["Kade 0", "Kade 1", "Kade 2", "Kade 4"]


def test_restricted_items_are_never_counted(stories):
    results = query("q=geheim")
    assert results.total == 0 and results.hits == []
    assert all(v.count == 0 or v.value != "haven" for v in results.facets["tag"])


def test_counts_over_a_sample_say_so_and_stay_consistent(stories, monkeypatch):
    monkeypatch.setattr(database, "FACET_SAMPLE", 2)
    results = query("q=kade")
    assert results.total == 4  # the total is always exact
    assert sum(counts(results, "community").values()) == 2  # counted over the best two
    assert "2" in str(results.notice)
    exact = query("q=nacht")
    assert exact.notice == ""


def test_pages_beyond_the_sample_are_still_served(stories, monkeypatch):
    monkeypatch.setattr(database, "FACET_SAMPLE", 1)
    from django.contrib.auth.models import AnonymousUser

    from core.access import reader_for

    params = parse(RequestFactory().get("/search/?q=kade&sort=date&page=3").GET)
    params.per_page = 1
    page_three = database.search(params, reader_for(AnonymousUser()))
    assert [h.title for h in page_three.hits] == ["Kade 2"]
    assert page_three.total == 4
