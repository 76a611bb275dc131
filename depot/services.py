"""Read models for the public depot pages."""

from django.db.models import Count, Q

from depot.models import DepotCollection


def collections_with_counts():
    return list(
        DepotCollection.objects.annotate(item_count=Count("items", filter=Q(items__withdrawn=False))).order_by("name")
    )
