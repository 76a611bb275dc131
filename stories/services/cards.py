"""Stories and objects as cards list them, and the communities pages belong to.

Shared by the listings and the link reads (``listings``, ``links``), each fetched in a
fixed number of queries however many cards there are.
"""

from django.db.models import Prefetch, QuerySet

from stories.models import CommunityPage, HeritageObjectImage, StoryNarrator


def story_cards(queryset: QuerySet) -> QuerySet:
    """Stories as listed on cards: the fields and relations the card template shows."""
    return queryset.select_related("main_media").prefetch_related(
        Prefetch("narrators", queryset=StoryNarrator.objects.select_related("person")),
        "tags",
        "languages",
    )


def object_cards(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("brought_by").prefetch_related(
        Prefetch(
            "images",
            queryset=HeritageObjectImage.objects.select_related("image").prefetch_related("image__renditions"),
        ),
    )


def _parent_paths(pages):
    return {page.path[: -page.steplen] for page in pages}


def communities_of(pages):
    """The home communities of these pages, in one query."""
    paths = _parent_paths(pages)
    if not paths:
        return []
    return list(CommunityPage.objects.live().filter(path__in=paths).order_by("title"))
