"""The one place that reads and writes times in a recording.

Times as people write them (12:34, 1:02:03, 754), as deep links carry them (?t=12:34)
and as WebVTT/SRT cues write them (00:12:34.500). Every app reads and writes times
through this module; it imports nothing of the project.

Two readings, because two kinds of input have always been read differently and the
callers depend on it (``tests/core/test_timecodes.py`` pins both, input by input):

- ``parse`` reads deep links (``?t=``), the player's clip range and the times an editor
  types for a transcript segment. Lenient about form (``754s``, a decimal comma), strict
  about range (seconds and, under hours, minutes up to 59; at most 100 hours; at most
  three decimals), and it answers ``None`` for anything unreadable: a bad ``t`` just
  starts at the beginning, and the admin field says what to write.
- ``parse_clip_time`` reads the start and end of a story's clip block as the block has
  always validated them: any number of digits per field, a decimal point in any field,
  no comma, no ``s``, no upper bound, and ``ValueError`` for anything unreadable, so the
  block can tell the editor. The search index reads clips the same way.
"""

from __future__ import annotations

import re

_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$")
_SECONDS = re.compile(r"^(\d+)(?:[.,](\d{1,3}))?s?$")
MAX_SECONDS = 100 * 3600  # nothing we hold is longer; bigger values are typos or probes


# --- reading ---------------------------------------------------------------------------
def parse(value) -> float | None:
    """'12:34' → 754.0, '1:02:03.5' → 3723.5, '754' → 754.0; None when unreadable or empty.

    Lenient on purpose: a deep link with a bad ``t`` just starts at the beginning.
    """
    value = str(value or "").strip()
    if not value:
        return None
    match = _CLOCK.match(value)
    if match:
        hours, minutes, seconds, fraction = match.groups()
        if int(seconds) > 59 or (hours is not None and int(minutes) > 59):
            return None
        total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    else:
        match = _SECONDS.match(value)
        if not match:
            return None
        total, fraction = int(match.group(1)), match.group(2)
    if fraction:
        total += int(fraction.ljust(3, "0")) / 1000
    return float(total) if total <= MAX_SECONDS else None


def parse_clip_time(value: str) -> float | None:
    """'1:02:03', '12:34' or '75' (seconds) to seconds; None for an empty value.

    Raises ``ValueError`` for anything else, so a clip block can say what to write.
    """
    value = (value or "").strip()
    if not value:
        return None
    parts = value.split(":")
    if len(parts) > 3 or not all(p.replace(".", "", 1).isdigit() for p in parts):
        raise ValueError(value)
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + float(part)
    return seconds


# --- writing ---------------------------------------------------------------------------
def clock(seconds, millis: bool = False) -> str:
    """4:05, 42:05 or 1:02:03 (with millis: 42:05.120); whole seconds are cut, not rounded.

    Negative values show as 0:00 and unreadable ones as "", so a template never breaks.
    """
    try:
        total_ms = max(0, round(float(seconds) * 1000))
    except (TypeError, ValueError):
        return ""
    if not millis:
        total_ms = (total_ms // 1000) * 1000
    hours, rest = divmod(total_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, ms = divmod(rest, 1000)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    return f"{text}.{ms:03d}" if millis else text


def t_param(seconds) -> str:
    """The value of a deep link's ``t``: whole seconds as MM:SS (or H:MM:SS)."""
    return clock(int(float(seconds)))


def format_timestamp(seconds: float, separator: str = ".") -> str:
    """A cue time for WebVTT (``HH:MM:SS.mmm``) or, with ``separator=","``, SRT.

    Hours are always written, at least two digits; a negative time keeps its sign, so a
    validation message can quote a broken cue as it is.
    """
    ms = round(seconds * 1000)
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{sign}{hours:02d}:{minutes:02d}:{secs:02d}{separator}{ms:03d}"
