"""Small helpers for the public templates: language links, navigation state, depot URLs, media times.

None of these query the database per call: the depot index page is looked up once per request.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from core.timecodes import parse_clip_time

register = template.Library()


@register.simple_tag(takes_context=True)
def get_language_links(context):
    """One link per site language to the current page in that language, marking the current one.

    Plain links (no form, no JavaScript): /pad/ is Dutch, /en/pad/ is English.
    """
    request = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"].capitalize(),
                "url": translate_url(path, code),
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def nav_current(context, url):
    """` aria-current="page"` for the current page, `="true"` for a section the visitor is inside."""
    request = context.get("request")
    if request is None or not url:
        return ""
    path = request.path
    if path == url:
        return mark_safe(' aria-current="page"')
    home = translate_url("/", get_language() or settings.LANGUAGE_CODE)
    if url not in ("/", home) and path.startswith(url):
        return mark_safe(' aria-current="true"')
    return ""


@register.simple_tag(takes_context=True)
def url_replace(context, **kwargs):
    """The current query string with some parameters replaced (for pagination that keeps `q`)."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else None
    if query is None:
        from django.http import QueryDict

        query = QueryDict(mutable=True)
    for key, value in kwargs.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def lang_attr(code):
    """` lang="…"` when content in language `code` differs from the page's language, else nothing."""
    if not code:
        return ""
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    if code.split("-")[0].lower() == current:
        return ""
    return format_html(' lang="{}"', code)


def _seconds_text(value) -> str:
    """'12:34' → '754', '1:02:03.5' → '3723.5'; empty or unreadable → '' (a clip's own reading)."""
    try:
        seconds = parse_clip_time(str(value or ""))
    except ValueError:
        return ""
    if seconds is None:
        return ""
    return f"{seconds:g}"


@register.simple_tag
def media_fragment(start, end=""):
    """A W3C media fragment for a clip: '#t=754,800' (or '#t=754' without an end)."""
    start_s = _seconds_text(start)
    end_s = _seconds_text(end)
    if not start_s and not end_s:
        return ""
    fragment = f"#t={start_s or 0}"
    if end_s:
        fragment += f",{end_s}"
    return fragment


@register.filter
def page_kind(page):
    """'story' or 'object' for a StoryPage or HeritageObjectPage (for mixed search results)."""
    name = getattr(getattr(page, "_meta", None), "model_name", "")
    return {"storypage": "story", "heritageobjectpage": "object"}.get(name, name)


_NO_INDEX = object()


def _depot_index(context):
    """The live DepotIndexPage and its URL, looked up once per request."""
    request = context.get("request")
    cached = getattr(request, "_brengkunst_depot_index", None) if request is not None else None
    if cached is None:
        from depot.models import DepotIndexPage

        index_page = DepotIndexPage.objects.live().first()
        url = index_page.get_url(request) if index_page is not None else None
        cached = (index_page, url) if index_page is not None else (_NO_INDEX, None)
        if request is not None:
            request._brengkunst_depot_index = cached
    index_page, url = cached
    if index_page is _NO_INDEX or not url:
        return None, None
    return index_page, url


@register.simple_tag(takes_context=True)
def depot_item_url(context, item):
    """The public URL of a depot item (None when there is no depot page or the item is withdrawn)."""
    if item is None or getattr(item, "withdrawn", False):
        return None
    index_page, url = _depot_index(context)
    if index_page is None:
        return None
    return url + index_page.reverse_subpage("item", kwargs={"inventory_number": item.url_key})


@register.simple_tag(takes_context=True)
def depot_collection_url(context, collection):
    if collection is None:
        return None
    index_page, url = _depot_index(context)
    if index_page is None:
        return None
    return url + index_page.reverse_subpage("collection", kwargs={"slug": collection.slug})


@register.simple_tag(takes_context=True)
def readable(context, page):
    """True when the visitor may read this story or object page (for pages chosen in a story body)."""
    if page is None:
        return False
    from stories.services.access import can_read, reader_for

    request = context.get("request")
    reader = getattr(request, "_brengkunst_reader", None)
    if reader is None:
        reader = reader_for(getattr(request, "user", None))
        if request is not None:
            request._brengkunst_reader = reader
    return can_read(reader, page)


@register.simple_tag(takes_context=True)
def depot_index_url(context):
    """The URL of the public depot page, or None."""
    return _depot_index(context)[1]
