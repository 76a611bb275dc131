"""What a visitor types never makes the engine refuse the query (and search fall back)."""

import pytest

from search import indexing
from tests.factories import StoryPageFactory

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


@pytest.fixture
def indexed(engine, community_a, depot_index):
    StoryPageFactory(
        parent=community_a, title="Muziek uit Kaapverdië", summary="Saxofoon 🎷 en morna."
    ).save_revision().publish()
    StoryPageFactory(parent=community_a, title="De haven", summary="Over de kade.").save_revision().publish()
    indexing.rebuild()
    engine.refresh()


def answer(client, q):
    data = client.get("/search/", {"q": q, "format": "json"}).json()
    return data["backend"], [r["title"] for r in data["results"]]


@pytest.mark.parametrize(
    "q",
    [
        "🎷 kaapverdië",
        "kaapverdië 🇨🇻",
        "👨‍👩‍👧 kaapverdië ❤️",
        "🎷" * 100 + " kaapverdië",  # a hundred tokens in one "word": too many clauses
    ],
)
def test_an_emoji_in_the_query_neither_hides_the_story_nor_falls_back(client, indexed, q):
    assert answer(client, q) == ("opensearch", ["Muziek uit Kaapverdië"])
    suggestions = client.get("/search/autocomplete/", {"q": q[-20:]}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Muziek uit Kaapverdië"]


def test_only_emoji_finds_nothing_on_the_engine(client, indexed):
    assert answer(client, "🎷🎺") == ("opensearch", [])


def test_a_long_query_is_answered_by_the_engine(client, indexed):
    words = [f"w{i}" for i in range(60)]  # about 55 words in 200 characters
    assert answer(client, " ".join(["kaapverdië", *words])[:200])[0] == "opensearch"
