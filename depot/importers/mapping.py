"""Column mappings for CSV and JSON Lines exports, loaded from a small TOML file.

    # depot/importers/mappings/tate.toml
    [fields]
    inventory_number = "acno"
    title = "title"
    maker = "contributors[*].fc"          # a cell that holds JSON: a tiny path into it
    year_from = "dateRange.startYear"
    rights = ["creditLine", "thumbnailCopyright"]   # the first one that is not empty

    [csv]                                 # optional
    delimiter = ","
    encoding = "utf-8-sig"                # the default; also strips a BOM
    join = "; "                           # between the parts of a [*] path

A path is a column (or JSON Lines key) name, then any of ``.key``, ``[0]`` and ``[*]``
(every element of a list; the values are joined). When a CSV cell is walked into, it is
parsed as JSON. A column whose own name contains dots or brackets is found by its
whole name first.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

from depot.importers.records import (
    ITEM_FIELDS,
    MAPPABLE_FIELDS,
    YEAR_FIELDS,
    CatalogueRecord,
    block,
    join_roles,
    one_line,
)


class MappingError(ValueError):
    """The mapping file is missing, unreadable or names fields we do not have."""


class CellError(ValueError):
    """A cell could not be read (for instance JSON that does not parse)."""


_STEP = re.compile(r"\.([^.\[\]]+)|\[(\d+|\*)\]")


@dataclass(frozen=True)
class FieldPath:
    text: str
    column: str
    steps: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def parse(cls, text: str) -> FieldPath:
        if not isinstance(text, str) or not text.strip():
            raise MappingError(f"a column must be a non-empty string, not {text!r}")
        text = text.strip()
        match = re.match(r"[^.\[\]]+", text)
        if not match:
            raise MappingError(f"cannot read the path {text!r}")
        column, rest, steps = match.group(0), text[match.end() :], []
        position = 0
        while position < len(rest):
            step = _STEP.match(rest, position)
            if not step:
                raise MappingError(f"cannot read the path {text!r} (at {rest[position:]!r})")
            if step.group(1) is not None:
                steps.append(("key", step.group(1)))
            elif step.group(2) == "*":
                steps.append(("all", None))
            else:
                steps.append(("index", int(step.group(2))))
            position = step.end()
        return cls(text, column, tuple(steps))

    def lookup(self, row: MappingABC[str, Any], parsed: dict[str, Any]):
        """The value at this path in a row (CSV: a dict of strings; JSON Lines: an object)."""
        if self.steps and self.text in row:  # a column literally called "a.b"
            return row[self.text]
        if self.column not in row:
            return None
        value = row[self.column]
        if not self.steps:
            return value
        if isinstance(value, str):
            if self.column in parsed:
                value = parsed[self.column]
            else:
                text = value.strip()
                try:
                    value = json.loads(text) if text else None
                except ValueError as error:
                    raise CellError(f"column {self.column!r} does not hold valid JSON ({error})") from None
                parsed[self.column] = value
        return _walk(value, self.steps)


def _walk(value, steps):
    for number, (kind, arg) in enumerate(steps):
        if value is None:
            return None
        if kind == "key":
            value = value.get(arg) if isinstance(value, dict) else None
        elif kind == "index":
            value = value[arg] if isinstance(value, list) and -len(value) <= arg < len(value) else None
        else:  # all
            if not isinstance(value, list):
                value = [value]
            rest = steps[number + 1 :]
            out = []
            for element in value:
                found = _walk(element, rest)
                if isinstance(found, list):
                    out.extend(found)
                else:
                    out.append(found)  # None too, so parallel paths (names, roles) stay in step
            return out
    return value


@dataclass
class Mapping:
    fields: dict[str, tuple[FieldPath, ...]]
    delimiter: str = ","
    encoding: str = "utf-8-sig"
    join: str = "; "
    origin: str = "<mapping>"
    identity: bool = False
    _literal_columns: frozenset = field(default_factory=frozenset, repr=False)

    @classmethod
    def load(cls, path) -> Mapping:
        path = FilePath(path)
        try:
            with path.open("rb") as handle:
                data = tomllib.load(handle)
        except FileNotFoundError:
            raise MappingError(f"mapping file not found: {path}") from None
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise MappingError(f"cannot read the mapping {path}: {error}") from None
        return cls.from_dict(data, origin=str(path))

    @classmethod
    def from_dict(cls, data: dict, origin: str = "<mapping>") -> Mapping:
        columns = data.get("fields")
        if not isinstance(columns, dict) or not columns:
            raise MappingError(f"{origin}: no [fields] table")
        unknown = sorted(set(columns) - set(MAPPABLE_FIELDS))
        if unknown:
            raise MappingError(
                f"{origin}: unknown field(s) {', '.join(unknown)}; known are {', '.join(MAPPABLE_FIELDS)}"
            )
        if "inventory_number" not in columns:
            raise MappingError(f"{origin}: the mapping must say which column holds inventory_number")
        fields = {}
        for name, spec in columns.items():
            specs = spec if isinstance(spec, list) else [spec]
            if not specs:
                raise MappingError(f"{origin}: {name} has an empty list of columns")
            try:
                fields[name] = tuple(FieldPath.parse(s) for s in specs)
            except MappingError as error:
                raise MappingError(f"{origin}: {name}: {error}") from None
        options = data.get("csv", {})
        if not isinstance(options, dict):
            raise MappingError(f"{origin}: [csv] must be a table")
        unknown = sorted(set(options) - {"delimiter", "encoding", "join"})
        if unknown:
            raise MappingError(f"{origin}: unknown [csv] option(s) {', '.join(unknown)}")
        delimiter = options.get("delimiter", ",")
        if not isinstance(delimiter, str) or len(delimiter) != 1:
            raise MappingError(f"{origin}: delimiter must be one character")
        encoding = options.get("encoding", "utf-8-sig")
        try:
            "".encode(encoding)
        except (LookupError, TypeError):
            raise MappingError(f"{origin}: unknown encoding {encoding!r}") from None
        return cls(fields, delimiter, encoding, str(options.get("join", "; ")), origin)

    @classmethod
    def identity_for(cls, columns=None) -> Mapping:
        """Columns (or keys) named like the fields themselves; for CSV only those in the header."""
        names = [n for n in MAPPABLE_FIELDS if columns is None or n in columns]
        if "inventory_number" not in names:
            raise MappingError(
                "no mapping given and the file has no inventory_number column (pass --mapping FILE.toml)"
            )
        return cls({n: (FieldPath(n, n),) for n in names}, origin="<identity>", identity=True)

    @property
    def field_names(self) -> frozenset[str]:
        """The DepotItem fields this mapping fills (others are left as they are)."""
        return frozenset(self.fields) & frozenset(ITEM_FIELDS)

    def check_columns(self, header: list[str]) -> None:
        """Every mapped field needs at least one of its columns in the header."""
        present = set(header)
        missing = []
        for name, paths in self.fields.items():
            if not any(p.text in present or p.column in present for p in paths):
                missing.append(f"{name} ({' or '.join(p.column for p in paths)})")
        if missing:
            raise MappingError(
                f"{self.origin}: column(s) not in the file: {', '.join(missing)}; the header has {', '.join(header)}"
            )

    def build(self, row: MappingABC[str, Any], position: int, unit: str = "line") -> CatalogueRecord:
        """A record from one row; cells that cannot be read become problems, never exceptions."""
        record = CatalogueRecord(source_position=position, position_unit=unit)
        parsed: dict[str, Any] = {}
        for name, paths in self.fields.items():
            value = None
            try:
                for path in paths:
                    value = path.lookup(row, parsed)
                    if not _empty(value):
                        break
            except CellError as error:
                record.problems.append(f"{name}: {error}")
                continue
            self._assign(record, name, value)
        if not record.inventory_number and not any(p.startswith("inventory_number") for p in record.problems):
            record.problems.insert(0, "no inventory number")
        return record

    def _assign(self, record: CatalogueRecord, name: str, value) -> None:
        if name in YEAR_FIELDS:
            if isinstance(value, list):
                value = [v for v in value if v not in (None, "")]
                value = value[0] if len(value) == 1 else (None if not value else value)
            if isinstance(value, (list, dict)):
                record.problems.append(f"{name}: {json.dumps(value)[:60]} is not a year")
                return
            record.set_year(name, value)
            return
        if isinstance(value, dict):
            record.problems.append(f"{name}: the column holds a JSON object, not a value (use a .key path)")
            return
        if isinstance(value, list):
            parts = [one_line(_text(v)) for v in value if not isinstance(v, (dict, list))]
            if name == "maker_role":
                text = join_roles(parts, self.join)
            else:
                text = self.join.join(p for p in parts if p)
        else:
            text = _text(value)
        text = block(text) if name == "description" else one_line(text)
        setattr(record, name, text)


def _empty(value) -> bool:
    if isinstance(value, list):
        return all(_empty(v) for v in value)
    return value is None or value == "" or value == {}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
