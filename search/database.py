"""The database fallback: the same search, the same facet names and result shape, from SQL.

Used when no engine is configured, or when the engine does not answer. It matches
every word of the query (case-insensitively) in titles, summaries, tags and inventory
numbers, ranks title matches first, and counts facets with the same multi-select
rule as the engine: a facet's counts ignore that facet's own selection.

Known differences from the engine: no stemming ("verhalen" does not find
"verhaal"), no body-text search, the community facet counts home communities only,
and the decade facet counts the decade a story starts in. Transcripts of a story's
recording are searched (each word somewhere in them, not necessarily in one
sentence); the moment a hit links to is the first sentence holding every word, else
the first holding one of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Case, Count, DateTimeField, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, Substr
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.access import readable_filter, readable_page_filter
from search.labels import facet_labels
from search.params import FACETS, SearchParams
from search.results import FacetValue, Hit, SearchResults, add_community_titles, add_transcript_moment, localised_url

COMMUNITY_PATH_LENGTH = 16  # root/home/communities/community: four steps of four characters
TRANSCRIPT = "transcript"  # a story's text field standing for its recording's transcripts
# Facet counts are exact up to this many matches; beyond, they count the best this many
# (and the page says so). Counting every match of a common word cost seconds per facet.
FACET_SAMPLE = 2_000
FACETS_SAMPLED = _(
    "Search is answering from the database: the counts beside the filters are taken from the best %(n)s results."
)


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

    return CommunityPage.objects.filter(readable_page_filter(reader))


def _start_decade(*fields):
    year = Coalesce(*fields) if len(fields) > 1 else F(fields[0])
    return Cast(year / 10, IntegerField()) * 10


KINDS = [
    Kind(
        "story",
        _story_qs,
        ("title", "summary", "pull_quote", "tagged_items__tag__name", TRANSCRIPT),
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
    """Every word occurs in one of the kind's text fields (tags: the whole tag name).

    Tags are matched through a subquery, not a join: a join repeats each story once per
    tag, which multiplied the rows every text scan had to read (and needed DISTINCT).
    """
    condition = Q()
    for word in words:
        any_field = Q()
        for field in kind.text_fields:
            if field == "tagged_items__tag__name":
                any_field |= Q(pk__in=_tagged_with(kind, word))
            elif field == TRANSCRIPT:
                any_field |= Q(main_media_id__in=_spoken(word))
            else:
                any_field |= Q(**{f"{field}__icontains": word})
        condition &= any_field
    return condition


def _spoken(word: str):
    """Recordings whose transcripts say the word (a subquery, like tags: no row per segment)."""
    from media.models import Segment

    return Segment.objects.filter(text__icontains=word).values("transcript__media_id")


def _add_moments(hits: list[Hit], objects: dict, words) -> None:
    """Link story hits to the moment of the recording where the words are said.

    One query per story on the page that has a recording (a page holds at most
    ``per_page`` hits); the first sentence holding every word wins, else the first
    holding the first word.
    """
    from media.models import Segment
    from media.speakers import speaker_names

    if not words:
        return
    found = []
    for hit in hits:
        obj = objects.get((hit.kind, int(hit.key.split(":")[1])))
        media_id = getattr(obj, "main_media_id", None) if hit.kind == "story" else None
        if not media_id:
            continue
        segments = Segment.objects.filter(transcript__media_id=media_id).order_by("start_ms", "pk")
        every = Q()
        for word in words:
            every &= Q(text__icontains=word)
        row = (
            segments.filter(every).values_list("start_ms", "speaker", "text").first()
            or segments.filter(text__icontains=words[0]).values_list("start_ms", "speaker", "text").first()
        )
        if row:
            found.append((hit, row))
    names = speaker_names({speaker for _hit, (_start, speaker, _text) in found})
    for hit, (start_ms, speaker, text) in found:
        add_transcript_moment(hit, start_ms, _mark(text, words) or escape(text[:300]), names.shown(speaker))


def _tagged_with(kind: Kind, word: str):
    from stories.models import TaggedPage

    return TaggedPage.objects.filter(tag__name__iexact=word).values("content_object_id")


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


@dataclass
class Ranked:
    """The matches of a search: how many of each kind, and the best `limit` of each, best first."""

    counts: dict[str, int]
    rows: list[tuple]  # (kind, pk, score, date), merged over kinds and sorted

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def of_kinds(self, kinds) -> Ranked:
        if not kinds:
            return self
        return Ranked(
            counts={k: n for k, n in self.counts.items() if k in kinds},
            rows=[row for row in self.rows if row[0] in kinds],
        )


def _ranked(reader, words, facets, paths_by_slug, by_date: bool, limit: int, skip=None) -> Ranked:
    """Count every kind's matches and fetch its best `limit`, ordered by the database.

    The kind facet is not applied here (its counts need every kind). A count and one
    ordered, limited query per kind: the database keeps only the best rows while it
    scans, so a word found in 100,000 stories costs two scans, not 100,000 rows in Python.
    """
    facets = {name: values for name, values in facets.items() if name != "kind"}
    counts, rows = {}, []
    for kind in KINDS:
        queryset = _filtered(kind, reader, words, facets, paths_by_slug, skip=skip)
        if queryset is None:
            continue
        if facets:  # facet filters join to-many tables: come back to one row per item
            queryset = queryset.model.objects.filter(pk__in=queryset.values("pk"))
        counts[kind.name] = queryset.count()
        if not counts[kind.name]:
            continue
        date = F(kind.date_field) if kind.date_field else Value(None, output_field=DateTimeField())
        newest = date.desc(nulls_last=True)
        order = (newest, "-score", "-pk") if by_date else ("-score", newest, "-pk")
        rows.extend(
            (kind.name, pk, score, when)
            for pk, score, when in queryset.annotate(score=_score(kind, words), date=date)
            .values_list("pk", "score", "date")
            .order_by(*order)[:limit]
        )
    return Ranked(counts=counts, rows=_sort(rows, by_date))


def _sort(rows: list[tuple], by_date: bool) -> list[tuple]:
    """Merge kinds: by score then newest, or newest then score; undated items last, as on the engine."""

    def key(row):
        _kind, pk, score, when = row
        stamp = when.timestamp() if when else float("-inf")
        return (-stamp, -score, -pk) if by_date else (-score, -stamp, -pk)

    return sorted(rows, key=key)


def search(params: SearchParams, reader) -> SearchResults:
    words = _words(params.query)
    paths = _community_paths()
    paths_by_slug = {slug: path for path, slug in paths.items()}
    by_date = params.sort == "date" or not words
    limit = max(FACET_SAMPLE, params.offset + params.per_page)
    ranked = _ranked(reader, words, params.facets, paths_by_slug, by_date, limit)
    matching = ranked.of_kinds(params.facets.get("kind"))
    page_rows = matching.rows[params.offset : params.offset + params.per_page]
    hits = add_community_titles(_hits(page_rows, words, paths))
    candidates = {None: ranked}
    for name in params.facets:
        if name != "kind":  # a facet's counts ignore its own selection (multi-select)
            candidates[name] = _ranked(reader, words, params.facets, paths_by_slug, by_date, FACET_SAMPLE, skip=name)
    facets, sampled = _facets(params, candidates, paths)
    results = SearchResults(params=params, total=matching.total, hits=hits, facets=facets, backend="database")
    if sampled:
        results.notice = FACETS_SAMPLED % {"n": f"{FACET_SAMPLE:,}"}
    return results


def _model(kind_name: str):
    from depot.models import DepotItem
    from stories.models import CommunityPage, HeritageObjectPage, StoryPage

    return {"story": StoryPage, "object": HeritageObjectPage, "depot": DepotItem, "community": CommunityPage}[kind_name]


def _hits(rows, words, paths) -> list[Hit]:
    from depot.models import DepotItem
    from stories.models import CommunityPage, HeritageObjectPage, StoryPage

    models = {"story": StoryPage, "object": HeritageObjectPage, "depot": DepotItem, "community": CommunityPage}
    wanted: dict[str, list[int]] = {}
    for kind, pk, _score, _date in rows:
        wanted.setdefault(kind, []).append(pk)
    objects = {(kind, obj.pk): obj for kind, pks in wanted.items() for obj in models[kind].objects.filter(pk__in=pks)}
    page_url = _page_url_maker()
    depot_url = _depot_url(page_url)
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
            url = localised_url(page_url(obj.url_path))
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
    _add_moments(hits, objects, words)
    return hits


def _page_url_maker():
    """Dutch page URLs from url_path, as the index stores them (single site, like stories.search_documents)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page.url_path if site else "/"
    return lambda url_path: "/" + url_path[len(root) :] if url_path.startswith(root) else ""


def _depot_url(page_url) -> str:
    from depot.models import DepotIndexPage

    url_path = DepotIndexPage.objects.live().values_list("url_path", flat=True).first()
    return localised_url(page_url(url_path)) if url_path else ""


def _mark(text: str, words) -> str:
    """Escaped text with the query's words wrapped in <mark>; '' when none occurs."""
    if not text or not words:
        return ""
    pattern = re.compile("(" + "|".join(re.escape(escape(w)) for w in words) + ")", re.IGNORECASE)
    escaped = escape(text[:300])
    marked, found = pattern.subn(r"<mark>\1</mark>", escaped)
    return mark_safe(marked) if found else ""


def _facets(params, candidates, paths) -> tuple[dict[str, list[FacetValue]], bool]:
    """Facet counts over the matching items; over the best FACET_SAMPLE of them when there are more.

    Returns the facets and whether any count was taken from a sample.
    """
    kinds = {kind.name: kind for kind in KINDS}
    sampled = False
    facets = {}
    for name in FACETS:
        counts: dict[str, int] = {}
        if name == "kind":
            counts = {k: n for k, n in candidates[None].counts.items() if n}
        else:
            matches = candidates.get(name, candidates[None]).of_kinds(params.facets.get("kind"))
            sampled |= matches.total > FACET_SAMPLE
            ids_by_kind: dict[str, list[int]] = {}
            for kind_name, pk, _score, _date in matches.rows[:FACET_SAMPLE]:
                ids_by_kind.setdefault(kind_name, []).append(pk)
            for kind_name, ids in ids_by_kind.items():
                _count_values(kinds[kind_name], name, ids, paths, counts)
        selected = params.selected(name)
        for value in selected:
            counts.setdefault(value, 0)
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
        labels = facet_labels(name, [v for v, _ in ordered])
        facets[name] = [
            FacetValue(value=v, label=labels.get(v, v), count=n, selected=v in selected) for v, n in ordered
        ]
    return facets, sampled


def _count_values(kind: Kind, name: str, ids: list[int], paths, counts: dict[str, int]) -> None:
    """Add the kind's values of facet `name` over these items to counts (one grouped query)."""
    field = kind.facet_fields.get(name)
    if field is None:
        return
    model = _model(kind.name)
    grouped = (
        model.objects.filter(pk__in=ids)
        .annotate(facet_value=field if not isinstance(field, str) else F(field))
        .exclude(facet_value__isnull=True)
        .values("facet_value")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    for row in grouped:
        value = row["facet_value"]
        if name == "community" and field != "slug":
            value = paths.get(value)
        if value in (None, ""):
            continue
        counts[str(value)] = counts.get(str(value), 0) + row["n"]


def autocomplete(prefix: str, reader, size: int = 8) -> list[dict]:
    from stories.models import HeritageObjectPage, StoryPage

    out = []
    page_url = _page_url_maker()
    for model, kind in ((StoryPage, "story"), (HeritageObjectPage, "object")):
        for page in model.objects.filter(readable_filter(reader), title__icontains=prefix).order_by("title")[:size]:
            out.append({"title": page.title, "kind": kind, "url": localised_url(page_url(page.url_path))})
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
    page_url = _page_url_maker()
    return [
        Hit(
            key=f"story:{s.pk}", kind="story", title=s.title, url=localised_url(page_url(s.url_path)), summary=s.summary
        )
        for s in stories
    ]
