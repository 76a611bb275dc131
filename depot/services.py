"""Read models for the public depot pages."""

from django.db.models import Count, Q

from depot.models import DepotCollection


def collections_with_counts():
    return list(
        DepotCollection.objects.annotate(item_count=Count("items", filter=Q(items__withdrawn=False))).order_by("name")
    )


def communities_linked_to_collection(collection, user):
    """Communities whose readable stories or objects link to items of this collection."""
    from core.access import readable_filter, reader_for
    from stories.models import HeritageObjectPage, StoryPage
    from stories.services.listings import communities_of

    can_read = readable_filter(reader_for(user))
    stories = StoryPage.objects.filter(can_read, depot_links__depot_item__collection=collection)
    objects = HeritageObjectPage.objects.filter(can_read, depot_links__depot_item__collection=collection)
    pages = list(stories.only("path").distinct()) + list(objects.only("path").distinct())
    return communities_of(pages)
