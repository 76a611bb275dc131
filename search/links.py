"""The index's side of the linking pages: what links communities, stories and depot items.

The index answers when an engine is configured (one aggregation, whatever the number
of stories); these functions answer None otherwise, or when the engine is down, and
the caller reads the database instead (``stories/services/links.py``, which turns
either answer into the same model instances, so templates render the same cards).
Only keys, slugs and counts leave this module: search knows no content models. The
documents the engine names are checked against the database (``search.hitcheck``), so
a story the index still holds after its withdrawal adds no link.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from elasticsearch.dsl import Q, Search

from core.access import reader_for
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


def collection_counts(community_slug: str, user) -> dict[str, int] | None:
    """Per depot collection slug, how many of the community's readable stories and objects
    link to its items, from one aggregation; None when the database must answer (no
    engine, or the engine is down)."""
    engine = get_engine()
    if engine is None:
        return None
    reader = reader_for(user)
    search = (
        Search()
        .filter(access_filter(reader))
        .filter(Q("term", communities=community_slug))
        .filter(Q("terms", kind=["story", "object"]))
        .filter(Q("exists", field="depot_collections"))
        .source(["depot_collections"])
    )
    search.aggs.bucket("collections", "terms", field="depot_collections", size=50)
    try:
        response = engine.search(search[:LINK_CHECK].to_dict())
    except EngineUnavailable as error:
        logger.warning("community links from the database: %s", error)
        return None
    counts = {b["key"]: b["doc_count"] for b in response["aggregations"]["collections"]["buckets"]}
    _uncount(counts, response["hits"]["hits"], "depot_collections", reader)
    engine_answered()
    return counts


@dataclass
class ItemLinks:
    """What the index says links to a depot item: the linking documents' keys, newest
    first and checked against the database, and per community slug how many link."""

    keys: list[str]
    community_counts: dict[str, int]

    def ids(self, kind: str, limit: int = LINK_LIMIT) -> list[int]:
        prefix = f"{kind}:"
        return [int(key[len(prefix) :]) for key in self.keys if key.startswith(prefix)][:limit]


def item_links(inventory_number: str, user) -> ItemLinks | None:
    """The readable stories and objects linking to a depot item, from the index; None when
    the database must answer (no engine, or the engine is down)."""
    engine = get_engine()
    if engine is None:
        return None
    reader = reader_for(user)
    search = (
        Search()
        .filter(access_filter(reader))
        .filter(Q("term", inventory_numbers=inventory_number))
        .filter(Q("terms", kind=["story", "object"]))
        .sort({"published_at": {"order": "desc", "missing": "_last"}})
        .source(["communities"])
    )
    search.aggs.bucket("communities", "terms", field="communities", size=50)
    try:
        response = engine.search(search[: LINK_LIMIT * 2].to_dict())
    except EngineUnavailable as error:
        logger.warning("depot item links from the database: %s", error)
        return None
    counts = {b["key"]: b["doc_count"] for b in response["aggregations"]["communities"]["buckets"]}
    dropped = _uncount(counts, response["hits"]["hits"], "communities", reader)
    engine_answered()
    return ItemLinks(
        keys=[hit["_id"] for hit in response["hits"]["hits"] if hit["_id"] not in dropped],
        community_counts=counts,
    )
