"""The tags every public template may use: language links, navigation state, query strings, media times.

They know nothing of any app's pages or models, so they live in core and every app's
templates load them (``{% load site_tags %}``). Tags about one app's things live with
that app: depot URLs in ``depot_tags``, story page helpers in ``story_tags``.
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
