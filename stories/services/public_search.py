"""A simple access-filtered text search over stories and objects, straight from the database."""

from django.db.models import Q

from stories.services.access import readable_filter, reader_for
from stories.services.listings import object_cards, story_cards

RESULT_LIMIT = 200


def search_pages(query: str, user) -> list:
    """Stories then objects whose title, summary or tags contain every word of the query."""
    from stories.models import HeritageObjectPage, StoryPage

    can_read = readable_filter(reader_for(user))
    words = [w for w in query.split() if w][:10]
    story_match = Q()
    object_match = Q()
    for word in words:
        story_match &= Q(title__icontains=word) | Q(summary__icontains=word) | Q(tagged_items__tag__name__iexact=word)
        object_match &= Q(title__icontains=word) | Q(summary__icontains=word) | Q(tagged_items__tag__name__iexact=word)
    stories = story_cards(StoryPage.objects.filter(can_read).filter(story_match).distinct())
    objects = object_cards(HeritageObjectPage.objects.filter(can_read).filter(object_match).distinct())
    return list(stories[:RESULT_LIMIT]) + list(objects[:RESULT_LIMIT])
