"""Links between the communities' stories and objects and the depot's catalogue.

The linking pages ask the index first (``search.links``: one aggregation whatever the
number of stories, its answer checked against the database) and read the database when
there is no engine or it is down. Either way they get model instances, so templates
render the same cards. The depot's pages cannot import stories (the layers run the
other way), so ``StoriesConfig.ready`` registers the two reads they show in
``depot.linked_pages``.
"""

from django.db.models import Q, QuerySet

from core.access import readable_filter, reader_for
from depot.models import DepotCollection
from search import links as index_links
from stories.models import CommunityPage, HeritageObjectPage, ObjectDepotLink, StoryDepotLink, StoryPage
from stories.services.cards import communities_of, object_cards, story_cards

DEPOT_LINK_LIMIT = index_links.LINK_LIMIT


def depot_item_links(item, user) -> dict:
    """Readable stories and objects linking to a depot item, and their communities."""
    found = index_links.item_links(item.inventory_number, user)
    if found is None:
        return links_to_depot_item(item, user)
    story_ids, object_ids = found.ids("story"), found.ids("object")
    # The cards are read with the access rule too (no extra query for the check).
    can_read = readable_filter(reader_for(user))
    stories = {s.pk: s for s in story_cards(StoryPage.objects.filter(can_read, pk__in=story_ids))}
    objects = {o.pk: o for o in object_cards(HeritageObjectPage.objects.filter(can_read, pk__in=object_ids))}
    return {
        "linked_stories": [stories[pk] for pk in story_ids if pk in stories],
        "linked_objects": [objects[pk] for pk in object_ids if pk in objects],
        "linked_communities": list(
            CommunityPage.objects.live().filter(slug__in=list(found.community_counts)).order_by("title")
        ),
    }


def links_to_depot_item(item, user) -> dict:
    """The same, from the database."""
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


def depot_collections_of_community(community, stories: QuerySet, objects: QuerySet, user) -> list:
    """Depot collections that this community's readable stories and objects link to, most-linked first."""
    counts = index_links.collection_counts(community.slug, user)
    if counts is None:
        return depot_collections_linked_from(stories, objects)
    collections = list(DepotCollection.objects.filter(slug__in=counts))
    for collection in collections:
        collection.link_count = counts[collection.slug]
    return sorted(collections, key=lambda c: (-c.link_count, c.name))


def depot_collections_linked_from(stories: QuerySet, objects: QuerySet) -> list:
    """Depot collections the given stories and objects link to, most-linked first.

    Grouped on the link tables (two small queries) rather than joined from the
    collections, which made one slow query on large communities.
    """

    items_by_collection: dict[int, set[int]] = {}
    for model, field, pages in ((StoryDepotLink, "story", stories), (ObjectDepotLink, "object_page", objects)):
        rows = (
            model.objects.filter(**{f"{field}__in": pages.order_by().values("pk")})
            .filter(depot_item__withdrawn=False, depot_item__collection__isnull=False)
            .order_by()
            .values_list("depot_item__collection_id", "depot_item_id")
            .distinct()
        )
        for collection_id, item_id in rows:
            items_by_collection.setdefault(collection_id, set()).add(item_id)
    collections = list(DepotCollection.objects.filter(pk__in=items_by_collection))
    for collection in collections:
        collection.link_count = len(items_by_collection[collection.pk])
    return sorted(collections, key=lambda c: (-c.link_count, c.name))


def communities_linked_to_collection(collection, user) -> list:
    """Communities whose readable stories or objects link to items of this depot collection."""
    can_read = readable_filter(reader_for(user))
    stories = StoryPage.objects.filter(can_read, depot_links__depot_item__collection=collection)
    objects = HeritageObjectPage.objects.filter(can_read, depot_links__depot_item__collection=collection)
    pages = list(stories.only("path").distinct()) + list(objects.only("path").distinct())
    return communities_of(pages)
