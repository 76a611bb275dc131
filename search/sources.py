"""From the database to index documents: which rows belong in the public index, and what they say.

Each kind has a key prefix ("story", "object", "depot", "community"); a key such as
"story:12" names one document. ``document_for(key)`` answers None when the row is
gone or must not be indexed (a draft, a withdrawn record): the document is then
deleted from the index. ``iter_documents()`` streams every document for a rebuild
with a fixed number of queries per chunk.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Prefetch
from django.utils.html import strip_tags
from django.utils.translation import override
from wagtail.models import Page

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

    def home(self, page):
        return self.by_path.get(page.path[: -page.steplen])


def _story_queryset():
    from stories.models import StoryDepotLink, StoryNarrator, StoryPage

    return StoryPage.objects.live().select_related("interviewer", "main_media").prefetch_related(
        Prefetch("narrators", queryset=StoryNarrator.objects.select_related("person")),
        Prefetch("depot_links", queryset=StoryDepotLink.objects.select_related("depot_item__collection")),
        "tagged_items__tag",
        "places",
        "languages",
        "related_communities",
    )


def story_document(story, communities: _Communities) -> dict | None:
    home = communities.home(story)
    if home is None:
        return None
    people = [n.person for n in story.narrators.all()]
    if story.interviewer:
        people.append(story.interviewer)
    links = [link for link in story.depot_links.all() if not link.depot_item.withdrawn]
    places = list(story.places.all())
    tags = [t.tag.name for t in story.tagged_items.all()]
    year_from = story.period_start_year or story.recorded_year_from
    year_to = story.period_end_year or story.recorded_year_to
    media_types = [story.main_media.type] if story.main_media else []
    body_parts = story.body.stream_block.get_searchable_content(story.body) if story.body else []
    if any(block.block_type == "image" for block in story.body):
        media_types.append("image")
    return {
        "kind": "story",
        "title": story.title,
        "summary": " ".join(filter(None, [story.summary, story.pull_quote])),
        "body": _text(" ".join(body_parts)),
        "people": [p.public_name for p in people if p.name_display != "anonymous"],
        "tags": tags,
        "tags_text": tags,
        "places": [p.name for p in places],
        "places_text": [p.name for p in places],
        "location": [loc for loc in map(_location, places) if loc],
        "communities": [home.slug] + [c.slug for c in story.related_communities.all() if c.live],
        "home_community": str(home.pk),
        "depot_collections": sorted({l.depot_item.collection.slug for l in links if l.depot_item.collection}),
        "inventory_numbers": [l.depot_item.inventory_number for l in links],
        "languages": [lang.code for lang in story.languages.all()],
        "media_type": media_types or ["text"],
        "decades": decades_between(year_from, year_to),
        "year_from": year_from,
        "year_to": year_to,
        "access_level": story.access_level,
        "embargo_until": story.embargo_until,
        "published_at": story.first_published_at,
        "url": _dutch_url(story),
    }


def _object_queryset():
    from stories.models import HeritageObjectImage, HeritageObjectPage, ObjectDepotLink

    return HeritageObjectPage.objects.live().select_related(
        "brought_by", "depot_item__collection"
    ).prefetch_related(
        Prefetch("depot_links", queryset=ObjectDepotLink.objects.select_related("depot_item__collection")),
        Prefetch("images", queryset=HeritageObjectImage.objects.select_related("image")),
        "tagged_items__tag",
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
        "body": _text(f"{obj.description} {obj.provenance}"),
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
        "published_at": obj.first_published_at,
        "url": _dutch_url(obj),
    }


def _public_linking_communities(item_ids, communities: _Communities) -> dict[int, set[str]]:
    """Per depot item, the slugs of communities whose *publicly readable* pages link to it.

    Only public links count: a community-only story must not reveal, through a facet or
    a depot item's document, that it exists.
    """
    from django.db.models import Q
    from django.utils import timezone

    from stories.models import ObjectDepotLink, StoryDepotLink

    today = timezone.localdate()
    public = Q(access_level="public", live=True) & (Q(embargo_until__isnull=True) | Q(embargo_until__lte=today))
    result: dict[int, set[str]] = {}
    from stories.models import HeritageObjectPage, StoryPage

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


def community_document(community) -> dict:
    from depot.models import DepotCollection

    collections = DepotCollection.objects.filter(
        items__story_links__story__path__startswith=community.path,
        items__story_links__story__live=True,
        items__story_links__story__access_level="public",
    ).values_list("slug", flat=True).distinct()
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
        story = _story_queryset().filter(pk=pk).first()
        return story_document(story, communities) if story else None
    if kind == "object":
        obj = _object_queryset().filter(pk=pk).first()
        return object_document(obj, communities) if obj else None
    if kind == "depot":
        item = DepotItem.objects.select_related("collection").filter(pk=pk).first()
        return depot_documents([item], communities)[0][1] if item else None
    if kind == "community":
        community = CommunityPage.objects.live().filter(pk=pk).first()
        return community_document(community) if community else None
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
    for chunk in _chunks(_story_queryset()):
        for story in chunk:
            yield f"story:{story.pk}", story_document(story, communities)
    for chunk in _chunks(_object_queryset()):
        for obj in chunk:
            yield f"object:{obj.pk}", object_document(obj, communities)
    for chunk in _chunks(DepotItem.objects.filter(withdrawn=False).select_related("collection")):
        yield from depot_documents(chunk, communities)
    for community in CommunityPage.objects.live():
        yield f"community:{community.pk}", community_document(community)
