"""Links between the communities' stories and objects and the depot's catalogue."""

from django.db.models import Q

from core.access import readable_filter, reader_for
from stories.services.listings import communities_of, object_cards, story_cards

DEPOT_LINK_LIMIT = 24


def links_to_depot_item(item, user) -> dict:
    """The readable stories and objects that link to a depot item, and their communities."""
    from stories.models import HeritageObjectPage, StoryPage

    can_read = readable_filter(reader_for(user))
    stories = list(
        story_cards(
            StoryPage.objects.filter(can_read)
            .filter(depot_links__depot_item=item)
            .distinct()
            .order_by("-first_published_at")
        )[:DEPOT_LINK_LIMIT]
    )
    objects = list(
        object_cards(
            HeritageObjectPage.objects.filter(can_read)
            .filter(Q(depot_item=item) | Q(depot_links__depot_item=item))
            .distinct()
            .order_by("title")
        )[:DEPOT_LINK_LIMIT]
    )
    return {
        "linked_stories": stories,
        "linked_objects": objects,
        "linked_communities": communities_of(stories + objects),
    }


def communities_linked_to_collection(collection, user) -> list:
    """Communities whose readable stories or objects link to items of this depot collection.

    The depot's collection page shows them; the depot cannot import stories, so
    ``StoriesConfig.ready`` registers this read in ``depot.linked_pages``."""
    from stories.models import HeritageObjectPage, StoryPage

    can_read = readable_filter(reader_for(user))
    stories = StoryPage.objects.filter(can_read, depot_links__depot_item__collection=collection)
    objects = HeritageObjectPage.objects.filter(can_read, depot_links__depot_item__collection=collection)
    pages = list(stories.only("path").distinct()) + list(objects.only("path").distinct())
    return communities_of(pages)
