"""Vague dates as people say them ("circa 1975", "1970s", "voorjaar 1983") to a year range."""

import re

_CIRCA = r"(?:circa|ca\.?|c\.|approx(?:\.|imately)?|rond|omstreeks|ongeveer|±|~)\s*"
_PATTERNS = [
    # 1970s, 1970's, jaren 70, the seventies are written as a decade
    (re.compile(rf"^(?:{_CIRCA})?(\d{{3}})0\s*'?s$", re.I), "decade"),
    (re.compile(r"^(?:de\s+)?jaren\s+['’]?(\d)0$", re.I), "dutch_decade"),
    (re.compile(rf"^(?:{_CIRCA})(\d{{4}})$", re.I), "circa"),
    (re.compile(r"^(\d{4})\s*[-–—/]\s*(\d{4})$"), "range"),
    (re.compile(r"(\d{4})"), "year"),
]


def parse_fuzzy_date(text: str) -> tuple[int, int] | None:
    """Return (from_year, to_year) for a date as written, or None when no year is in it.

    'circa' widens the range by two years either side; a decade covers its ten years;
    anything else with a four-digit year (a full date, a season) is that year.
    """
    text = (text or "").strip()
    if not text:
        return None
    for pattern, kind in _PATTERNS:
        match = pattern.search(text) if kind == "year" else pattern.match(text)
        if not match:
            continue
        if kind == "decade":
            start = int(match.group(1)) * 10
            return start, start + 9
        if kind == "dutch_decade":
            start = 1900 + int(match.group(1)) * 10
            return start, start + 9
        if kind == "circa":
            year = int(match.group(1))
            return year - 2, year + 2
        if kind == "range":
            return int(match.group(1)), int(match.group(2))
        year = int(match.group(1))
        return year, year
    return None
