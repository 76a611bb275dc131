"""The linking views' read side: what links communities, stories and depot items, from the index.

The index answers when an engine is configured (one aggregation, whatever the number
of stories); the database answers otherwise, or when the engine is down. Either way
the pages get model instances, so templates render the same cards.
"""

from __future__ import annotations

import logging

from elasticsearch.dsl import Q, Search

from search.engine import EngineUnavailable, get_engine
from search.queries import access_filter
from stories.services.access import reader_for

logger = logging.getLogger(__name__)
LINK_LIMIT = 24


def community_depot_collections(community, stories, objects, user) -> list:
    """Depot collections that this community's readable stories and objects link to."""
    from depot.models import DepotCollection
    from stories.services.listings import depot_collections_linked_from

    engine = get_engine()
    if engine is None:
        return depot_collections_linked_from(stories, objects)
    search = (
        Search()
        .filter(access_filter(reader_for(user)))
        .filter(Q("term", communities=community.slug))
        .filter(Q("terms", kind=["story", "object"]))
    )
    search.aggs.bucket("collections", "terms", field="depot_collections", size=50)
    try:
        buckets = engine.search(search[:0].to_dict())["aggregations"]["collections"]["buckets"]
    except EngineUnavailable as error:
        logger.warning("community links from the database: %s", error)
        return depot_collections_linked_from(stories, objects)
    counts = {b["key"]: b["doc_count"] for b in buckets}
    collections = list(DepotCollection.objects.filter(slug__in=counts))
    for collection in collections:
        collection.link_count = counts[collection.slug]
    return sorted(collections, key=lambda c: (-c.link_count, c.name))


def depot_item_links(item, user) -> dict:
    """Readable stories and objects linking to a depot item, and their communities."""
    from stories.models import CommunityPage, HeritageObjectPage, StoryPage
    from stories.services.links import links_to_depot_item
    from stories.services.listings import object_cards, story_cards

    engine = get_engine()
    if engine is None:
        return links_to_depot_item(item, user)
    search = (
        Search()
        .filter(access_filter(reader_for(user)))
        .filter(Q("term", inventory_numbers=item.inventory_number))
        .filter(Q("terms", kind=["story", "object"]))
        .sort({"published_at": {"order": "desc", "missing": "_last"}})
        .source(False)
    )
    search.aggs.bucket("communities", "terms", field="communities", size=50)
    try:
        response = engine.search(search[: LINK_LIMIT * 2].to_dict())
    except EngineUnavailable as error:
        logger.warning("depot item links from the database: %s", error)
        return links_to_depot_item(item, user)
    keys = [hit["_id"] for hit in response["hits"]["hits"]]
    story_ids = [int(k.split(":")[1]) for k in keys if k.startswith("story:")][:LINK_LIMIT]
    object_ids = [int(k.split(":")[1]) for k in keys if k.startswith("object:")][:LINK_LIMIT]
    stories = {s.pk: s for s in story_cards(StoryPage.objects.live().filter(pk__in=story_ids))}
    objects = {o.pk: o for o in object_cards(HeritageObjectPage.objects.live().filter(pk__in=object_ids))}
    slugs = [b["key"] for b in response["aggregations"]["communities"]["buckets"]]
    return {
        "linked_stories": [stories[pk] for pk in story_ids if pk in stories],
        "linked_objects": [objects[pk] for pk in object_ids if pk in objects],
        "linked_communities": list(CommunityPage.objects.live().filter(slug__in=slugs).order_by("title")),
    }
