"""On simple demo queries the database fallback gives the same top result as the engine."""

import re
from collections import Counter

import pytest
from django.core.management import call_command

from search import indexing
from stories.models import StoryPage

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


def distinctive_title_words(limit=8):
    """Words of five letters or more that stand in exactly one public story title."""
    titles = list(
        StoryPage.objects.live()
        .filter(access_level="public", embargo_until__isnull=True)
        .values_list("title", flat=True)
    )
    words = Counter(w.lower() for t in titles for w in set(re.findall(r"\w{5,}", t)))
    return sorted(w for w, n in words.items() if n == 1)[:limit]


def top_title(client, q):
    results = client.get("/search/", {"q": q, "format": "json", "kind": "story"}).json()
    return results["backend"], results["results"][0]["title"] if results["results"] else None


def test_database_fallback_agrees_with_the_engine_on_simple_demo_queries(client, engine, settings):
    call_command("load_demo_data", "--quiet")
    indexing.rebuild()
    engine.refresh()
    queries = distinctive_title_words()
    assert len(queries) >= 5
    engine_tops = {q: top_title(client, q) for q in queries}
    url = settings.SEARCH_URL
    settings.SEARCH_URL = ""
    database_tops = {q: top_title(client, q) for q in queries}
    settings.SEARCH_URL = url
    assert {b for b, _ in engine_tops.values()} == {"opensearch"}
    assert {b for b, _ in database_tops.values()} == {"database"}
    agree = [q for q in queries if engine_tops[q][1] == database_tops[q][1]]
    assert agree == queries, {q: (engine_tops[q][1], database_tops[q][1]) for q in queries}
