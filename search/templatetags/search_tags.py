"""Template helpers for the public search page: query-string URLs that toggle facets and
turn pages, facet headings, and the pieces of a hit (title with marks, snippets).

Every URL starts from the visitor's current search (``results.params``, or ``request.GET``
without it) so the other choices (q, sort, other facets) are kept; changing the filters
drops ``page`` (the old page number may not exist any more).
"""

import json
from datetime import date, datetime

from django import template
from django.http import QueryDict
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext_lazy

from search.params import FACETS
from search.results import KIND_LABELS

register = template.Library()

# Headings in the order the sidebar shows them (what kind of thing first).
FACET_HEADINGS = {
    "kind": pgettext_lazy("search facet", "Kind"),
    "community": pgettext_lazy("search facet", "Community"),
    "collection": pgettext_lazy("search facet", "Depot collection"),
    "tag": pgettext_lazy("search facet", "Tag"),
    "place": pgettext_lazy("search facet", "Place"),
    "language": pgettext_lazy("search facet", "Language"),
    "media": pgettext_lazy("search facet", "Media"),
    "decade": pgettext_lazy("search facet", "Decade"),
}
VISIBLE_VALUES = 8  # per facet; the rest behind "Show more"
DROPPED_ON_CHANGE = ("page", "format")


def _query(context) -> QueryDict:
    """The visitor's search as a query string, from the cleaned parameters when the page has
    them (so a malformed value in the address is not carried into every link), else as sent."""
    results = context.get("results")
    params = getattr(results, "params", None)
    if params is None:
        request = context.get("request")
        return request.GET.copy() if request is not None else QueryDict(mutable=True)
    query = QueryDict(mutable=True)
    if params.query:
        query["q"] = params.query
    for name in FACETS:
        if params.facets.get(name):
            query.setlist(name, list(params.facets[name]))
    if params.sort != ("relevance" if params.query else "date"):  # only a non-default sort
        query["sort"] = params.sort
    if params.page > 1:
        query["page"] = str(params.page)
    return query


def _encode(query: QueryDict) -> str:
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def facet_toggle_url(context, name, value):
    """The current URL with `value` added to or removed from facet `name` (page dropped)."""
    query = _query(context)
    for key in DROPPED_ON_CHANGE:
        query.pop(key, None)
    value = str(value)
    values = query.getlist(name)
    if value in values:
        values = [v for v in values if v != value]
    else:
        values.append(value)
    if values:
        query.setlist(name, values)
    else:
        query.pop(name, None)
    return _encode(query)


@register.simple_tag(takes_context=True)
def clear_filters_url(context):
    """The current URL without any facet (the text query and sort stay)."""
    query = _query(context)
    for key in (*FACETS, *DROPPED_ON_CHANGE):
        query.pop(key, None)
    return _encode(query)


@register.simple_tag(takes_context=True)
def page_url(context, number):
    query = _query(context)
    query.pop("format", None)
    if int(number) <= 1:
        query.pop("page", None)
    else:
        query["page"] = str(int(number))
    return _encode(query)


@register.simple_tag(takes_context=True)
def json_url(context):
    """The same search as JSON, for other programs."""
    query = _query(context)
    query["format"] = "json"
    return _encode(query)


@register.simple_tag
def facet_groups(results):
    """The facets that have values, in sidebar order, each with its heading and selection."""
    groups = []
    for name, heading in FACET_HEADINGS.items():
        values = list((results.facets or {}).get(name) or [])
        if not values:
            continue
        if name == "decade":  # a time line reads better in order than by count
            values.sort(key=lambda v: int(v.value) if v.value.isdigit() else 0)
        rest = values[VISIBLE_VALUES:]
        groups.append(
            {
                "name": name,
                "heading": heading,
                "parts": [values[:VISIBLE_VALUES], rest] if rest else [values],
                "more_selected": any(v.selected for v in rest),
                "selected": [v for v in values if v.selected],
            }
        )
    return groups


@register.simple_tag
def active_filters(results):
    """The selected facet values (with their labels when the sidebar knows them)."""
    out = []
    for name, heading in FACET_HEADINGS.items():
        labels = {v.value: v.label for v in (results.facets or {}).get(name) or []}
        for value in results.params.facets.get(name, []):
            out.append({"name": name, "heading": heading, "value": value, "label": labels.get(value, value)})
    return out


def _is_title(fragment, title) -> bool:
    return strip_tags(str(fragment)).strip() == str(escape(title[:300])).strip()


@register.filter
def hit_title_html(hit):
    """The title with the query's words marked when a highlight covers the whole title."""
    for fragment in hit.highlights or []:
        if _is_title(fragment, hit.title or ""):
            return mark_safe(fragment)  # already escaped by the search service, only <mark> added
    return escape(hit.title or "")


@register.filter
def hit_snippets(hit):
    """Highlighted fragments other than the title (already-escaped HTML from the service)."""
    return [mark_safe(f) for f in hit.highlights or [] if not _is_title(f, hit.title or "")]


@register.filter
def iso_date(value):
    """'2024-05-01T10:00:00+00:00' → a date (for the |date filter); None when unreadable."""
    if not value:
        return None
    if isinstance(value, (date, datetime)):
        return value
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


@register.simple_tag
def kind_labels_json():
    """{"story": "Verhaal", …} in the current language, for the autocomplete script."""
    return json.dumps({kind: str(label) for kind, label in KIND_LABELS.items()}, ensure_ascii=False)
