"""The depot's documents in the public index: one per catalogue item not withdrawn.

Declared beside the depot's models and registered into search when the app starts
(``DepotConfig.ready``). An item's ``communities`` are those whose publicly readable
pages link to it; the depot does not know those pages (stories sit above it), so the
app that links pages to items adds a source for them (``add_linking_communities``).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models.signals import post_save, pre_delete
from django.utils.translation import override

from depot.models import DepotIndexPage, DepotItem
from depot.search_database import DepotKind, collection_labels
from search import registry
from search.indexing import queue
from search.registry import DocumentType, decades_between

_linking_sources: list[Callable[[list[int]], dict[int, set[str]]]] = []


def add_linking_communities(source: Callable[[list[int]], dict[int, set[str]]]) -> None:
    """Add a source of, per depot item id, the slugs of communities whose public pages link to it."""
    if source not in _linking_sources:
        _linking_sources.append(source)


def _dutch_url(page) -> str:
    """Pages are indexed with their Dutch (unprefixed) URL; the view adds /en/ for English."""
    with override("nl"):
        return page.get_url() or ""


def depot_documents(items) -> list[tuple[str, dict | None]]:
    items = list(items)
    linking: dict[int, set[str]] = {}
    for source in _linking_sources:
        for item_id, slugs in source([i.pk for i in items]).items():
            linking.setdefault(item_id, set()).update(slugs)
    index_page_url = _depot_index_url()
    out = []
    for item in items:
        if item.withdrawn or not index_page_url:
            out.append((f"depot:{item.pk}", None))
            continue
        summary = " · ".join(filter(None, [item.title_en, item.maker, item.object_type, item.medium, item.date_text]))
        out.append(
            (
                f"depot:{item.pk}",
                {
                    "kind": "depot",
                    "title": item.title,
                    "summary": summary,
                    "body": item.description,
                    "people": [item.maker] if item.maker else [],
                    "communities": sorted(linking.get(item.pk, ())),
                    "depot_collections": [item.collection.slug] if item.collection else [],
                    "inventory_numbers": [item.inventory_number],
                    "media_type": ["image"] if item.image_url else ["text"],
                    "decades": decades_between(item.year_from, item.year_to),
                    "year_from": item.year_from,
                    "year_to": item.year_to,
                    "access_level": "public",
                    "url": f"{index_page_url}{item.url_key}/",
                    "image_url": item.image_url,
                },
            )
        )
    return out


def _depot_index_url() -> str:

    page = DepotIndexPage.objects.live().first()
    return _dutch_url(page) if page else ""


def _depot_pairs(pks) -> list[tuple[str, dict | None]]:
    items = {item.pk: item for item in DepotItem.objects.select_related("collection").filter(pk__in=list(pks))}
    found = dict(depot_documents([items[pk] for pk in pks if pk in items]))
    return [(f"depot:{pk}", found.get(f"depot:{pk}")) for pk in pks]


def _stream_depot():
    for chunk in registry.chunks(DepotItem.objects.filter(withdrawn=False).select_related("collection")):
        yield from depot_documents(chunk)


DEPOT_ITEMS = DocumentType(
    kind="depot",
    models=(DepotItem,),
    documents=_depot_pairs,
    count=lambda: DepotItem.objects.filter(withdrawn=False).count(),
    stream=_stream_depot,
    database=DepotKind(),
)


def on_depot_item_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        queue({registry.key_for(instance)})


def on_depot_item_deleted(sender, instance, **kwargs):
    queue({registry.key_for(instance)})


def register() -> None:
    """Register the depot's document type and connect its receivers (DepotConfig.ready)."""
    registry.register(DEPOT_ITEMS)
    registry.register_facet_labels("collection", collection_labels)
    pre_delete.connect(on_depot_item_deleted, sender=DepotItem, dispatch_uid="search-deleted-DepotItem")
    post_save.connect(on_depot_item_saved, sender=DepotItem, dispatch_uid="search-depot-saved")
