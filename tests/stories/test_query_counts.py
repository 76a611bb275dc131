"""Public pages cost a fixed number of queries, however many stories, tags or links they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.models import StoryNarrator
from tests.factories import (
    DepotItemFactory,
    HeritageObjectPageFactory,
    PersonFactory,
    PlaceFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def rich_story(community, item, n, title):
    story = StoryPageFactory(parent=community, title=title)
    for i in range(n):
        StoryNarrator.objects.create(story=story, person=PersonFactory())
        story.tags.add(f"{title}-tag-{i}")
        story.places.add(PlaceFactory())
        story.depot_links.create(depot_item=DepotItemFactory(collection=item.collection), relation="mentions")
        story.related_objects.add(HeritageObjectPageFactory(parent=community))
    story.depot_links.create(depot_item=item, relation="depicts")
    story.save()
    return story


def test_story_page_queries_do_not_grow_with_links(client, community_a, depot_index):
    item = DepotItemFactory()
    small = rich_story(community_a, item, 1, "klein")
    large = rich_story(community_a, item, 8, "groot")
    queries_for(client, small.url)  # warm caches (site root, content types)
    assert queries_for(client, large.url) == queries_for(client, small.url)


def test_community_page_queries_do_not_grow_with_stories(client, community_a, community_b, depot_index):
    item = DepotItemFactory()
    for i in range(2):
        rich_story(community_a, item, 2, f"a{i}")
    for i in range(10):
        rich_story(community_b, item, 3, f"b{i}")
    queries_for(client, community_a.url)
    assert queries_for(client, community_b.url) == queries_for(client, community_a.url)


def test_depot_item_page_queries_do_not_grow_with_linking_stories(client, community_a, depot_index):
    few, many = DepotItemFactory(), DepotItemFactory()
    rich_story(community_a, few, 1, "een")
    for i in range(10):
        rich_story(community_a, many, 2, f"veel{i}")
    url = f"{depot_index.url}{{}}/"
    queries_for(client, url.format(few.inventory_number))
    assert queries_for(client, url.format(many.inventory_number)) == queries_for(
        client, url.format(few.inventory_number)
    )
