"""What a visitor asked for, read defensively from the query string.

Anything malformed (a huge query, an unknown facet, a decade that is not a number, a
page beyond the end) is trimmed or dropped here, so every later step works on clean
values and the page always answers normally.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 10
MAX_VALUE_LENGTH = 100
PER_PAGE = 20
MAX_PAGE = 10_000 // PER_PAGE  # the engines' result window

# Facet name in the URL -> field in the index. The database fallback uses the same names.
FACETS = {
    "community": "communities",
    "collection": "depot_collections",
    "tag": "tags",
    "place": "places",
    "language": "languages",
    "media": "media_type",
    "decade": "decades",
    "kind": "kind",
}
SORTS = ("relevance", "date")


@dataclass
class SearchParams:
    query: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def selected(self, facet: str) -> list[str]:
        return self.facets.get(facet, [])


def _clean_value(facet: str, value: str) -> str | None:
    value = (value or "").strip()[:MAX_VALUE_LENGTH]
    if not value or "\x00" in value:
        return None
    if facet == "decade":
        if not (value.isdigit() and len(value) <= 4 and int(value) % 10 == 0):
            return None
        return str(int(value))
    return value


def parse(querydict) -> SearchParams:
    """SearchParams from a QueryDict (request.GET); never raises."""
    query = " ".join((querydict.get("q") or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    facets: dict[str, list[str]] = {}
    for name in FACETS:
        values = []
        for raw in querydict.getlist(name)[:MAX_VALUES_PER_FACET]:
            value = _clean_value(name, raw)
            if value and value not in values:
                values.append(value)
        if values:
            facets[name] = values
    # Without words there is no relevance to rank by: browsing is newest first.
    sort = querydict.get("sort") if querydict.get("sort") in SORTS else "relevance"
    if not query:
        sort = "date"
    try:
        page = int(querydict.get("page") or 1)
    except (TypeError, ValueError):
        page = 1
    page = min(max(page, 1), MAX_PAGE)
    return SearchParams(query=query, facets=facets, sort=sort, page=page)
