"""What public pages list, already filtered by who is asking and fetched in a fixed number of queries.

Page templates only loop over what these functions return; they never query on their own,
so the number of queries does not grow with stories, tags or links.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from core.access import readable_filter, readable_page_filter, reader_for, subtree
from search.service import related
from stories.services.cards import object_cards, story_cards
from stories.services.links import depot_collections_of_community

RELATED_LIMIT = 6


@dataclass
class CommunityListing:
    stories: QuerySet
    objects: QuerySet
    depot_collections: list


def community_listing(community, user) -> CommunityListing:
    """The stories, objects and linked depot collections a user may see on a community page."""
    from stories.models import HeritageObjectPage, StoryPage

    reader = reader_for(user)
    can_read = readable_filter(reader)
    # Stories of this community, and stories of others linked to it: a subquery, not a
    # join, so no DISTINCT over thousands of rows is needed.
    linked = StoryPage.related_communities.through.objects.filter(communitypage=community)
    stories = (
        StoryPage.objects.filter(can_read)
        .filter(subtree(community.path) | Q(pk__in=linked.values("storypage_id")))
        .order_by("-first_published_at", "-pk")
    )
    objects = HeritageObjectPage.objects.filter(can_read).child_of(community).order_by("title")
    return CommunityListing(
        stories=story_cards(stories),
        objects=object_cards(objects)[:12],
        depot_collections=depot_collections_of_community(community, stories, objects, user),
    )


def _linked(relation):
    """The pages a many-to-many link field points to, as something to filter ``pk__in`` on.

    On a page read from the database the relation is a queryset (used as a subquery); on
    a page built from the editor's form or a revision (previews, drafts never saved live)
    it is modelcluster's in-memory list, which cannot take database filters such as the
    access rule or ``live()``: its ids are read and the database is asked with those.
    """
    pages = relation.all()
    if isinstance(pages, QuerySet):
        return pages.values("pk")
    return [page.pk for page in pages]


def story_context(story, user) -> dict:
    """Everything a story page shows besides its own fields, filtered for the reader.

    Links are read from the story itself (its narrators, places, languages, tags, depot
    links, objects and communities), so a preview shows what the form holds.
    """
    from stories.models import CommunityPage, HeritageObjectPage, StoryPage

    reader = reader_for(user)
    can_read = readable_filter(reader)
    community = story.get_parent().specific
    return {
        "community": community,
        "narrators": [n.person for n in story.narrators.all().select_related("person")],
        "places": list(story.places.all()),
        "languages": list(story.languages.all()),
        "story_tags": list(story.tags.all()),
        "depot_links": [
            link
            for link in story.depot_links.all().select_related("depot_item__collection")
            if not link.depot_item.withdrawn
        ],
        "linked_objects": list(
            object_cards(HeritageObjectPage.objects.filter(can_read).filter(pk__in=_linked(story.related_objects)))[
                :RELATED_LIMIT
            ]
        ),
        "linked_communities": list(
            CommunityPage.objects.filter(readable_page_filter(reader)).filter(pk__in=_linked(story.related_communities))
        ),
        "more_stories": list(
            story_cards(
                StoryPage.objects.filter(can_read)
                .child_of(community)
                .exclude(pk=story.pk)
                .order_by("-first_published_at")
            )[:3]
        ),
        "object_model": HeritageObjectPage,
        "related": _related(story, user),
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
            ObjectDepotLink.objects.filter(object_page=object_page, depot_item__withdrawn=False).select_related(
                "depot_item__collection"
            )
        ),
        "linked_stories": list(
            story_cards(StoryPage.objects.filter(can_read).filter(related_objects=object_page))[:RELATED_LIMIT]
        ),
        "related": _related(object_page, user),
    }


def _related(page, user):
    """More-like-this from the search service (shared tags when there is no engine)."""
    return related(page, user)
