"""A person's choice of how their name is shown holds on every public page."""

import pytest

from stories.models import StoryNarrator
from tests.factories import (
    DepotItemFactory,
    HeritageObjectPageFactory,
    PersonFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db

REAL_NAMES = ["Josefina Tavares Lopes", "Ahmet Yılmaz-Demir"]


@pytest.fixture
def people():
    return {
        "full": PersonFactory(full_name="Carlos Monteiro", name_display="full"),
        "pseudonym": PersonFactory(full_name=REAL_NAMES[0], pseudonym="Tante Zeza", name_display="pseudonym"),
        "anonymous": PersonFactory(full_name=REAL_NAMES[1], name_display="anonymous"),
    }


@pytest.fixture
def linked_pages(community_a, depot_index, people):
    item = DepotItemFactory(inventory_number="BK-1975-0001")
    story = StoryPageFactory(parent=community_a, title="De kist van oma", interviewer=people["anonymous"])
    for person in people.values():
        StoryNarrator.objects.create(story=story, person=person)
    story.depot_links.create(depot_item=item, relation="mentions")
    obj = HeritageObjectPageFactory(parent=community_a, title="Houten kist", brought_by=people["pseudonym"])
    obj.depot_links.create(depot_item=item, relation="depicts")
    story.related_objects.add(obj)
    story.save()
    return {"story": story, "object": obj, "item": item}


def public_urls(home_page, community_a, depot_index, linked_pages):
    return [
        home_page.url,
        community_a.get_parent().url,
        community_a.url,
        linked_pages["story"].url,
        linked_pages["object"].url,
        depot_index.url,
        f"{depot_index.url}{linked_pages['item'].inventory_number}/",
        f"{depot_index.url}collections/{linked_pages['item'].collection.slug}/",
        "/search/?q=kist",
        "/en" + linked_pages["story"].url,
        "/sitemap.xml",
    ]


def test_real_names_never_appear_on_public_pages(client, home_page, community_a, depot_index, linked_pages):
    for url in public_urls(home_page, community_a, depot_index, linked_pages):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        body = response.content.decode()
        for name in REAL_NAMES:
            assert name not in body, f"{name!r} shown on {url}"


def test_story_page_shows_the_chosen_names(client, linked_pages):
    body = client.get(linked_pages["story"].url).content.decode()
    assert "Carlos Monteiro" in body
    assert "Tante Zeza" in body
    assert "Anoniem" in body


def test_object_page_shows_the_bringer_by_pseudonym(client, linked_pages):
    body = client.get(linked_pages["object"].url).content.decode()
    assert "Tante Zeza" in body
