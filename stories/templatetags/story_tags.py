"""Template tags about stories' pages: may the visitor read a chosen page, and what kind a page is."""

from django import template

from core.access import can_read, reader_for

register = template.Library()


@register.filter
def page_kind(page):
    """'story' or 'object' for a StoryPage or HeritageObjectPage (for mixed search results)."""
    name = getattr(getattr(page, "_meta", None), "model_name", "")
    return {"storypage": "story", "heritageobjectpage": "object"}.get(name, name)


@register.simple_tag(takes_context=True)
def readable(context, page):
    """True when the visitor may read this story or object page (for pages chosen in a story body)."""
    if page is None:
        return False
    request = context.get("request")
    reader = getattr(request, "_brengkunst_reader", None)
    if reader is None:
        reader = reader_for(getattr(request, "user", None))
        if request is not None:
            request._brengkunst_reader = reader
    return can_read(reader, page)
