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

Search holds the method; each content app says how its rows take part, in a
``DatabaseKind`` it registers with its document type (``stories/search_database.py``,
``depot/search_database.py``). This module imports no content app.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Case, Count, DateTimeField, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from search import registry
from search.labels import facet_labels
from search.params import FACETS, SearchParams
from search.results import FacetValue, Hit, SearchResults, add_community_titles

# Facet counts are exact up to this many matches; beyond, they count the best this many
# (and the page says so). Counting every match of a common word cost seconds per facet.
FACET_SAMPLE = 2_000
FACETS_SAMPLED = _(
    "Search is answering from the database: the counts beside the filters are taken from the best %(n)s results."
)


class DatabaseKind:
    """How one document type takes part in the database search; its app subclasses this.

    Search holds the method (every word somewhere, title matches first, multi-select
    facet counts, the merge over kinds); the kind knows its rows: which the reader may
    read, where its words and facet values are, and how a row reads as a hit. ``memo``
    is one dict per search, for what a kind would otherwise look up once per kind and
    facet (the communities' paths, the site's root).
    """

    name: str = ""
    model = None
    text_fields: tuple[str, ...] = ("title",)
    facet_fields: dict[str, object] = {}  # facet name -> field path or expression
    date_field: str | None = None
    suggests = False  # offered by autocomplete

    def queryset(self, reader) -> QuerySet:
        """The rows of this kind the reader may read now (also the engine's hit check)."""
        raise NotImplementedError

    def word_filter(self, word: str, memo: dict) -> Q:
        """Rows holding the word (case-insensitively) in one of the text fields."""
        condition = Q()
        for text_field in self.text_fields:
            condition |= Q(**{f"{text_field}__icontains": word})
        return condition

    def facet_filter(self, name: str, values: list[str], memo: dict) -> Q | None:
        """The filter for one facet; None when this kind cannot have that facet."""
        field = self.facet_fields.get(name)
        if not isinstance(field, str):
            return None
        return Q(**{f"{field}__in": values})

    def facet_value(self, name: str, raw, memo: dict) -> str | None:
        """The facet value a grouped row stands for (a community's path -> its slug)."""
        return None if raw in (None, "") else str(raw)

    def hits(self, rows: list, words: list[str], memo: dict) -> dict[int, Hit]:
        """Hits for these rows (one page), by primary key."""
        raise NotImplementedError

    def suggestion(self, row, memo: dict) -> dict:
        raise NotImplementedError

    def related(self, page, reader, size: int) -> list[Hit]:
        """Pages like this one, when the engine cannot say; none by default."""
        return []


def page_url(url_path: str, memo: dict) -> str:
    """The Dutch URL of a page from its url_path, as the index stores it (single site)."""
    if "site_root" not in memo:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        memo["site_root"] = site.root_page.url_path if site else "/"
    root = memo["site_root"]
    return "/" + url_path[len(root) :] if url_path and url_path.startswith(root) else ""


def start_decade(*fields):
    """The decade a row starts in, for the decade facet (the first field that is set)."""
    year = Coalesce(*fields) if len(fields) > 1 else F(fields[0])
    return Cast(year / 10, IntegerField()) * 10


def decade_filter(decades: list[int], year_field: str) -> Q:
    """Rows whose start year falls in one of the decades."""
    condition = Q(pk__in=[])
    for decade in decades:
        condition |= Q(**{f"{year_field}__gte": decade, f"{year_field}__lt": decade + 10})
    return condition


def _words(query: str) -> list[str]:
    return [w for w in re.split(r"\s+", query) if w][:10]


def _kinds() -> list[DatabaseKind]:
    return registry.database_kinds()


def _facet_filter(kind: DatabaseKind, name: str, values: list[str], memo: dict) -> Q | None:
    if name == "kind":
        return Q() if kind.name in values else None
    return kind.facet_filter(name, values, memo)


def _filtered(kind: DatabaseKind, reader, words, facets: dict[str, list[str]], memo: dict, skip=None):
    """The kind's queryset with text and every facet except `skip` applied; None if excluded."""
    queryset = kind.queryset(reader)
    if words:
        every_word = Q()
        for word in words:
            every_word &= kind.word_filter(word, memo)
        queryset = queryset.filter(every_word)
    for name, values in facets.items():
        if name == skip:
            continue
        condition = _facet_filter(kind, name, values, memo)
        if condition is None:
            return None
        queryset = queryset.filter(condition)
    return queryset


def _score(words):
    """Title matches first: three points per word in the title."""
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


def _ranked(reader, words, facets, memo, by_date: bool, limit: int, skip=None) -> Ranked:
    """Count every kind's matches and fetch its best `limit`, ordered by the database.

    The kind facet is not applied here (its counts need every kind). A count and one
    ordered, limited query per kind: the database keeps only the best rows while it
    scans, so a word found in 100,000 stories costs two scans, not 100,000 rows in Python.
    """
    facets = {name: values for name, values in facets.items() if name != "kind"}
    counts, rows = {}, []
    for kind in _kinds():
        queryset = _filtered(kind, reader, words, facets, memo, skip=skip)
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
            for pk, score, when in queryset.annotate(score=_score(words), date=date)
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
    memo: dict = {}
    by_date = params.sort == "date" or not words
    limit = max(FACET_SAMPLE, params.offset + params.per_page)
    ranked = _ranked(reader, words, params.facets, memo, by_date, limit)
    matching = ranked.of_kinds(params.facets.get("kind"))
    page_rows = matching.rows[params.offset : params.offset + params.per_page]
    hits = add_community_titles(_hits(page_rows, words, memo))
    candidates = {None: ranked}
    for name in params.facets:
        if name != "kind":  # a facet's counts ignore its own selection (multi-select)
            candidates[name] = _ranked(reader, words, params.facets, memo, by_date, FACET_SAMPLE, skip=name)
    facets, sampled = _facets(params, candidates, memo)
    results = SearchResults(params=params, total=matching.total, hits=hits, facets=facets, backend="database")
    if sampled:
        results.notice = FACETS_SAMPLED % {"n": f"{FACET_SAMPLE:,}"}
    return results


def _hits(rows, words, memo) -> list[Hit]:
    """The page's hits in rank order: each kind builds its own, from one query per kind."""
    kinds = {kind.name: kind for kind in _kinds()}
    wanted: dict[str, list[int]] = {}
    for kind, pk, _score, _date in rows:
        wanted.setdefault(kind, []).append(pk)
    built = {}
    for kind_name, pks in wanted.items():
        kind = kinds[kind_name]
        for pk, hit in kind.hits(list(kind.model.objects.filter(pk__in=pks)), words, memo).items():
            built[(kind_name, pk)] = hit
    hits = []
    for kind, pk, _score, date in rows:
        hit = built.get((kind, pk))
        if hit is not None:
            hit.published_at = date.isoformat() if date else None
            hits.append(hit)
    return hits


def mark(text: str, words) -> str:
    """Escaped text with the query's words wrapped in <mark>; '' when none occurs."""
    if not text or not words:
        return ""
    pattern = re.compile("(" + "|".join(re.escape(escape(w)) for w in words) + ")", re.IGNORECASE)
    escaped = escape(text[:300])
    marked, found = pattern.subn(r"<mark>\1</mark>", escaped)
    return mark_safe(marked) if found else ""


def _facets(params, candidates, memo) -> tuple[dict[str, list[FacetValue]], bool]:
    """Facet counts over the matching items; over the best FACET_SAMPLE of them when there are more.

    Returns the facets and whether any count was taken from a sample.
    """
    kinds = {kind.name: kind for kind in _kinds()}
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
                _count_values(kinds[kind_name], name, ids, memo, counts)
        selected = params.selected(name)
        for value in selected:
            counts.setdefault(value, 0)
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
        labels = facet_labels(name, [v for v, _ in ordered])
        facets[name] = [
            FacetValue(value=v, label=labels.get(v, v), count=n, selected=v in selected) for v, n in ordered
        ]
    return facets, sampled


def _count_values(kind: DatabaseKind, name: str, ids: list[int], memo, counts: dict[str, int]) -> None:
    """Add the kind's values of facet `name` over these items to counts (one grouped query)."""
    field = kind.facet_fields.get(name)
    if field is None:
        return
    grouped = (
        kind.model.objects.filter(pk__in=ids)
        .annotate(facet_value=field if not isinstance(field, str) else F(field))
        .exclude(facet_value__isnull=True)
        .values("facet_value")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    for row in grouped:
        value = kind.facet_value(name, row["facet_value"], memo)
        if value in (None, ""):
            continue
        counts[value] = counts.get(value, 0) + row["n"]


def autocomplete(prefix: str, reader, size: int = 8) -> list[dict]:
    out = []
    memo: dict = {}
    for kind in _kinds():
        if kind.suggests:
            for row in kind.queryset(reader).filter(title__icontains=prefix).order_by("title")[:size]:
                out.append(kind.suggestion(row, memo))
    return sorted(out, key=lambda s: (not s["title"].lower().startswith(prefix.lower()), s["title"]))[:size]


def related(page, reader, size: int = 4) -> list[Hit]:
    """Pages like this one, as the page's kind finds them in the database (the engine uses more-like-this)."""
    document_type = registry.type_of(page)
    if document_type is None or document_type.database is None:
        return []
    return document_type.database.related(page, reader, size)
