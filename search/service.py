"""The public search service: one entry point, answered by the engine or by the database.

``search(params, user)`` always returns SearchResults. When no engine is configured the
database answers; when the engine is configured but does not answer, the database
answers too and the results carry a notice saying so. What the engine answers is
checked against the database before it is shown (``search.hitcheck``): a withdrawal
or a new page privacy takes effect at once, even while the index is behind; and an
answer from the engine is the moment to send what waited through an outage.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext_lazy as _

from core.access import reader_for
from search import database, hitcheck, queries, registry
from search.documents import HIGHLIGHT_FIELDS
from search.engine import EngineUnavailable, get_engine
from search.labels import facet_labels
from search.params import FACETS, SearchParams
from search.results import (
    KIND_LABELS,
    FacetValue,
    Hit,
    SearchResults,
    add_community_titles,
    localised_url,
    moment_from_inner_hits,
)

logger = logging.getLogger(__name__)
ENGINE_DOWN = _("The search engine is not answering right now; these results come from a simpler search.")


def search(params: SearchParams, user) -> SearchResults:
    reader = reader_for(user)
    engine = get_engine()
    if engine is None:
        return database.search(params, reader)
    try:
        response = engine.search(queries.search_body(params, reader))
    except EngineUnavailable as error:
        logger.warning("search falls back to the database: %s", error)
        results = database.search(params, reader)
        results.notice = f"{ENGINE_DOWN} {results.notice}".strip()
        return results
    results = _from_engine(_checked(response, reader), params, engine.name)
    engine_answered()
    return results


def engine_answered() -> None:
    """The engine answers: if updates waited through an outage, have them sent now (after
    the answer's own check, which may have queued more)."""
    from search.indexing import replay_if_waiting

    replay_if_waiting()


def _checked(response: dict, reader) -> dict:
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


def _from_engine(response: dict, params: SearchParams, backend: str) -> SearchResults:
    hits = add_community_titles([_hit(raw) for raw in response["hits"]["hits"]])
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


def _hit(raw: dict) -> Hit:
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


def autocomplete(prefix: str, user, size: int = 8) -> list[dict]:
    """Suggestions as you type: title, kind and URL of readable documents."""
    prefix = " ".join((prefix or "").split())[:100]
    if len(prefix) < 2:
        return []
    reader = reader_for(user)
    engine = get_engine()
    if engine is not None:
        try:
            response = engine.search(queries.autocomplete_body(prefix, reader, size))
        except EngineUnavailable:
            suggestions = database.autocomplete(prefix, reader, size)
        else:
            raw_hits = response["hits"]["hits"]
            dropped = hitcheck.unreadable([h["_id"] for h in raw_hits], reader)
            suggestions = [
                {
                    "title": h["_source"]["title"],
                    "kind": h["_source"]["kind"],
                    "url": localised_url(h["_source"]["url"]),
                }
                for h in raw_hits
                if h["_id"] not in dropped
            ]
            engine_answered()
    else:
        suggestions = database.autocomplete(prefix, reader, size)
    for suggestion in suggestions:
        suggestion["kind_label"] = str(KIND_LABELS.get(suggestion["kind"], suggestion["kind"]))
    return suggestions


def related(page, user, size: int = 4) -> list[Hit]:
    """Stories and objects like this page (more-like-this), readable by the user."""
    reader = reader_for(user)
    key = registry.key_for(page)
    engine = get_engine()
    if engine is not None and key:
        try:
            response = engine.search(queries.related_body(key, reader, size))
        except EngineUnavailable:
            pass
        else:
            raw_hits = response["hits"]["hits"]
            dropped = hitcheck.unreadable([raw["_id"] for raw in raw_hits], reader)
            engine_answered()
            return [_hit(raw) for raw in raw_hits if raw["_id"] not in dropped]
    return database.related(page, reader, size)
