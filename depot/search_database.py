"""How the depot's catalogue items take part in the database search.

Search holds the method (``search.database``); this module knows the rows: every item
not withdrawn is public, its words are its titles, inventory number and maker, and it
reads as a hit linking to its page under the depot's index page.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from depot.models import DepotCollection, DepotIndexPage, DepotItem
from search.database import DatabaseKind, decade_filter, mark, page_url, start_decade
from search.results import Hit, localised_url


class DepotKind(DatabaseKind):
    name = "depot"
    model = DepotItem
    text_fields = ("title", "title_en", "inventory_number", "maker")
    facet_fields = {"collection": "collection__slug", "decade": start_decade("year_from")}

    def queryset(self, reader) -> QuerySet:
        return DepotItem.objects.filter(withdrawn=False)

    def facet_filter(self, name: str, values: list[str], memo: dict) -> Q | None:
        if name == "decade":
            return decade_filter([int(v) for v in values], "year_from")
        return super().facet_filter(name, values, memo)

    def hits(self, rows: list, words: list[str], memo: dict) -> dict[int, Hit]:
        base = _depot_url(memo)
        hits = {}
        for row in rows:
            summary = " · ".join(filter(None, [row.maker, row.object_type, row.date_text]))
            hits[row.pk] = Hit(
                key=f"depot:{row.pk}",
                kind="depot",
                title=row.title,
                url=f"{base}{row.url_key}/" if base else "",
                summary=summary,
                highlights=[h for h in (mark(row.title, words), mark(summary, words)) if h],
                community="",
                image_url=getattr(row, "image_url", "") or "",
            )
        return hits


def _depot_url(memo: dict) -> str:
    """The public depot page's URL, the base of every item's URL ('' without one)."""
    url_path = DepotIndexPage.objects.live().values_list("url_path", flat=True).first()
    return localised_url(page_url(url_path, memo)) if url_path else ""


def collection_labels(slugs: list[str]) -> dict[str, str]:
    return {c.slug: c.display_name for c in DepotCollection.objects.filter(slug__in=slugs)}
