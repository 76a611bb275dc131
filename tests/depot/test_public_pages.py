"""The public depot pages: an item with its record, image and linking stories; a collection.

The item page's links come from the search index when there is one and from the
database otherwise; both are tested ("backend"), and neither may show a restricted
story (or the community it would reveal) to an anonymous visitor.
"""

import pytest
from django.test import Client

from search import indexing
from tests.factories import (
    DepotCollectionFactory,
    DepotItemFactory,
    HeritageObjectPageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(depot_index, community_a, community_b):
    textiel = DepotCollectionFactory(name="Textiel", slug="textiel", description="Doeken en kleding.")
    koffer = DepotItemFactory(
        inventory_number="BK-1975-0042",
        title="Hutkoffer",
        maker="Onbekend",
        maker_role="maker",
        date_text="circa 1950",
        medium="hout, metaal",
        rights="CC BY 4.0",
        image_url="https://collectie.example.org/images/BK-1975-0042.jpg",
        collection=textiel,
    )
    public = StoryPageFactory(parent=community_a, title="De koffer van oma", access_level="public")
    public.depot_links.create(depot_item=koffer, relation="family", note="Meegebracht uit Praia")
    public.save_revision().publish()
    secret = StoryPageFactory(parent=community_b, title="Wat niemand mocht weten", access_level="community")
    secret.depot_links.create(depot_item=koffer, relation="mentions")
    secret.save_revision().publish()
    registered = HeritageObjectPageFactory(parent=community_a, title="Koffer uit Praia", depot_item=koffer)
    registered.save_revision().publish()
    return {"textiel": textiel, "koffer": koffer, "public": public, "secret": secret}


@pytest.fixture(params=["database", "engine"])
def backend(request, settings):
    if request.param == "engine":
        node = request.getfixturevalue("engine")
        indexing.rebuild()
        node.refresh()
    return request.param


def item_url(depot_index, item):
    return f"{depot_index.url}{item.url_key}/"


def test_the_item_page_shows_the_record_and_its_image(client, depot_index, catalogue):
    html = client.get(item_url(depot_index, catalogue["koffer"])).content.decode()
    for text in ("Hutkoffer", "BK-1975-0042", "Onbekend (maker)", "circa 1950", "hout, metaal", "CC BY 4.0", "Textiel"):
        assert text in html, text
    assert '<img src="https://collectie.example.org/images/BK-1975-0042.jpg"' in html


def test_an_item_without_an_image_link_has_no_image(client, depot_index):
    item = DepotItemFactory(title="Zonder beeld", image_url="")
    html = client.get(item_url(depot_index, item)).content.decode()
    assert "Zonder beeld" in html and "<img src=" not in html.split('id="record-title"')[0]


def test_the_item_page_shows_the_stories_and_communities_that_link_to_it(
    client, depot_index, catalogue, community_a, community_b, backend
):
    html = client.get(item_url(depot_index, catalogue["koffer"])).content.decode()
    assert "De koffer van oma" in html
    assert "Koffer uit Praia" in html  # the heritage object registered as this record
    assert community_a.title in html
    # the community-level story, and the community only it would reveal, stay hidden
    assert "Wat niemand mocht weten" not in html
    assert community_b.title not in html


def test_members_see_their_communitys_restricted_story_on_the_item_page(
    depot_index, catalogue, member_b, community_b, backend
):
    client = Client()
    client.force_login(member_b)
    html = client.get(item_url(depot_index, catalogue["koffer"])).content.decode()
    assert "Wat niemand mocht weten" in html and community_b.title in html


def test_an_unknown_item_is_404(client, depot_index):
    assert client.get(f"{depot_index.url}BK-0000-0000/").status_code == 404


def test_a_withdrawn_item_says_so(client, depot_index):
    item = DepotItemFactory(title="Afgestoten", withdrawn=True)
    html = client.get(item_url(depot_index, item)).content.decode()
    assert "Afgestoten" in html
    assert "uit de catalogus van het museum verwijderd" in html  # the Dutch site, at /


def collection_url(depot_index, collection):
    return f"{depot_index.url}collections/{collection.slug}/"


def test_the_collection_page_lists_its_items_in_pages(client, depot_index, catalogue):
    textiel = catalogue["textiel"]
    for n in range(60):
        DepotItemFactory(inventory_number=f"TX-{n:03d}", title=f"Doek {n:03d}", collection=textiel)
    DepotItemFactory(inventory_number="TX-999", title="Afgevoerd doek", collection=textiel, withdrawn=True)
    DepotItemFactory(inventory_number="FO-001", title="Foto elders")  # another collection
    first = client.get(collection_url(depot_index, textiel)).content.decode()
    assert "Textiel" in first and "Doeken en kleding." in first
    assert "Hutkoffer" in first and "Doek 000" in first
    assert "Doek 059" not in first  # 48 a page, ordered by inventory number
    second = client.get(collection_url(depot_index, textiel), {"page": 2}).content.decode()
    assert "Doek 059" in second and "Hutkoffer" not in second
    for html in (first, second):
        assert "Afgevoerd doek" not in html and "Foto elders" not in html
    assert "61" in first  # the count: 60 + the koffer, without the withdrawn one


def test_the_collection_page_lists_linked_communities_but_not_through_restricted_stories(
    client, depot_index, catalogue, community_a, community_b, member_b
):
    url = collection_url(depot_index, catalogue["textiel"])
    html = client.get(url).content.decode()
    assert community_a.title in html
    assert community_b.title not in html
    member = Client()
    member.force_login(member_b)
    assert community_b.title in member.get(url).content.decode()


def test_an_unknown_collection_is_404(client, depot_index):
    assert client.get(f"{depot_index.url}collections/bestaat-niet/").status_code == 404
