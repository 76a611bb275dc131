"""Times as people write them (12:34, 1:02:03, 754) and as links carry them (?t=12:34)."""

from __future__ import annotations

import re

_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$")
_SECONDS = re.compile(r"^(\d+)(?:[.,](\d{1,3}))?s?$")
MAX_SECONDS = 100 * 3600  # nothing we hold is longer; bigger values are typos or probes


def parse_time(value) -> float | None:
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


def clock(seconds, millis: bool = False) -> str:
    """4:05, 42:05 or 1:02:03 (with millis: 42:05.120)."""
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
