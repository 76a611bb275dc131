"""From the database to index documents: which rows belong in the public index, and what they say.

Each kind has a key prefix ("story", "object", "depot", "community"); a key such as
"story:12" names one document. ``document_for(key)`` answers None when the row is
gone or must not be indexed (a draft, a withdrawn record): the document is then
deleted from the index. ``iter_documents()`` streams every document for a rebuild
with a fixed number of queries per chunk.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, TextField
from django.db.models.functions import Cast
from django.utils.html import strip_tags
from django.utils.translation import override
from wagtail.models import Page

from search.documents import body_fields

KINDS = ("story", "object", "depot", "community")
CHUNK = 500


def key_for(instance) -> str | None:
    """The index key of a model instance, or None when its model is not indexed."""
    from depot.models import DepotItem
    from stories.models import CommunityPage, HeritageObjectPage, StoryPage

    for model, kind in (
        (StoryPage, "story"),
        (HeritageObjectPage, "object"),
        (DepotItem, "depot"),
        (CommunityPage, "community"),
    ):
        if isinstance(instance, model):
            return f"{kind}:{instance.pk}"
    return None


def decades_between(start: int | None, end: int | None) -> list[int]:
    if start is None and end is None:
        return []
    start = start if start is not None else end
    end = end if end is not None else start
    if end < start or end - start > 300:
        return [start - start % 10]
    return list(range(start - start % 10, end - end % 10 + 10, 10))


def _text(value) -> str:
    return " ".join(strip_tags(str(value or "")).split())


def _dutch_url(page) -> str:
    """Pages are indexed with their Dutch (unprefixed) URL; the view adds /en/ for English."""
    with override("nl"):
        return page.get_url() or ""


def _location(place):
    if place.latitude is None or place.longitude is None:
        return None
    return {"lat": float(place.latitude), "lon": float(place.longitude)}


class _Communities:
    """Community ids, slugs and paths, loaded once per batch instead of once per page."""

    def __init__(self):
        from stories.models import CommunityPage

        self.by_path = {c.path: c for c in CommunityPage.objects.live().only("pk", "path", "slug", "title")}
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        self.root_url_path = site.root_page.url_path if site else "/"
        from core.access import view_restrictions

        self.restrictions = view_restrictions()

    def restrictions_on(self, path: str) -> list[str]:
        """Ids of the view restrictions on a page or its ancestors, for the document."""
        from core.access import restrictions_on

        return [str(r.pk) for r in restrictions_on(path, self.restrictions)]

    def url(self, url_path: str) -> str:
        """A page's Dutch URL from its url_path (single-site; the same as page.get_url())."""
        if not url_path.startswith(self.root_url_path):
            return ""
        return "/" + url_path[len(self.root_url_path) :]

    def home(self, page):
        return self.by_path.get(page.path[: -page.steplen])


_TAG = re.compile(r"<[^>]+>")
_SKIP_KEYS = {"start", "end", "id", "type"}


def _stream_text(raw) -> str:
    """The words of a StreamField's stored JSON (paragraph HTML, quotes, captions), tags removed."""
    parts: list[str] = []

    def walk(value):
        if isinstance(value, str):
            parts.append(html.unescape(_TAG.sub(" ", value)) if "<" in value or "&" in value else value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in _SKIP_KEYS:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for block in raw or []:
        walk(block.get("value"))
    return " ".join(" ".join(parts).split())


def _grouped(rows) -> dict:
    out: dict = {}
    for key, *rest in rows:
        out.setdefault(key, []).append(rest[0] if len(rest) == 1 else tuple(rest))
    return out


def story_documents(ids, communities: _Communities) -> list[tuple[str, dict | None]]:
    """Documents for these story ids, read as rows: a fixed number of queries per batch.

    Rebuilds spend their time here, so no model instances are made: the ORM's
    per-instance cost (managers, querysets for every related .all()) was most of it.
    """
    from stories.models import Person, StoryDepotLink, StoryNarrator, StoryPage, TaggedPage

    ids = list(ids)
    rows = {
        row["pk"]: row
        for row in StoryPage.objects.live()
        .filter(pk__in=ids)
        .annotate(body_json=Cast("body", TextField()))
        .values(
            "pk",
            "path",
            "url_path",
            "title",
            "summary",
            "pull_quote",
            "access_level",
            "embargo_until",
            "first_published_at",
            "period_start_year",
            "period_end_year",
            "recorded_year_from",
            "recorded_year_to",
            "main_media_id",
            "main_media__type",
            "interviewer__full_name",
            "interviewer__pseudonym",
            "interviewer__name_display",
            "body_json",
            "text_language",
        )
    }
    narrators = _grouped(
        StoryNarrator.objects.filter(story_id__in=ids)
        .order_by("sort_order")
        .values_list("story_id", "person__full_name", "person__pseudonym", "person__name_display")
    )
    tags = _grouped(TaggedPage.objects.filter(content_object_id__in=ids).values_list("content_object_id", "tag__name"))
    places = _grouped(
        StoryPage.places.through.objects.filter(storypage_id__in=ids).values_list(
            "storypage_id", "place__name", "place__latitude", "place__longitude"
        )
    )
    languages = _grouped(
        StoryPage.languages.through.objects.filter(storypage_id__in=ids).values_list("storypage_id", "language__code")
    )
    linked = _grouped(
        StoryPage.related_communities.through.objects.filter(
            storypage_id__in=ids, communitypage__live=True
        ).values_list("storypage_id", "communitypage__slug")
    )
    links = _grouped(
        StoryDepotLink.objects.filter(story_id__in=ids, depot_item__withdrawn=False).values_list(
            "story_id", "depot_item__inventory_number", "depot_item__collection__slug"
        )
    )
    bodies = {pk: _parsed_body(row["body_json"]) for pk, row in rows.items()}
    clips = {pk: clip_blocks(body) for pk, body in bodies.items()}
    transcripts = transcript_segments(
        {row["main_media_id"] for row in rows.values() if row["main_media_id"]}
        | {clip.media_id for story_clips in clips.values() for clip in story_clips}
    )
    out = []
    for pk in ids:
        row = rows.get(pk)
        home = communities.by_path.get(row["path"][: -Page.steplen]) if row else None
        if row is None or home is None:
            out.append((f"story:{pk}", None))
            continue
        people = list(narrators.get(pk, []))
        if row["interviewer__full_name"] is not None:
            people.append(
                (row["interviewer__full_name"], row["interviewer__pseudonym"], row["interviewer__name_display"])
            )
        story_places = places.get(pk, [])
        story_links = links.get(pk, [])
        story_tags = tags.get(pk, [])
        raw_body = bodies[pk]
        media_types = [row["main_media__type"]] if row["main_media__type"] else []
        if any(block.get("type") == "image" for block in raw_body):
            media_types.append("image")
        year_from = row["period_start_year"] or row["recorded_year_from"]
        year_to = row["period_end_year"] or row["recorded_year_to"]
        out.append(
            (
                f"story:{pk}",
                {
                    "kind": "story",
                    "title": row["title"],
                    "summary": " ".join(filter(None, [row["summary"], row["pull_quote"]])),
                    **body_fields(_stream_text(raw_body), row["text_language"]),
                    "people": [Person.name_for_public(*p) for p in people if p[2] != "anonymous"],
                    "tags": story_tags,
                    "tags_text": story_tags,
                    "places": [p[0] for p in story_places],
                    "places_text": [p[0] for p in story_places],
                    "location": [
                        {"lat": float(lat), "lon": float(lon)}
                        for _, lat, lon in story_places
                        if lat is not None and lon is not None
                    ],
                    "communities": [home.slug] + linked.get(pk, []),
                    "home_community": str(home.pk),
                    "depot_collections": sorted({slug for _, slug in story_links if slug}),
                    "inventory_numbers": [number for number, _ in story_links],
                    "languages": languages.get(pk, []),
                    "media_type": media_types or ["text"],
                    "decades": decades_between(year_from, year_to),
                    "year_from": year_from,
                    "year_to": year_to,
                    "access_level": row["access_level"],
                    "embargo_until": row["embargo_until"],
                    "view_restrictions": communities.restrictions_on(row["path"]),
                    "published_at": row["first_published_at"],
                    "url": communities.url(row["url_path"]),
                    "transcript": story_transcript(row["main_media_id"], clips[pk], transcripts),
                },
            )
        )
    return out


def _parsed_body(body_json):
    body = json.loads(body_json) if body_json else []
    if isinstance(body, str):  # stored as a JSON string of the JSON list
        body = json.loads(body)
    return body


@dataclass(frozen=True)
class Clip:
    """A media clip block of a story's body: which recording, which part, which player."""

    media_id: int
    start_ms: int
    end_ms: int | None
    anchor: str  # the id of the clip's player on the page (stories/blocks/media_clip.html)


def clip_blocks(body) -> list[Clip]:
    """The clip blocks of a raw StreamField body; clips with unreadable times are skipped."""
    from core.timecodes import parse_clip_time

    clips = []
    for block in body:
        if not isinstance(block, dict) or block.get("type") != "media_clip":
            continue
        value = block.get("value")
        if not isinstance(value, dict) or not value.get("recording"):
            continue
        try:
            start = parse_clip_time(str(value.get("start") or "")) or 0.0
            end = parse_clip_time(str(value.get("end") or ""))
            media_id = int(value["recording"])
        except (TypeError, ValueError):
            continue
        clips.append(
            Clip(
                media_id,
                round(start * 1000),
                None if end is None else round(end * 1000),
                f"clip-{block.get('id', '')}-player",
            )
        )
    return clips


def story_transcript(main_media_id, clips: list[Clip], transcripts: dict[int, list[dict]]) -> list[dict]:
    """The nested transcript of a story: every sentence of its main recording, then the
    sentences inside each clip of another recording, marked with the clip's player. A
    clip of the main recording adds nothing: those sentences are there already."""
    from search.documents import MAX_TRANSCRIPT_SEGMENTS

    out = [_without_end(segment) for segment in transcripts.get(main_media_id, [])]
    for clip in clips:
        if clip.media_id == main_media_id:
            continue
        for segment in transcripts.get(clip.media_id, []):
            if segment["end_ms"] > clip.start_ms and (clip.end_ms is None or segment["start_ms"] < clip.end_ms):
                out.append({**_without_end(segment), "anchor": clip.anchor})
    return out[:MAX_TRANSCRIPT_SEGMENTS]


def _without_end(segment: dict) -> dict:
    return {key: value for key, value in segment.items() if key != "end_ms"}


def transcript_segments(media_ids) -> dict[int, list[dict]]:
    """Per recording, its transcripts' segments as nested documents: start, public
    speaker name and text (in the field for the transcript's language), with the end
    (end_ms) for choosing a clip's part, which is not indexed. One query for the segments
    and one for the speakers' names, however many stories are in the batch."""
    from media.models import Segment
    from media.speakers import speaker_names
    from search.documents import MAX_TRANSCRIPT_SEGMENTS

    if not media_ids:
        return {}
    rows = list(
        Segment.objects.filter(transcript__media_id__in=media_ids)
        .order_by("transcript__media_id", "transcript__language", "start_ms", "pk")
        .values_list("transcript__media_id", "transcript__language", "start_ms", "end_ms", "speaker", "text")
    )
    names = speaker_names({row[4] for row in rows})
    out: dict[int, list[dict]] = {}
    for media_id, language, start_ms, end_ms, speaker, text in rows:
        segments = out.setdefault(media_id, [])
        if len(segments) < MAX_TRANSCRIPT_SEGMENTS:
            text_field = "text_en" if (language or "").lower().startswith("en") else "text"
            segments.append({"start_ms": start_ms, "end_ms": end_ms, "speaker": names.shown(speaker), text_field: text})
    return out


def _object_queryset():
    from stories.models import HeritageObjectImage, HeritageObjectPage, ObjectDepotLink

    return (
        HeritageObjectPage.objects.live()
        .select_related("brought_by", "depot_item__collection")
        .prefetch_related(
            Prefetch("depot_links", queryset=ObjectDepotLink.objects.select_related("depot_item__collection")),
            Prefetch("images", queryset=HeritageObjectImage.objects.select_related("image")),
            "tagged_items__tag",
        )
    )


def object_document(obj, communities: _Communities) -> dict | None:
    home = communities.home(obj)
    if home is None:
        return None
    items = [link.depot_item for link in obj.depot_links.all()]
    if obj.depot_item:
        items.append(obj.depot_item)
    items = [item for item in items if not item.withdrawn]
    tags = [t.tag.name for t in obj.tagged_items.all()]
    year = obj.brought_on.year if obj.brought_on else None
    people = [obj.brought_by] if obj.brought_by and obj.brought_by.name_display != "anonymous" else []
    return {
        "kind": "object",
        "title": obj.title,
        "summary": obj.summary,
        **body_fields(_text(f"{obj.description} {obj.provenance}"), obj.text_language),
        "people": [p.public_name for p in people],
        "tags": tags,
        "tags_text": tags,
        "communities": [home.slug],
        "home_community": str(home.pk),
        "depot_collections": sorted({i.collection.slug for i in items if i.collection}),
        "inventory_numbers": sorted({i.inventory_number for i in items}),
        "media_type": ["image"] if obj.images.all() else ["text"],
        "decades": decades_between(year, year),
        "year_from": year,
        "year_to": year,
        "access_level": obj.access_level,
        "embargo_until": obj.embargo_until,
        "view_restrictions": communities.restrictions_on(obj.path),
        "published_at": obj.first_published_at,
        "url": _dutch_url(obj),
    }


def _public_linking_communities(item_ids, communities: _Communities) -> dict[int, set[str]]:
    """Per depot item, the slugs of communities whose *publicly readable* pages link to it.

    Only what an anonymous visitor may read counts (the access rule, page privacy
    included): a community-only or private story must not reveal, through a facet or a
    depot item's document, that it exists.
    """
    from core.access import readable_filter, reader_for
    from stories.models import HeritageObjectPage, ObjectDepotLink, StoryDepotLink, StoryPage

    public = readable_filter(reader_for(None))
    result: dict[int, set[str]] = {}
    for model, page_field, pages in (
        (StoryDepotLink, "story", StoryPage.objects.filter(public)),
        (ObjectDepotLink, "object_page", HeritageObjectPage.objects.filter(public)),
    ):
        rows = model.objects.filter(depot_item_id__in=item_ids, **{f"{page_field}__in": pages}).values_list(
            "depot_item_id", f"{page_field}__path"
        )
        for item_id, path in rows:
            home = communities.by_path.get(path[: -Page.steplen])
            if home:
                result.setdefault(item_id, set()).add(home.slug)
    return result


def depot_documents(items, communities: _Communities) -> list[tuple[str, dict | None]]:
    items = list(items)
    linking = _public_linking_communities([i.pk for i in items], communities)
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
    from depot.models import DepotIndexPage

    page = DepotIndexPage.objects.live().first()
    return _dutch_url(page) if page else ""


def community_document(community, communities: _Communities) -> dict:
    """A community's document; its collections are those its publicly readable stories link to."""
    from core.access import readable_filter, reader_for, subtree
    from depot.models import DepotCollection
    from stories.models import StoryPage

    public_stories = StoryPage.objects.filter(readable_filter(reader_for(None))).filter(subtree(community.path))
    collections = (
        DepotCollection.objects.filter(items__story_links__story__in=public_stories.values("pk"))
        .values_list("slug", flat=True)
        .distinct()
    )
    return {
        "kind": "community",
        "title": community.title,
        "summary": community.short_description,
        "body": _text(community.intro),
        "communities": [community.slug],
        "home_community": str(community.pk),
        "depot_collections": sorted(collections),
        "media_type": ["text"],
        "access_level": "public",
        "view_restrictions": communities.restrictions_on(community.path),
        "published_at": community.first_published_at,
        "url": _dutch_url(community),
    }


def document_for(key: str) -> dict | None:
    """The current document for a key, or None when it should not be in the index."""
    from depot.models import DepotItem
    from stories.models import CommunityPage

    kind, _, pk = key.partition(":")
    communities = _Communities()
    if kind == "story":
        return story_documents([int(pk)], communities)[0][1]
    if kind == "object":
        obj = _object_queryset().filter(pk=pk).first()
        return object_document(obj, communities) if obj else None
    if kind == "depot":
        item = DepotItem.objects.select_related("collection").filter(pk=pk).first()
        return depot_documents([item], communities)[0][1] if item else None
    if kind == "community":
        community = CommunityPage.objects.live().filter(pk=pk).first()
        return community_document(community, communities) if community else None
    raise ValueError(f"unknown index key {key!r}")


def count_documents() -> int:
    from depot.models import DepotItem
    from stories.models import CommunityPage, HeritageObjectPage, StoryPage

    return (
        StoryPage.objects.live().count()
        + HeritageObjectPage.objects.live().count()
        + DepotItem.objects.filter(withdrawn=False).count()
        + CommunityPage.objects.live().count()
    )


def _chunks(queryset, size=CHUNK):
    """Chunks of a queryset by primary key, so memory stays flat however many rows there are."""
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last).order_by("pk")[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def iter_documents() -> Iterator[tuple[str, dict | None]]:
    """Every (key, document) of the public index, streamed in chunks."""
    from depot.models import DepotItem
    from stories.models import CommunityPage

    communities = _Communities()
    from stories.models import StoryPage

    live_ids = StoryPage.objects.live().order_by("pk").values_list("pk", flat=True)
    last = 0
    while True:
        ids = list(live_ids.filter(pk__gt=last)[:CHUNK])
        if not ids:
            break
        yield from story_documents(ids, communities)
        last = ids[-1]
    for chunk in _chunks(_object_queryset()):
        for obj in chunk:
            yield f"object:{obj.pk}", object_document(obj, communities)
    for chunk in _chunks(DepotItem.objects.filter(withdrawn=False).select_related("collection")):
        yield from depot_documents(chunk, communities)
    for community in CommunityPage.objects.live():
        yield f"community:{community.pk}", community_document(community, communities)
