"""How stories, heritage objects and communities take part in the database search.

Search holds the method (``search.database``); this module knows the rows: which the
reader may read (``core.access``), where a story's words are (its fields, its tags, the
transcripts of its recording), which community a page belongs to (the community above
it in the page tree), and how a row reads as a hit. Registered with the document types
in ``stories/search_documents.py``. The same ``queryset(reader)`` checks every engine
answer (``search.hitcheck``), so the database search and the check cannot disagree.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Substr
from django.utils.html import escape

from core.access import readable_filter, readable_page_filter
from media.models import Segment
from media.speakers import speaker_names
from search.database import DatabaseKind, decade_filter, mark, page_url, start_decade
from search.results import Hit, add_transcript_moment, localised_url
from stories.models import CommunityPage, HeritageObjectPage, Language, StoryPage, TaggedPage

COMMUNITY_PATH_LENGTH = 16  # root/home/communities/community: four steps of four characters


def _community_paths(memo: dict) -> dict[str, str]:
    """Community page path -> slug, once per search."""
    if "community_paths" not in memo:
        memo["community_paths"] = dict(CommunityPage.objects.values_list("path", "slug"))
    return memo["community_paths"]


def _tagged_with(word: str):
    """Pages with a tag named the word (a subquery, not a join: a join repeats each page
    once per tag, which multiplied the rows every text scan read and needed DISTINCT)."""
    return TaggedPage.objects.filter(tag__name__iexact=word).values("content_object_id")


def _spoken(word: str):
    """Recordings whose transcripts say the word (a subquery, like tags: no row per segment)."""
    return Segment.objects.filter(text__icontains=word).values("transcript__media_id")


class _PageKind(DatabaseKind):
    """Stories and objects: pages below a community, tagged, published with a date."""

    date_field = "first_published_at"
    suggests = True

    def queryset(self, reader) -> QuerySet:
        return self.model.objects.filter(readable_filter(reader))

    def word_filter(self, word: str, memo: dict) -> Q:
        return super().word_filter(word, memo) | Q(pk__in=_tagged_with(word))

    def facet_filter(self, name: str, values: list[str], memo: dict) -> Q | None:
        if name == "community":
            by_slug = {slug: path for path, slug in _community_paths(memo).items()}
            condition = Q(pk__in=[])
            for value in values:
                if value in by_slug:
                    condition |= Q(path__startswith=by_slug[value])
            return condition
        return super().facet_filter(name, values, memo)

    def facet_value(self, name: str, raw, memo: dict) -> str | None:
        if name == "community":
            return _community_paths(memo).get(raw)
        return super().facet_value(name, raw, memo)

    def hits(self, rows: list, words: list[str], memo: dict) -> dict[int, Hit]:
        paths = _community_paths(memo)
        return {
            row.pk: Hit(
                key=f"{self.name}:{row.pk}",
                kind=self.name,
                title=row.title,
                url=localised_url(page_url(row.url_path, memo)),
                summary=row.summary or "",
                highlights=[h for h in (mark(row.title, words), mark(row.summary, words)) if h],
                community=paths.get(row.path[:COMMUNITY_PATH_LENGTH], ""),
                image_url=getattr(row, "image_url", "") or "",
            )
            for row in rows
        }

    def suggestion(self, row, memo: dict) -> dict:
        return {"title": row.title, "kind": self.name, "url": localised_url(page_url(row.url_path, memo))}

    def related(self, page, reader, size: int) -> list[Hit]:
        """Stories sharing tags with the page, most shared first."""
        tag_ids = list(page.tagged_items.values_list("tag_id", flat=True))
        if not tag_ids:
            return []
        stories = (
            StoryPage.objects.filter(readable_filter(reader), tagged_items__tag_id__in=tag_ids)
            .exclude(pk=page.pk)
            .annotate(shared=Count("tagged_items", distinct=True))
            .order_by("-shared", "-first_published_at")[:size]
        )
        memo: dict = {}
        return [
            Hit(
                key=f"story:{s.pk}",
                kind="story",
                title=s.title,
                url=localised_url(page_url(s.url_path, memo)),
                summary=s.summary,
            )
            for s in stories
        ]


class StoryKind(_PageKind):
    name = "story"
    model = StoryPage
    text_fields = ("title", "summary", "pull_quote")
    facet_fields = {
        "community": Substr("path", 1, COMMUNITY_PATH_LENGTH),
        "collection": "depot_links__depot_item__collection__slug",
        "tag": "tagged_items__tag__name",
        "place": "places__name",
        "language": "languages__code",
        "media": Coalesce("main_media__type", Value("text")),
        "decade": start_decade("period_start_year", "recorded_year_from"),
    }

    def word_filter(self, word: str, memo: dict) -> Q:
        return super().word_filter(word, memo) | Q(main_media_id__in=_spoken(word))

    def facet_filter(self, name: str, values: list[str], memo: dict) -> Q | None:
        if name == "decade":  # the period's start, else the year it was recorded
            decades = [int(v) for v in values]
            return decade_filter(decades, "period_start_year") | (
                Q(period_start_year__isnull=True) & decade_filter(decades, "recorded_year_from")
            )
        return super().facet_filter(name, values, memo)

    def hits(self, rows: list, words: list[str], memo: dict) -> dict[int, Hit]:
        hits = super().hits(rows, words, memo)
        _add_moments(hits, {row.pk: row.main_media_id for row in rows if row.main_media_id}, words)
        return hits


class ObjectKind(_PageKind):
    name = "object"
    model = HeritageObjectPage
    text_fields = ("title", "summary")
    facet_fields = {
        "community": Substr("path", 1, COMMUNITY_PATH_LENGTH),
        "collection": "depot_item__collection__slug",
        "tag": "tagged_items__tag__name",
    }


class CommunityKind(DatabaseKind):
    name = "community"
    model = CommunityPage
    text_fields = ("title", "short_description")
    facet_fields = {"community": "slug"}
    date_field = "first_published_at"

    def queryset(self, reader) -> QuerySet:
        return CommunityPage.objects.filter(readable_page_filter(reader))

    def hits(self, rows: list, words: list[str], memo: dict) -> dict[int, Hit]:
        return {
            row.pk: Hit(
                key=f"community:{row.pk}",
                kind="community",
                title=row.title,
                url=localised_url(page_url(row.url_path, memo)),
                summary=row.short_description or "",
                highlights=[h for h in (mark(row.title, words), mark(row.short_description, words)) if h],
                community=row.slug,
                image_url=getattr(row, "image_url", "") or "",
            )
            for row in rows
        }


def _add_moments(hits: dict[int, Hit], media_by_story: dict[int, int], words) -> None:
    """Link story hits to the moment of the recording where the words are said.

    One query per story on the page that has a recording (a page holds at most
    ``per_page`` hits); the first sentence holding every word wins, else the first
    holding the first word.
    """
    if not words:
        return
    found = []
    for story_id, media_id in media_by_story.items():
        segments = Segment.objects.filter(transcript__media_id=media_id).order_by("start_ms", "pk")
        every = Q()
        for word in words:
            every &= Q(text__icontains=word)
        row = (
            segments.filter(every).values_list("start_ms", "speaker", "text").first()
            or segments.filter(text__icontains=words[0]).values_list("start_ms", "speaker", "text").first()
        )
        if row:
            found.append((hits[story_id], row))
    names = speaker_names({speaker for _hit, (_start, speaker, _text) in found})
    for hit, (start_ms, speaker, text) in found:
        add_transcript_moment(hit, start_ms, mark(text, words) or escape(text[:300]), names.shown(speaker))


def community_labels(slugs: list[str]) -> dict[str, str]:
    return dict(CommunityPage.objects.filter(slug__in=slugs).values_list("slug", "title"))


def language_labels(codes: list[str]) -> dict[str, str]:
    return {lang.code: lang.name for lang in Language.objects.filter(code__in=codes)}
