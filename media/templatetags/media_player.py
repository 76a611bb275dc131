from django import template

from core.timecodes import parse
from media.player import build_player

register = template.Library()


@register.inclusion_tag("media/player.html", takes_context=True)
def recording_player(context, media, dom_id="recording", language="", start="", end=""):
    """The accessible player with its transcript; ``start``/``end`` (12:34) make it a clip."""
    request = context.get("request")
    clip_start = parse(start) if start else None
    clip_end = parse(end) if end else None
    if clip_end is not None and clip_start is None:
        clip_start = 0.0
    player = build_player(media, request, dom_id, language, clip_start, clip_end)
    return {"player": player, "media": media, "request": request, "LANGUAGE_CODE": context.get("LANGUAGE_CODE")}
