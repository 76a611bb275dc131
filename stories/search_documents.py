"""The stories' documents in the public index: stories, heritage objects and communities.

Declared here, beside the models, and registered into search when the app starts
(``StoriesConfig.ready``), as Wagtail models declare their ``search_fields``: search
knows the index and the queue, this module knows which rows belong in the index and
what they say (the name rule, the body's blocks, the transcripts a story plays). The
receivers that queue documents when these rows, people or page privacy change are here
too. The field names are those of the mapping in search/documents.py.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from django.db.models import Prefetch, TextField
from django.db.models.functions import Cast
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils.html import strip_tags
from django.utils.translation import override
from wagtail.models import Page, PageViewRestriction, Site

from core.access import readable_filter, reader_for, restrictions_on, subtree, view_restrictions
from core.timecodes import parse_clip_time
from depot.models import DepotCollection
from depot.search_documents import add_linking_communities
from media.models import OralHistoryMedia, Transcript
from media.search_documents import transcript_segments
from media.serving import page_ids_using
from media.speakers import recordings_naming
from search import registry
from search.documents import MAX_TRANSCRIPT_SEGMENTS, body_fields
from search.indexing import queue
from search.registry import DocumentType, decades_between
from search.signals import keys_touched_by
from stories.models import (
    CommunityPage,
    HeritageObjectImage,
    HeritageObjectPage,
    ObjectDepotLink,
    Person,
    StoryDepotLink,
    StoryNarrator,
    StoryPage,
    TaggedPage,
)
from stories.search_database import CommunityKind, ObjectKind, StoryKind, community_labels, language_labels


class _Communities:
    """Community ids, slugs and paths, loaded once per batch instead of once per page."""

    def __init__(self):
        self.by_path = {c.path: c for c in CommunityPage.objects.live().only("pk", "path", "slug", "title")}
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        self.root_url_path = site.root_page.url_path if site else "/"
        self.restrictions = view_restrictions()

    def restrictions_on(self, path: str) -> list[str]:
        """Ids of the view restrictions on a page or its ancestors, for the document."""
        return [str(r.pk) for r in restrictions_on(path, self.restrictions)]

    def url(self, url_path: str) -> str:
        """A page's Dutch URL from its url_path (single-site; the same as page.get_url())."""
        if not url_path.startswith(self.root_url_path):
            return ""
        return "/" + url_path[len(self.root_url_path) :]

    def home(self, page):
        return self.by_path.get(page.path[: -page.steplen])


def _text(value) -> str:
    return " ".join(strip_tags(str(value or "")).split())


def _dutch_url(page) -> str:
    """Pages are indexed with their Dutch (unprefixed) URL; the view adds /en/ for English."""
    with override("nl"):
        return page.get_url() or ""


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


def _object_queryset():

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


def public_linking_communities(item_ids) -> dict[int, set[str]]:
    """Per depot item, the slugs of communities whose *publicly readable* pages link to it.

    Only what an anonymous visitor may read counts (the access rule, page privacy
    included): a community-only or private story must not reveal, through a facet or a
    depot item's document, that it exists.
    """

    communities = _Communities()
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


def community_document(community, communities: _Communities) -> dict:
    """A community's document; its collections are those its publicly readable stories link to."""

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


def _story_pairs(pks) -> list[tuple[str, dict | None]]:
    return story_documents(pks, _Communities())


def _stream_stories():
    communities = _Communities()
    for pks in registry.pk_chunks(StoryPage.objects.live()):
        yield from story_documents(pks, communities)


def _object_pairs(pks) -> list[tuple[str, dict | None]]:
    communities = _Communities()
    objects = {obj.pk: obj for obj in _object_queryset().filter(pk__in=list(pks))}
    return [(f"object:{pk}", object_document(objects[pk], communities) if pk in objects else None) for pk in pks]


def _stream_objects():
    communities = _Communities()
    for chunk in registry.chunks(_object_queryset()):
        for obj in chunk:
            yield f"object:{obj.pk}", object_document(obj, communities)


def _community_pairs(pks) -> list[tuple[str, dict | None]]:
    communities = _Communities()
    pages = {page.pk: page for page in CommunityPage.objects.live().filter(pk__in=list(pks))}
    return [(f"community:{pk}", community_document(pages[pk], communities) if pk in pages else None) for pk in pks]


def _stream_communities():
    communities = _Communities()
    for community in CommunityPage.objects.live():
        yield f"community:{community.pk}", community_document(community, communities)


def keys_touched_by_page(page) -> set[str]:
    """A story's or object's own document plus those that show its links (depot items, its community)."""
    keys = {registry.key_for(page)}
    keys |= {f"depot:{pk}" for pk in page.depot_links.values_list("depot_item_id", flat=True)}
    if isinstance(page, HeritageObjectPage) and page.depot_item_id:
        keys.add(f"depot:{page.depot_item_id}")
    parent = CommunityPage.objects.filter(path=page.path[: -page.steplen]).values_list("pk", flat=True).first()
    if parent:
        keys.add(f"community:{parent}")
    return keys


STORIES = DocumentType(
    kind="story",
    models=(StoryPage,),
    documents=_story_pairs,
    count=lambda: StoryPage.objects.live().count(),
    stream=_stream_stories,
    keys_touched=keys_touched_by_page,
    database=StoryKind(),
)
OBJECTS = DocumentType(
    kind="object",
    models=(HeritageObjectPage,),
    documents=_object_pairs,
    count=lambda: HeritageObjectPage.objects.live().count(),
    stream=_stream_objects,
    keys_touched=keys_touched_by_page,
    database=ObjectKind(),
)
COMMUNITIES = DocumentType(
    kind="community",
    models=(CommunityPage,),
    documents=_community_pairs,
    count=lambda: CommunityPage.objects.live().count(),
    stream=_stream_communities,
    database=CommunityKind(),
)


def keys_under(path: str) -> set[str]:
    """Every document of a subtree, and the depot items and communities showing its links:
    a few queries however large the subtree (a restriction may cover a whole community)."""
    stories = StoryPage.objects.filter(subtree(path)).values("pk")
    objects = HeritageObjectPage.objects.filter(subtree(path))
    keys = {f"story:{pk}" for pk in stories.values_list("pk", flat=True)}
    keys |= {f"object:{pk}" for pk in objects.values_list("pk", flat=True)}
    keys |= {f"community:{pk}" for pk in CommunityPage.objects.filter(subtree(path)).values_list("pk", flat=True)}
    depot_ids = set(StoryDepotLink.objects.filter(story__in=stories).values_list("depot_item_id", flat=True))
    depot_ids |= set(
        ObjectDepotLink.objects.filter(object_page__in=objects.values("pk")).values_list("depot_item_id", flat=True)
    )
    depot_ids |= set(objects.exclude(depot_item=None).values_list("depot_item_id", flat=True))
    return keys | {f"depot:{pk}" for pk in depot_ids}


def on_view_restriction_changed(sender, instance, **kwargs):
    """A page's privacy was set, changed or removed: its documents and those below it carry
    the restriction's id (and depot items and communities count only public links)."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # gone with its page: the page's own deletion queued it
        queue(keys_touched_by(page) | keys_under(page.path))


def on_page_deleted(sender, instance, **kwargs):
    queue(registry.keys_touched_by(instance))


def keys_showing_person(person, names=()) -> set[str]:
    """Every story and object document that shows this person, by whichever relation:
    narrator, interviewer, bringer, or a transcript speaker label written as one of their
    names (``names``: also the names they had before this change, since a label matches
    a person by name, in any spelling; see media.speakers)."""
    story_ids = set(StoryNarrator.objects.filter(person_id=person.pk).values_list("story_id", flat=True))
    story_ids |= set(StoryPage.objects.filter(interviewer_id=person.pk).values_list("pk", flat=True))
    object_ids = set(HeritageObjectPage.objects.filter(brought_by_id=person.pk).values_list("pk", flat=True))
    for media_id in recordings_naming((person.full_name, person.pseudonym, *names)):
        story_ids.update(story_ids_presenting(media_id))
    return {f"story:{pk}" for pk in story_ids} | {f"object:{pk}" for pk in object_ids}


def on_person_changing(sender, instance, raw=False, **kwargs):
    """Remember the names before the change: a transcript label may match only the old one."""
    if raw or instance.pk is None:
        return
    instance._names_before_save = (
        sender.objects.filter(pk=instance.pk).values_list("full_name", "pseudonym").first() or ()
    )


def on_person_saved(sender, instance, raw=False, **kwargs):
    """A person's name or choice of display changed: every document showing them is stale.

    Without this, a person who became a pseudonym or anonymous stayed findable by their
    real name in search and autocomplete until the pages were published again.
    """
    if not raw:
        queue(keys_showing_person(instance, getattr(instance, "_names_before_save", ())))


def on_person_deleted(sender, instance, **kwargs):
    # pre_delete: the interviewer and bringer relations are cleared after this.
    queue(keys_showing_person(instance))


def story_ids_presenting(media_id: int) -> list[int]:
    """Stories whose main recording this is, or that quote it in a clip block: their
    documents carry its transcript."""
    ids = page_ids_using(OralHistoryMedia(pk=media_id))
    return sorted(StoryPage.objects.filter(pk__in=ids).values_list("pk", flat=True)) if ids else []


def on_transcript_changed(sender, instance, raw=False, **kwargs):
    """A transcript's words are in the documents of the stories presenting its recording.
    (pre_delete for deletions: when the recording itself is deleted, stories still point
    at it then.)"""
    if not raw:
        queue({f"story:{pk}" for pk in story_ids_presenting(instance.media_id)})


def register() -> None:
    """Register the document types and connect the receivers (StoriesConfig.ready)."""
    for document_type in (STORIES, OBJECTS, COMMUNITIES):
        registry.register(document_type)
    registry.register_facet_labels("community", community_labels)
    registry.register_facet_labels("language", language_labels)
    add_linking_communities(public_linking_communities)
    # Publishing is queued by the publish pipeline, after the consent guard (editorial/publishing.py);
    # unpublishing and moves by search.signals, for every registered page type.
    for model in (StoryPage, HeritageObjectPage, CommunityPage):
        pre_delete.connect(on_page_deleted, sender=model, dispatch_uid=f"search-deleted-{model.__name__}")
    post_save.connect(on_transcript_changed, sender=Transcript, dispatch_uid="media-transcript-saved")
    pre_delete.connect(on_transcript_changed, sender=Transcript, dispatch_uid="media-transcript-deleted")
    pre_save.connect(on_person_changing, sender=Person, dispatch_uid="search-person-changing")
    post_save.connect(on_person_saved, sender=Person, dispatch_uid="search-person-saved")
    pre_delete.connect(on_person_deleted, sender=Person, dispatch_uid="search-person-deleted")
    post_save.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-privacy-saved")
    post_delete.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-privacy-deleted")
