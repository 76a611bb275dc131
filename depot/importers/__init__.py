"""Import and sync of catalogue records from the collection system's exports.

    from depot.importers import open_source
    from depot.importers.sync import sync_catalogue

    with open_source("export.xml") as records:          # csv, jsonl or lido
        result = sync_catalogue(records, report="report.csv")

Sources (csv_source, jsonl_source, lido_source) stream a file into CatalogueRecord
objects and never touch the database; sync.sync_catalogue writes them. The command
is ``manage.py import_catalogue``.
"""

from __future__ import annotations

from pathlib import Path

from depot.importers.base import SourceError
from depot.importers.mapping import Mapping, MappingError
from depot.importers.records import CatalogueRecord

FORMATS = ("csv", "jsonl", "lido")
EXTENSIONS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".xml": "lido",
    ".lido": "lido",
}
MAPPINGS_DIR = Path(__file__).resolve().parent / "mappings"


def guess_format(path) -> str | None:
    return EXTENSIONS.get(Path(path).suffix.lower())


def open_source(path, format: str | None = None, mapping: Mapping | str | Path | None = None):
    """A source for the file; use it in a ``with`` block. Raises SourceError or MappingError."""
    format = format or guess_format(path)
    if format not in FORMATS:
        raise SourceError(
            f"cannot tell the format of {path} from its extension; say which with --format ({', '.join(FORMATS)})"
        )
    if mapping is not None and not isinstance(mapping, Mapping):
        mapping = Mapping.load(mapping)
    if format == "csv":
        from depot.importers.csv_source import CsvSource

        return CsvSource(path, mapping)
    if format == "jsonl":
        from depot.importers.jsonl_source import JsonLinesSource

        return JsonLinesSource(path, mapping)
    if mapping is not None:
        raise MappingError("a column mapping is for CSV and JSON Lines; LIDO has fixed fields")
    from depot.importers.lido_source import LidoSource

    return LidoSource(path)


__all__ = [
    "CatalogueRecord",
    "Mapping",
    "MappingError",
    "SourceError",
    "guess_format",
    "open_source",
]
