"""The linking views' read side: what links communities, stories and depot items, from the index.

The index answers when an engine is configured (one aggregation, whatever the number
of stories); the database answers otherwise, or when the engine is down. Either way
the pages get model instances, so templates render the same cards. The documents the
engine names are checked against the database (``search.hitcheck``), so a story the
index still holds after its withdrawal adds no link.
"""

from __future__ import annotations

import logging

from elasticsearch.dsl import Q, Search

from core.access import readable_filter, reader_for
from search import hitcheck
from search.engine import EngineUnavailable, get_engine
from search.queries import access_filter
from search.service import engine_answered

logger = logging.getLogger(__name__)
LINK_LIMIT = 24
# A community's linking documents whose answer is checked against the database; beyond
# this many, the rest count as the index says until the outbox has sent their updates.
LINK_CHECK = 500


def _uncount(counts: dict, raw_hits: list, field: str, reader) -> set[str]:
    """Take the hits the database no longer allows out of aggregation counts; a value that
    no readable hit holds any more goes. Returns the dropped keys."""
    dropped = hitcheck.unreadable([raw["_id"] for raw in raw_hits], reader)
    for raw in raw_hits:
        if raw["_id"] in dropped:
            for value in raw.get("_source", {}).get(field) or []:
                if value in counts:
                    counts[value] -= 1
                    if counts[value] <= 0:
                        del counts[value]
    return dropped


def community_depot_collections(community, stories, objects, user) -> list:
    """Depot collections that this community's readable stories and objects link to."""
    from depot.models import DepotCollection
    from stories.services.listings import depot_collections_linked_from

    engine = get_engine()
    if engine is None:
        return depot_collections_linked_from(stories, objects)
    reader = reader_for(user)
    search = (
        Search()
        .filter(access_filter(reader))
        .filter(Q("term", communities=community.slug))
        .filter(Q("terms", kind=["story", "object"]))
        .filter(Q("exists", field="depot_collections"))
        .source(["depot_collections"])
    )
    search.aggs.bucket("collections", "terms", field="depot_collections", size=50)
    try:
        response = engine.search(search[:LINK_CHECK].to_dict())
    except EngineUnavailable as error:
        logger.warning("community links from the database: %s", error)
        return depot_collections_linked_from(stories, objects)
    counts = {b["key"]: b["doc_count"] for b in response["aggregations"]["collections"]["buckets"]}
    _uncount(counts, response["hits"]["hits"], "depot_collections", reader)
    engine_answered()
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
        .source(["communities"])
    )
    search.aggs.bucket("communities", "terms", field="communities", size=50)
    reader = reader_for(user)
    try:
        response = engine.search(search[: LINK_LIMIT * 2].to_dict())
    except EngineUnavailable as error:
        logger.warning("depot item links from the database: %s", error)
        return links_to_depot_item(item, user)
    counts = {b["key"]: b["doc_count"] for b in response["aggregations"]["communities"]["buckets"]}
    dropped = _uncount(counts, response["hits"]["hits"], "communities", reader)
    engine_answered()
    keys = [hit["_id"] for hit in response["hits"]["hits"] if hit["_id"] not in dropped]
    story_ids = [int(k.split(":")[1]) for k in keys if k.startswith("story:")][:LINK_LIMIT]
    object_ids = [int(k.split(":")[1]) for k in keys if k.startswith("object:")][:LINK_LIMIT]
    # The cards are read with the access rule too (no extra query for the check).
    can_read = readable_filter(reader)
    stories = {s.pk: s for s in story_cards(StoryPage.objects.filter(can_read, pk__in=story_ids))}
    objects = {o.pk: o for o in object_cards(HeritageObjectPage.objects.filter(can_read, pk__in=object_ids))}
    slugs = list(counts)
    return {
        "linked_stories": [stories[pk] for pk in story_ids if pk in stories],
        "linked_objects": [objects[pk] for pk in object_ids if pk in objects],
        "linked_communities": list(CommunityPage.objects.live().filter(slug__in=slugs).order_by("title")),
    }
