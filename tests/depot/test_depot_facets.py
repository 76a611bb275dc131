"""Linked depot items appear in the search facets (the depot collection facet), on the real node."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from search import indexing, service
from search.params import parse
from tests.factories import DepotCollectionFactory, DepotItemFactory, StoryPageFactory

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


def query(string, user=None):
    request = RequestFactory().get("/search/?" + string)
    return service.search(parse(request.GET), user or AnonymousUser())


def collection_counts(results):
    return {facet.value: facet.count for facet in results.facets["collection"]}


@pytest.fixture
def linked(engine, community_a, community_b, depot_index):
    textiel = DepotCollectionFactory(name="Textiel", slug="textiel")
    foto = DepotCollectionFactory(name="Fotografie", slug="fotografie")
    doek = DepotItemFactory(inventory_number="TX-1", title="Draagdoek", collection=textiel)
    pan = DepotItemFactory(inventory_number="TX-2", title="Pan", collection=textiel)
    portret = DepotItemFactory(inventory_number="FO-1", title="Portret", collection=foto)
    both = StoryPageFactory(parent=community_a, title="Twee dingen van mijn moeder")
    both.depot_links.create(depot_item=doek, relation="family")
    both.depot_links.create(depot_item=pan, relation="mentions")  # same collection: counted once
    both.save_revision().publish()
    one = StoryPageFactory(parent=community_a, title="Het portret")
    one.depot_links.create(depot_item=portret, relation="depicts")
    one.depot_links.create(depot_item=doek, relation="same_kind")
    one.save_revision().publish()
    hidden = StoryPageFactory(parent=community_b, title="Alleen voor leden", access_level="community")
    hidden.depot_links.create(depot_item=portret, relation="depicts")
    hidden.save_revision().publish()
    StoryPageFactory(parent=community_a, title="Zonder depot").save_revision().publish()
    indexing.rebuild()
    engine.refresh()
    return {"both": both, "one": one, "hidden": hidden}


def test_a_story_linked_to_an_item_of_a_collection_is_counted_under_it(linked):
    results = query("q=")
    assert results.backend != "database"
    counts = collection_counts(results)
    # stories: "both" (textiel), "one" (textiel + fotografie); the depot items' own
    # documents carry their collection too, so count the stories alone by kind
    stories = collection_counts(query("q=&kind=story"))
    assert stories == {"textiel": 2, "fotografie": 1}
    assert counts["textiel"] >= 2 and counts["fotografie"] >= 1


def test_the_collection_facet_filters_the_stories(linked):
    titles = {hit.title for hit in query("collection=fotografie&kind=story").hits}
    assert titles == {"Het portret"}


def test_a_restricted_story_is_not_counted_for_visitors_who_may_not_read_it(linked, member_b):
    assert collection_counts(query("q=&kind=story"))["fotografie"] == 1
    assert collection_counts(query("q=&kind=story", member_b))["fotografie"] == 2
