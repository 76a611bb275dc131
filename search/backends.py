"""The search backends: one interface, chosen once (``get_backend``), as modelsearch chooses its backends.

Every public read of search goes through a backend: the search page (``search``), the
suggestions as you type (``autocomplete``), "more like this" (``related``) and the two
link reads of the linking pages (``collection_counts``, ``item_links``).

- ``DatabaseBackend`` answers from SQL (``search.database``); its link reads answer None,
  which tells the caller to read the links from its own tables (``stories/services/links.py``).
- ``EngineBackend`` answers from OpenSearch or Elasticsearch and raises ``EngineUnavailable``
  when the engine does not answer. What it answers is checked against the database before
  it is shown (``search.hitcheck``), and an answer is the moment to send what waited
  through an outage (``answered``).
- ``FallbackBackend`` asks the engine and, when it does not answer, the database; the
  search page then says so. It is what a site with ``SEARCH_URL`` runs.

Without ``SEARCH_URL`` the site runs on ``DatabaseBackend`` alone. The choice is made
here and nowhere else.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from django.utils.translation import gettext_lazy as _
from elasticsearch.dsl import Q, Search

from search import database, hitcheck, queries, registry
from search.documents import HIGHLIGHT_FIELDS
from search.engine import BaseAdapter, EngineUnavailable, get_engine
from search.indexing import replay_if_waiting
from search.labels import facet_labels
from search.params import FACETS, SearchParams
from search.queries import access_filter
from search.results import FacetValue, Hit, SearchResults, add_community_titles, localised_url, moment_from_inner_hits

logger = logging.getLogger(__name__)
ENGINE_DOWN = _("The search engine is not answering right now; these results come from a simpler search.")
LINK_LIMIT = 24
# A community's linking documents whose answer is checked against the database; beyond
# this many, the rest count as the index says until the outbox has sent their updates.
LINK_CHECK = 500


@dataclass
class ItemLinks:
    """What the index says links to a depot item: the linking documents' keys, newest
    first and checked against the database, and per community slug how many link."""

    keys: list[str]
    community_counts: dict[str, int]

    def ids(self, kind: str, limit: int = LINK_LIMIT) -> list[int]:
        prefix = f"{kind}:"
        return [int(key[len(prefix) :]) for key in self.keys if key.startswith(prefix)][:limit]


class Backend(Protocol):
    name: str

    def search(self, params: SearchParams, reader) -> SearchResults: ...
    def autocomplete(self, prefix: str, reader, size: int) -> list[dict]: ...
    def related(self, page, reader, size: int) -> list[Hit]: ...
    def collection_counts(self, community_slug: str, reader) -> dict[str, int] | None: ...
    def item_links(self, inventory_number: str, reader) -> ItemLinks | None: ...


class DatabaseBackend:
    """Search from SQL; the link reads are the caller's own (None: read your tables)."""

    name = "database"

    def search(self, params, reader):
        return database.search(params, reader)

    def autocomplete(self, prefix, reader, size):
        return database.autocomplete(prefix, reader, size)

    def related(self, page, reader, size):
        return database.related(page, reader, size)

    def collection_counts(self, community_slug, reader):
        return None

    def item_links(self, inventory_number, reader):
        return None


class EngineBackend:
    """Search from the engine; raises EngineUnavailable when it does not answer."""

    def __init__(self, engine: BaseAdapter):
        self.engine = engine
        self.name = engine.name

    def search(self, params, reader):
        response = self.engine.search(queries.search_body(params, reader))
        results = from_engine(checked(response, reader), params, self.engine.name)
        answered()
        return results

    def autocomplete(self, prefix, reader, size):
        raw_hits = self.engine.search(queries.autocomplete_body(prefix, reader, size))["hits"]["hits"]
        dropped = hitcheck.unreadable([h["_id"] for h in raw_hits], reader)
        answered()
        return [
            {"title": h["_source"]["title"], "kind": h["_source"]["kind"], "url": localised_url(h["_source"]["url"])}
            for h in raw_hits
            if h["_id"] not in dropped
        ]

    def related(self, page, reader, size):
        key = registry.key_for(page)
        if key is None:
            return []
        raw_hits = self.engine.search(queries.related_body(key, reader, size))["hits"]["hits"]
        dropped = hitcheck.unreadable([raw["_id"] for raw in raw_hits], reader)
        answered()
        return [hit_from(raw) for raw in raw_hits if raw["_id"] not in dropped]

    def collection_counts(self, community_slug: str, reader) -> dict[str, int]:
        """Per depot collection slug, how many of the community's readable stories and objects
        link to its items, from one aggregation."""
        search = (
            Search()
            .filter(access_filter(reader))
            .filter(Q("term", communities=community_slug))
            .filter(Q("terms", kind=["story", "object"]))
            .filter(Q("exists", field="depot_collections"))
            .source(["depot_collections"])
        )
        search.aggs.bucket("collections", "terms", field="depot_collections", size=50)
        response = self.engine.search(search[:LINK_CHECK].to_dict())
        counts = {b["key"]: b["doc_count"] for b in response["aggregations"]["collections"]["buckets"]}
        _uncount(counts, response["hits"]["hits"], "depot_collections", reader)
        answered()
        return counts

    def item_links(self, inventory_number: str, reader) -> ItemLinks:
        """The readable stories and objects linking to a depot item, from the index."""
        search = (
            Search()
            .filter(access_filter(reader))
            .filter(Q("term", inventory_numbers=inventory_number))
            .filter(Q("terms", kind=["story", "object"]))
            .sort({"published_at": {"order": "desc", "missing": "_last"}})
            .source(["communities"])
        )
        search.aggs.bucket("communities", "terms", field="communities", size=50)
        response = self.engine.search(search[: LINK_LIMIT * 2].to_dict())
        counts = {b["key"]: b["doc_count"] for b in response["aggregations"]["communities"]["buckets"]}
        dropped = _uncount(counts, response["hits"]["hits"], "communities", reader)
        answered()
        return ItemLinks(
            keys=[hit["_id"] for hit in response["hits"]["hits"] if hit["_id"] not in dropped],
            community_counts=counts,
        )


class FallbackBackend:
    """The engine first; the database when the engine does not answer."""

    def __init__(self, primary: EngineBackend, fallback: DatabaseBackend):
        self.primary, self.fallback = primary, fallback
        self.name = primary.name

    def _either(self, what: str, *args):
        try:
            return getattr(self.primary, what)(*args)
        except EngineUnavailable as error:
            logger.warning("%s falls back to the database: %s", what, error)
            return getattr(self.fallback, what)(*args)

    def search(self, params, reader):
        try:
            return self.primary.search(params, reader)
        except EngineUnavailable as error:
            logger.warning("search falls back to the database: %s", error)
        results = self.fallback.search(params, reader)
        results.notice = f"{ENGINE_DOWN} {results.notice}".strip()
        return results

    def autocomplete(self, prefix, reader, size):
        return self._either("autocomplete", prefix, reader, size)

    def related(self, page, reader, size):
        if registry.key_for(page) is None:  # not a document of the index
            return self.fallback.related(page, reader, size)
        return self._either("related", page, reader, size)

    def collection_counts(self, community_slug, reader):
        return self._either("collection_counts", community_slug, reader)

    def item_links(self, inventory_number, reader):
        return self._either("item_links", inventory_number, reader)


DATABASE = DatabaseBackend()


def get_backend() -> Backend:
    """The backend the settings choose: the engine with the database behind it when
    ``SEARCH_URL`` is set, the database alone otherwise."""
    engine = get_engine()
    if engine is None:
        return DATABASE
    return FallbackBackend(EngineBackend(engine), DATABASE)


def answered() -> None:
    """The engine answers: if updates waited through an outage, have them sent now (after
    the answer's own check, which may have queued more)."""
    replay_if_waiting()


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


def checked(response: dict, reader) -> dict:
    """The engine's answer without the hits the database no longer lets the reader read.

    The total and the facet counts are lowered by what was dropped from this page of
    hits (each dropped hit matched every selected filter, so it was counted once in
    each of its values). A document the index still holds wrongly on another page of
    results counts until the outbox has sent its update, which ``unreadable`` queues.
    """
    raw_hits = response["hits"]["hits"]
    dropped = hitcheck.unreadable([raw["_id"] for raw in raw_hits], reader)
    if not dropped:
        return response
    gone = [raw for raw in raw_hits if raw["_id"] in dropped]
    response["hits"]["hits"] = [raw for raw in raw_hits if raw["_id"] not in dropped]
    total = response["hits"]["total"]
    if isinstance(total, dict):
        total["value"] = max(total["value"] - len(gone), 0)
    else:
        response["hits"]["total"] = max(int(total) - len(gone), 0)
    for name, field in FACETS.items():
        buckets = response.get("aggregations", {}).get(name, {}).get("values", {}).get("buckets")
        if not buckets:
            continue
        for raw in gone:
            values = raw.get("_source", {}).get(field)
            for value in values if isinstance(values, list) else [values]:
                for bucket in buckets:
                    if str(bucket["key"]) == str(value):
                        bucket["doc_count"] -= 1
        buckets[:] = [b for b in buckets if b["doc_count"] > 0]
    return response


def from_engine(response: dict, params: SearchParams, backend: str) -> SearchResults:
    hits = add_community_titles([hit_from(raw) for raw in response["hits"]["hits"]])
    total = response["hits"]["total"]
    total = total["value"] if isinstance(total, dict) else int(total)
    facets = {}
    for name in FACETS:
        buckets = response.get("aggregations", {}).get(name, {}).get("values", {}).get("buckets", [])
        values = [str(b["key"]) for b in buckets]
        selected = params.selected(name)
        for value in selected:  # a selected value stays visible even when it counts 0
            if value not in values:
                buckets.append({"key": value, "doc_count": 0})
                values.append(value)
        labels = facet_labels(name, values)
        facets[name] = [
            FacetValue(
                value=str(b["key"]),
                label=labels.get(str(b["key"]), str(b["key"])),
                count=b["doc_count"],
                selected=str(b["key"]) in selected,
            )
            for b in buckets
        ]
    return SearchResults(params=params, total=total, hits=hits, facets=facets, backend=backend)


def hit_from(raw: dict) -> Hit:
    source = raw.get("_source", {})
    highlight = raw.get("highlight", {})
    fragments = [f for field in HIGHLIGHT_FIELDS for f in highlight.get(field, [])]
    communities = source.get("communities") or []
    hit = Hit(
        key=raw["_id"],
        kind=source.get("kind", ""),
        title=source.get("title", ""),
        url=localised_url(source.get("url", "")),
        summary=source.get("summary", "") or "",
        highlights=fragments[:3],
        community=communities[0] if communities else "",
        published_at=source.get("published_at"),
        image_url=source.get("image_url", "") or "",
    )
    return moment_from_inner_hits(hit, raw.get("inner_hits"))
