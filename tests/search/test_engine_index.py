"""The public index on a real OpenSearch node: mappings, Dutch analysis, facets, highlight, suggestions."""

import pytest
from django.test import RequestFactory

from search import indexing, service
from search.params import parse
from stories.models import StoryNarrator
from tests.factories import (
    DepotItemFactory,
    PersonFactory,
    PlaceFactory,
    StoryPageFactory,
)

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


def query(string, user=None):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/search/?" + string)
    return service.search(parse(request.GET), user or AnonymousUser())


@pytest.fixture
def corpus(engine, community_a, community_b, depot_index):
    item = DepotItemFactory(inventory_number="BK-1975-0042", title="Hutkoffer")
    harbour = StoryPageFactory(
        parent=community_a,
        title="Het verhaal van de haven",
        summary="Mijn vader werkte in de Maashaven en vertelde elke avond.",
        period_start_year=1965,
        period_end_year=1972,
    )
    harbour.tags.add("haven", "werk")
    harbour.places.add(PlaceFactory(name="Katendrecht", latitude="51.900", longitude="4.485"))
    harbour.depot_links.create(depot_item=item, relation="mentions")
    StoryNarrator.objects.create(
        story=harbour, person=PersonFactory(full_name="Echte Naam", pseudonym="Tante Zeza", name_display="pseudonym")
    )
    harbour.save_revision().publish()
    music = StoryPageFactory(parent=community_b, title="Muziek op zondag", summary="Over de kerk en het koor.")
    music.tags.add("muziek")
    music.save_revision().publish()
    indexing.rebuild()
    engine.refresh()
    return {"harbour": harbour, "music": music, "item": item}


def test_rebuild_creates_a_versioned_index_behind_the_alias_with_our_mapping(engine, corpus):
    targets = engine.alias_targets()
    assert len(targets) == 1 and targets[0].startswith(engine.alias + "_v")
    mapping = engine.client.indices.get_mapping(index=targets[0])[targets[0]]["mappings"]["properties"]
    assert mapping["title"]["analyzer"] == "dutch_text"
    assert mapping["title"]["fields"]["suggest"]["type"] == "search_as_you_type"
    # people, tags and places share one as-you-type field
    assert mapping["names_suggest"]["type"] == "search_as_you_type"
    assert {mapping[name]["copy_to"][0] for name in ("people", "tags_text", "places_text")} == {"names_suggest"}
    assert mapping["location"]["type"] == "geo_point"
    assert engine.count() == 2 + 1 + 2  # stories, depot item, communities


def test_dutch_stemming_finds_verhaal_for_verhalen(corpus):
    results = query("q=verhalen")
    assert [h.title for h in results.hits][:1] == ["Het verhaal van de haven"]


def test_long_text_is_analysed_in_its_own_language(engine, corpus, community_a, django_capture_on_commit_callbacks):
    """An English body gets English stemming, a Dutch body Dutch stemming, each once."""
    with django_capture_on_commit_callbacks(execute=True):
        english, dutch = _english_and_dutch_stories(community_a)
    engine.refresh()
    assert engine.client.get(index=engine.alias, id=f"story:{english.pk}")["_source"].keys() >= {"body_en"}
    assert "body" not in engine.client.get(index=engine.alias, id=f"story:{english.pk}")["_source"]
    assert [h.title for h in query("q=unloaded").hits] == ["Dockside"]  # English stem: unload
    assert [h.title for h in query("q=kist").hits] == ["Kade"]  # Dutch stem: kist(en)
    highlighted = query("q=unloaded").hits[0].highlights
    assert any("<mark>unloading</mark>" in h for h in highlighted)


def _english_and_dutch_stories(community_a):
    english = StoryPageFactory(
        parent=community_a,
        title="Dockside",
        summary="A day at the quay.",
        text_language="en",
        body=[{"type": "paragraph", "value": "<p>The dockers were unloading crates of bananas.</p>"}],
    )
    english.save_revision().publish()
    dutch = StoryPageFactory(
        parent=community_a,
        title="Kade",
        summary="Een dag aan de kade.",
        body=[{"type": "paragraph", "value": "<p>De havenarbeiders losten kisten met bananen.</p>"}],
    )
    dutch.save_revision().publish()
    return english, dutch


def test_facets_count_and_combine(corpus):
    results = query("q=")
    tags = {f.value: f.count for f in results.facets["tag"]}
    assert tags == {"haven": 1, "werk": 1, "muziek": 1}
    communities = {f.value: f.count for f in results.facets["community"]}
    assert communities["kaapverdianen"] >= 1 and communities["katendrecht"] >= 1
    assert {f.value for f in results.facets["decade"]} == {"1960", "1970"}
    filtered = query("tag=haven&decade=1970")
    assert [h.title for h in filtered.hits] == ["Het verhaal van de haven"]
    # Multi-select: the tag facet still offers the other tags while one is selected.
    assert {f.value for f in filtered.facets["tag"]} >= {"haven", "werk"}
    assert query("tag=haven&tag=muziek").total == 2


def test_highlights_mark_the_matching_words_and_escape_the_rest(corpus):
    results = query("q=Maashaven")
    assert any("<mark>Maashaven</mark>" in h for h in results.hits[0].highlights)


def test_people_are_indexed_by_their_public_name_only(engine, corpus):
    assert query("q=Zeza").total == 1
    assert query("q=Echte").total == 0


def test_autocomplete_suggests_titles_people_and_places(corpus):
    from django.contrib.auth.models import AnonymousUser

    titles = [s["title"] for s in service.autocomplete("muz", AnonymousUser())]
    assert titles == ["Muziek op zondag"]
    assert service.autocomplete("katend", AnonymousUser())  # place and community
    assert service.autocomplete("tante z", AnonymousUser())[0]["title"] == "Het verhaal van de haven"  # a person
    assert service.autocomplete("zez", AnonymousUser())[0]["title"] == "Het verhaal van de haven"  # second name
    assert [s["title"] for s in service.autocomplete("wer", AnonymousUser())] == ["Het verhaal van de haven"]  # a tag
    assert [s["title"] for s in service.autocomplete("katendrecht", AnonymousUser()) if s["kind"] == "story"] == [
        "Het verhaal van de haven"  # a place
    ]
    assert service.autocomplete("echte", AnonymousUser()) == []  # never a pseudonymous person's full name


def test_related_items_come_from_more_like_this(engine, corpus, community_a, django_capture_on_commit_callbacks):
    from django.contrib.auth.models import AnonymousUser

    similar = StoryPageFactory(
        parent=community_a, title="Werk in de haven", summary="De Maashaven en het werk van mijn vader."
    )
    similar.tags.add("haven")
    with django_capture_on_commit_callbacks(execute=True):
        similar.save_revision().publish()
    engine.refresh()
    related = service.related(corpus["harbour"], AnonymousUser())
    assert "Werk in de haven" in [h.title for h in related]
    assert corpus["harbour"].title not in [h.title for h in related]
    from django.test import Client

    page = Client().get(corpus["harbour"].url).content.decode()
    assert 'id="related-title"' in page and "Werk in de haven" in page


def test_json_has_the_same_shape_as_the_database_fallback(client, corpus, settings):
    engine_json = client.get("/search/", {"q": "haven", "format": "json"}).json()
    settings.SEARCH_URL = ""
    database_json = client.get("/search/", {"q": "haven", "format": "json"}).json()
    assert engine_json["backend"] == "opensearch" and database_json["backend"] == "database"
    assert engine_json.keys() == database_json.keys()
    assert engine_json["facets"].keys() == database_json["facets"].keys()
    assert engine_json["results"][0].keys() == database_json["results"][0].keys()
    assert engine_json["results"][0]["title"] == database_json["results"][0]["title"]


@pytest.mark.parametrize(
    "querystring",
    [
        "q=" + "x" * 5000,
        "q=%00%01",
        "decade=19x5",
        "page=abc",
        "page=99999",
        "tag=" + "t" * 500,
        "sort=drop",
        'q="unbalanced',
        "q=*?~/",
    ],
)
def test_malformed_input_gets_a_normal_page(client, corpus, querystring):
    assert client.get("/search/?" + querystring).status_code == 200
    assert client.get("/search/?format=json&" + querystring).status_code == 200


def test_linking_views_answer_from_the_index(client, corpus, community_a, depot_index, engine, settings):
    item = corpus["item"]
    community_page = client.get(community_a.url)
    assert item.collection.name in community_page.content.decode()
    item_page = client.get(f"{depot_index.url}{item.url_key}/").content.decode()
    assert "Het verhaal van de haven" in item_page
    assert community_a.title in item_page
    # The engine's index is what answers: an item only the index knows nothing about shows nothing.
    engine.bulk([{"delete": {"_id": f"story:{corpus['harbour'].pk}"}}])
    engine.refresh()
    assert "Het verhaal van de haven" not in client.get(f"{depot_index.url}{item.url_key}/").content.decode()
    # With the engine down, the database answers the same page.
    settings.SEARCH_URL = "http://127.0.0.1:9"
    from search import engine as engine_module

    engine_module._engine_for.cache_clear()
    assert "Het verhaal van de haven" in client.get(f"{depot_index.url}{item.url_key}/").content.decode()
