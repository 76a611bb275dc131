"""The database fallback: the same search, the same facet names and result shape, from SQL.

Used when no engine is configured, or when the engine does not answer. It matches
every word of the query (case-insensitively) in titles, summaries, tags and inventory
numbers, ranks title matches first, and counts facets with the same multi-select
rule as the engine: a facet's counts ignore that facet's own selection.

Known differences from the engine: no stemming ("verhalen" does not find
"verhaal"), no body-text search, the community facet counts home communities only,
and the decade facet counts the decade a story starts in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from django.db.models import Case, CharField, Count, DateTimeField, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, Substr
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.labels import facet_labels
from search.params import FACETS, SearchParams
from search.results import FacetValue, Hit, SearchResults, add_community_titles, localised_url
from stories.services.access import readable_filter

COMMUNITY_PATH_LENGTH = 16  # root/home/communities/community: four steps of four characters


@dataclass
class Kind:
    """How one model takes part in the database search."""

    name: str
    queryset: Callable[[object], QuerySet]
    text_fields: tuple[str, ...]
    facet_fields: dict[str, object]  # facet name -> field path or expression
    date_field: str | None


def _story_qs(reader):
    from stories.models import StoryPage

    return StoryPage.objects.filter(readable_filter(reader))


def _object_qs(reader):
    from stories.models import HeritageObjectPage

    return HeritageObjectPage.objects.filter(readable_filter(reader))


def _depot_qs(reader):
    from depot.models import DepotItem

    return DepotItem.objects.filter(withdrawn=False)


def _community_qs(reader):
    from stories.models import CommunityPage

    return CommunityPage.objects.live()


def _start_decade(*fields):
    year = Coalesce(*fields) if len(fields) > 1 else F(fields[0])
    return Cast(year / 10, IntegerField()) * 10


KINDS = [
    Kind(
        "story",
        _story_qs,
        ("title", "summary", "pull_quote", "tagged_items__tag__name"),
        {
            "community": Substr("path", 1, COMMUNITY_PATH_LENGTH),
            "collection": "depot_links__depot_item__collection__slug",
            "tag": "tagged_items__tag__name",
            "place": "places__name",
            "language": "languages__code",
            "media": Coalesce("main_media__type", Value("text")),
            "decade": _start_decade("period_start_year", "recorded_year_from"),
        },
        "first_published_at",
    ),
    Kind(
        "object",
        _object_qs,
        ("title", "summary", "tagged_items__tag__name"),
        {
            "community": Substr("path", 1, COMMUNITY_PATH_LENGTH),
            "collection": "depot_item__collection__slug",
            "tag": "tagged_items__tag__name",
        },
        "first_published_at",
    ),
    Kind(
        "depot",
        _depot_qs,
        ("title", "title_en", "inventory_number", "maker"),
        {
            "collection": "collection__slug",
            "decade": _start_decade("year_from"),
        },
        None,
    ),
    Kind(
        "community",
        _community_qs,
        ("title", "short_description"),
        {"community": "slug"},
        "first_published_at",
    ),
]


def _words(query: str) -> list[str]:
    return [w for w in re.split(r"\s+", query) if w][:10]


def _text_filter(kind: Kind, words) -> Q:
    condition = Q()
    for word in words:
        any_field = Q()
        for field in kind.text_fields:
            lookup = "iexact" if field.endswith("tag__name") else "icontains"
            any_field |= Q(**{f"{field}__{lookup}": word})
        condition &= any_field
    return condition


def _community_paths() -> dict[str, str]:
    from stories.models import CommunityPage

    return dict(CommunityPage.objects.values_list("path", "slug"))


def _facet_filter(kind: Kind, name: str, values: list[str], paths_by_slug) -> Q | None:
    """The filter for one facet on one kind; None when this kind cannot have that facet."""
    if name == "kind":
        return Q() if kind.name in values else None
    field = kind.facet_fields.get(name)
    if field is None:
        return None
    if name == "community" and not isinstance(field, str):
        condition = Q(pk__in=[])
        for value in values:
            if value in paths_by_slug:
                condition |= Q(path__startswith=paths_by_slug[value])
        return condition
    if name == "decade" and not isinstance(field, str):
        return _decade_q(kind, [int(v) for v in values])
    return Q(**{f"{field}__in": values})


def _decade_q(kind: Kind, decades: list[int]) -> Q:
    """Items whose start year falls in one of the decades (the same year the facet counts)."""
    condition = Q(pk__in=[])
    for decade in decades:
        if kind.name == "story":
            condition |= Q(period_start_year__gte=decade, period_start_year__lt=decade + 10) | Q(
                period_start_year__isnull=True, recorded_year_from__gte=decade, recorded_year_from__lt=decade + 10
            )
        else:
            condition |= Q(year_from__gte=decade, year_from__lt=decade + 10)
    return condition


def _filtered(kind: Kind, reader, words, facets: dict[str, list[str]], paths_by_slug, skip=None):
    """The kind's queryset with text and every facet except `skip` applied; None if excluded."""
    queryset = kind.queryset(reader)
    if words:
        queryset = queryset.filter(_text_filter(kind, words))
    for name, values in facets.items():
        if name == skip:
            continue
        condition = _facet_filter(kind, name, values, paths_by_slug)
        if condition is None:
            return None
        queryset = queryset.filter(condition)
    return queryset


def _score(kind: Kind, words):
    if not words:
        return Value(0, output_field=IntegerField())
    score = Value(0, output_field=IntegerField())
    for word in words:
        score = score + Case(When(title__icontains=word, then=Value(3)), default=Value(0), output_field=IntegerField())
    return score


def search(params: SearchParams, reader) -> SearchResults:
    words = _words(params.query)
    paths = _community_paths()
    paths_by_slug = {slug: path for path, slug in paths.items()}
    rows = []
    total = 0
    for kind in KINDS:
        queryset = _filtered(kind, reader, words, params.facets, paths_by_slug)
        if queryset is None:
            continue
        ids = queryset.values("pk").distinct()
        base = kind.queryset(reader).model.objects.filter(pk__in=ids)
        total += base.count()
        date = F(kind.date_field) if kind.date_field else Value(None, output_field=DateTimeField())
        rows.append(
            base.annotate(k=Value(kind.name, output_field=CharField()), score=_score(kind, words), date=date)
            .values_list("k", "pk", "score", "date")
            .order_by()
        )
    page_rows = []
    if rows:
        union = rows[0].union(*rows[1:], all=True) if len(rows) > 1 else rows[0]
        order = ("-date", "-score") if params.sort == "date" or not words else ("-score", "-date")
        page_rows = list(union.order_by(*order)[params.offset : params.offset + params.per_page])
    hits = add_community_titles(_hits(page_rows, words, paths))
    facets = _facets(params, reader, words, paths, paths_by_slug)
    return SearchResults(params=params, total=total, hits=hits, facets=facets, backend="database")


def _hits(rows, words, paths) -> list[Hit]:
    from depot.models import DepotItem
    from stories.models import CommunityPage, HeritageObjectPage, StoryPage

    models = {"story": StoryPage, "object": HeritageObjectPage, "depot": DepotItem, "community": CommunityPage}
    wanted: dict[str, list[int]] = {}
    for kind, pk, _score, _date in rows:
        wanted.setdefault(kind, []).append(pk)
    objects = {
        (kind, obj.pk): obj
        for kind, pks in wanted.items()
        for obj in models[kind].objects.filter(pk__in=pks)
    }
    depot_url = _depot_url()
    hits = []
    for kind, pk, _score, date in rows:
        obj = objects.get((kind, pk))
        if obj is None:
            continue
        if kind == "depot":
            title, summary = obj.title, " · ".join(filter(None, [obj.maker, obj.object_type, obj.date_text]))
            url, community = (f"{depot_url}{obj.url_key}/" if depot_url else ""), ""
        else:
            title, summary = obj.title, getattr(obj, "summary", "") or getattr(obj, "short_description", "")
            url = localised_url(_dutch_url(obj))
            community = obj.slug if kind == "community" else paths.get(obj.path[:COMMUNITY_PATH_LENGTH], "")
        hits.append(
            Hit(
                key=f"{kind}:{pk}",
                kind=kind,
                title=title,
                url=url,
                summary=summary,
                highlights=[h for h in (_mark(title, words), _mark(summary, words)) if h],
                community=community,
                published_at=date.isoformat() if date else None,
                image_url=getattr(obj, "image_url", "") or "",
            )
        )
    return hits


def _dutch_url(page) -> str:
    from django.utils.translation import override

    with override("nl"):
        return page.get_url() or ""


def _depot_url() -> str:
    from depot.models import DepotIndexPage

    page = DepotIndexPage.objects.live().first()
    return localised_url(_dutch_url(page)) if page else ""


def _mark(text: str, words) -> str:
    """Escaped text with the query's words wrapped in <mark>; '' when none occurs."""
    if not text or not words:
        return ""
    pattern = re.compile("(" + "|".join(re.escape(escape(w)) for w in words) + ")", re.IGNORECASE)
    escaped = escape(text[:300])
    marked, found = pattern.subn(r"<mark>\1</mark>", escaped)
    return mark_safe(marked) if found else ""


def _facets(params, reader, words, paths, paths_by_slug) -> dict[str, list[FacetValue]]:
    facets = {}
    for name in FACETS:
        counts: dict[str, int] = {}
        for kind in KINDS:
            if name == "kind":
                queryset = _filtered(kind, reader, words, params.facets, paths_by_slug, skip="kind")
                if queryset is not None:
                    n = queryset.values("pk").distinct().count()
                    if n:
                        counts[kind.name] = counts.get(kind.name, 0) + n
                continue
            field = kind.facet_fields.get(name)
            if field is None:
                continue
            queryset = _filtered(kind, reader, words, params.facets, paths_by_slug, skip=name)
            if queryset is None:
                continue
            grouped = (
                queryset.annotate(facet_value=field if not isinstance(field, str) else F(field))
                .exclude(facet_value__isnull=True)
                .values("facet_value")
                .annotate(n=Count("pk", distinct=True))
                .order_by()
            )
            for row in grouped:
                value = row["facet_value"]
                if name == "community" and kind.facet_fields[name] != "slug":
                    value = paths.get(value)
                if value in (None, ""):
                    continue
                counts[str(value)] = counts.get(str(value), 0) + row["n"]
        selected = params.selected(name)
        for value in selected:
            counts.setdefault(value, 0)
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
        labels = facet_labels(name, [v for v, _ in ordered])
        facets[name] = [
            FacetValue(value=v, label=labels.get(v, v), count=n, selected=v in selected) for v, n in ordered
        ]
    return facets


def autocomplete(prefix: str, reader, size: int = 8) -> list[dict]:
    from stories.models import HeritageObjectPage, StoryPage

    out = []
    for model, kind in ((StoryPage, "story"), (HeritageObjectPage, "object")):
        for page in model.objects.filter(readable_filter(reader), title__icontains=prefix).order_by("title")[:size]:
            out.append({"title": page.title, "kind": kind, "url": localised_url(_dutch_url(page))})
    return sorted(out, key=lambda s: (not s["title"].lower().startswith(prefix.lower()), s["title"]))[:size]


def related(page, reader, size: int = 4) -> list[Hit]:
    """Stories sharing tags with the page, most shared first (the engine uses more-like-this)."""
    from stories.models import StoryPage

    tag_ids = list(page.tagged_items.values_list("tag_id", flat=True))
    if not tag_ids:
        return []
    stories = (
        StoryPage.objects.filter(readable_filter(reader), tagged_items__tag_id__in=tag_ids)
        .exclude(pk=page.pk)
        .annotate(shared=Count("tagged_items", distinct=True))
        .order_by("-shared", "-first_published_at")[:size]
    )
    return [
        Hit(key=f"story:{s.pk}", kind="story", title=s.title, url=localised_url(_dutch_url(s)), summary=s.summary)
        for s in stories
    ]
