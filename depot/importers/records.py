"""One catalogue record as read from an export, before it is matched to a DepotItem.

The sources (csv_source, jsonl_source, lido_source) only read and convert; they never
touch the database. A record that could not be read properly still comes out, with
the reasons in ``problems``, so the sync can report it and go on with the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The DepotItem fields an export can fill, in the order the report and tests use.
TEXT_FIELDS = (
    "title",
    "title_en",
    "maker",
    "maker_role",
    "date_text",
    "object_type",
    "medium",
    "dimensions",
    "description",
    "image_url",
    "rights",
    # the collection system's own id for the record (LIDO's lidoRecID, a CSV id column)
    "source_record_id",
)
YEAR_FIELDS = ("year_from", "year_to")
ITEM_FIELDS = TEXT_FIELDS[:5] + YEAR_FIELDS + TEXT_FIELDS[5:]
# What a mapping may name: the item fields plus the inventory number and the collection.
MAPPABLE_FIELDS = ("inventory_number", *ITEM_FIELDS, "collection")

# SmallIntegerField holds -32768..32767; a year outside a sane range is a typo.
MIN_YEAR, MAX_YEAR = -9999, 9999


@dataclass
class CatalogueRecord:
    inventory_number: str = ""
    title: str = ""
    title_en: str = ""
    maker: str = ""
    maker_role: str = ""
    date_text: str = ""
    year_from: int | None = None
    year_to: int | None = None
    object_type: str = ""
    medium: str = ""
    dimensions: str = ""
    description: str = ""
    image_url: str = ""
    rights: str = ""
    source_record_id: str = ""
    # a collection slug or name from the export; the command's --collection overrides it
    collection: str = ""
    # where the record starts in the file: a line (CSV, JSON Lines) or record number (LIDO)
    source_position: int = 0
    position_unit: str = "line"
    # reasons the record cannot be imported; a record with problems is reported, not saved
    problems: list[str] = field(default_factory=list)
    # things that were fixed up on the way (a value shortened, a bad link dropped)
    warnings: list[str] = field(default_factory=list)

    @property
    def position(self) -> str:
        return f"{self.position_unit} {self.source_position}"

    def set_year(self, name: str, value) -> None:
        """Set year_from/year_to from an int or a text; an unreadable year is a problem."""
        try:
            setattr(self, name, parse_year(value))
        except ValueError as error:
            self.problems.append(f"{name}: {error}")


_YEAR = re.compile(r"^\s*(-?\d{1,4})(?:-\d{1,2}(?:-\d{1,2})?(?:[T ].*)?)?\s*$")


def parse_year(value) -> int | None:
    """A year from 1872, "1872", "1872.0", "-500" or an ISO date "1921-07-01"; None for empty.

    Raises ValueError for anything else ("c.1830", "unknown", 1e9), so a bad cell is
    reported instead of silently losing its date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a year")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"{value!r} is not a year")
        value = int(value)
    if isinstance(value, int):
        year = value
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if re.fullmatch(r"-?\d{1,4}\.0+", text):
            text = text.split(".")[0]
        match = _YEAR.match(text)
        if not match:
            raise ValueError(f"{value!r} is not a year")
        year = int(match.group(1))
    else:
        raise ValueError(f"{value!r} is not a year")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"{year} is out of range")
    return year


_SPACES = re.compile(r"\s+")


def one_line(text) -> str:
    """Collapse runs of whitespace (newlines, tabs, indentation in XML) to single spaces."""
    if text is None:
        return ""
    return _SPACES.sub(" ", str(text)).strip()


def block(text) -> str:
    """Trim every line and drop blank runs, keeping paragraph breaks (for descriptions)."""
    if text is None:
        return ""
    lines = [_SPACES.sub(" ", line).strip() for line in str(text).splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def join_roles(roles: list[str], separator: str = "; ") -> str:
    """Makers' roles in the makers' order; one role when they all share it.

    A maker without a role gets "-", so the roles stay in step with the names.
    """
    given = [r for r in roles if r]
    if not given:
        return ""
    if len(given) == len(roles) and all(r == given[0] for r in given):
        return given[0]
    return separator.join(r or "-" for r in roles)
