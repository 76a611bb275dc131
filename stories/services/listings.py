"""What public pages list, already filtered by who is asking and fetched in a fixed number of queries.

Page templates only loop over what these functions return; they never query on their own,
so the number of queries does not grow with stories, tags or links.
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from stories.services.access import reader_for, readable_filter

RELATED_LIMIT = 6


def story_cards(queryset: QuerySet) -> QuerySet:
    """Stories as listed on cards: the fields and relations the card template shows."""
    from stories.models import StoryNarrator

    return queryset.select_related("main_media").prefetch_related(
        Prefetch("narrators", queryset=StoryNarrator.objects.select_related("person")),
        "tags",
        "languages",
    )


def object_cards(queryset: QuerySet) -> QuerySet:
    from stories.models import HeritageObjectImage

    return queryset.select_related("brought_by").prefetch_related(
        Prefetch(
            "images",
            queryset=HeritageObjectImage.objects.select_related("image").prefetch_related(
                "image__renditions"
            ),
        ),
    )


@dataclass
class CommunityListing:
    stories: QuerySet
    objects: QuerySet
    depot_collections: list


def community_listing(community, user) -> CommunityListing:
    """The stories, objects and linked depot collections a user may see on a community page."""
    from depot.models import DepotCollection
    from stories.models import HeritageObjectPage, StoryPage

    reader = reader_for(user)
    can_read = readable_filter(reader)
    stories = (
        StoryPage.objects.filter(can_read)
        .filter(Q(path__startswith=community.path) | Q(related_communities=community))
        .distinct()
        .order_by("-first_published_at", "-pk")
    )
    objects = HeritageObjectPage.objects.filter(can_read).child_of(community).order_by("title")
    collections = (
        DepotCollection.objects.filter(
            Q(items__story_links__story__in=stories.values("pk"))
            | Q(items__object_links__object_page__in=objects.values("pk"))
        )
        .annotate(link_count=Count("items", distinct=True))
        .order_by("-link_count", "name")
    )
    return CommunityListing(
        stories=story_cards(stories),
        objects=object_cards(objects)[:12],
        depot_collections=list(collections),
    )


def _parent_paths(pages):
    return {page.path[: -page.steplen] for page in pages}


def communities_of(pages):
    """The home communities of these pages, in one query."""
    from stories.models import CommunityPage

    paths = _parent_paths(pages)
    if not paths:
        return []
    return list(CommunityPage.objects.live().filter(path__in=paths).order_by("title"))


def story_context(story, user) -> dict:
    """Everything a story page shows besides its own fields, filtered for the reader."""
    from stories.models import HeritageObjectPage, StoryDepotLink, StoryNarrator, StoryPage

    reader = reader_for(user)
    can_read = readable_filter(reader)
    community = story.get_parent().specific
    return {
        "community": community,
        "narrators": [
            n.person for n in StoryNarrator.objects.filter(story=story).select_related("person")
        ],
        "places": list(story.places.all()),
        "languages": list(story.languages.all()),
        "story_tags": list(story.tags.all()),
        "depot_links": list(
            StoryDepotLink.objects.filter(story=story, depot_item__withdrawn=False).select_related(
                "depot_item__collection"
            )
        ),
        "linked_objects": list(
            object_cards(story.related_objects.filter(can_read))[:RELATED_LIMIT]
        ),
        "linked_communities": list(story.related_communities.live()),
        "more_stories": list(
            story_cards(
                StoryPage.objects.filter(can_read)
                .child_of(community)
                .exclude(pk=story.pk)
                .order_by("-first_published_at")
            )[:3]
        ),
        "object_model": HeritageObjectPage,
    }


def object_context(object_page, user) -> dict:
    from stories.models import HeritageObjectImage, ObjectDepotLink, StoryPage

    can_read = readable_filter(reader_for(user))
    return {
        "community": object_page.get_parent().specific,
        "images": list(
            HeritageObjectImage.objects.filter(object_page=object_page)
            .select_related("image")
            .prefetch_related("image__renditions")
        ),
        "object_tags": list(object_page.tags.all()),
        "depot_links": list(
            ObjectDepotLink.objects.filter(
                object_page=object_page, depot_item__withdrawn=False
            ).select_related("depot_item__collection")
        ),
        "linked_stories": list(
            story_cards(
                StoryPage.objects.filter(can_read).filter(related_objects=object_page)
            )[:RELATED_LIMIT]
        ),
    }
