"""Streaming CSV exports: one record per row, with the line the row starts on.

The file is read as text with ``encoding="utf-8-sig"`` (a BOM is dropped) and
``newline=""``, so CRLF endings and newlines inside quoted cells are the csv module's
business. Only one row is held at a time.

A bad row never stops the reading: a row with too many or too few cells, a cell whose
JSON does not parse or a year that is not a year comes out as a record with problems.
A quote that is never closed makes the csv module swallow the lines after it into one
cell; when a row spans several lines and has the wrong number of cells, the first
line is reported and reading resumes on the line after it (the csv module's field
size limit, 128 KiB, bounds how much can be swallowed).
"""

from __future__ import annotations

import csv
import io
from collections import deque

from depot.importers.base import FileSource, SourceError
from depot.importers.mapping import Mapping
from depot.importers.records import CatalogueRecord


class _Lines:
    """The physical lines of a text stream, numbered, with a way to read some again."""

    def __init__(self, stream):
        self._stream = stream
        self._again: deque[tuple[int, str]] = deque()
        self._number = 0
        self.current: list[tuple[int, str]] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self._again:
            item = self._again.popleft()
        else:
            line = next(self._stream)  # StopIteration ends the csv reader
            self._number += 1
            item = (self._number, line)
        self.current.append(item)
        return item[1]

    def start_record(self):
        self.current = []

    def first_line(self) -> int:
        return self.current[0][0] if self.current else self._number + 1

    def read_again(self, items):
        self._again.extendleft(reversed(items))


class CsvSource(FileSource):
    position_unit = "line"
    format_name = "csv"

    def __init__(self, source, mapping: Mapping | None = None):
        super().__init__(source)
        try:
            self._open(mapping)
        except BaseException:
            self.close()
            raise

    def _open(self, mapping):
        encoding = mapping.encoding if mapping else "utf-8-sig"
        delimiter = mapping.delimiter if mapping else ","
        # errors="replace": a stray byte must not stop a run of 500,000 rows; the
        # replacement character shows up in the report (see _check_text).
        self._text = io.TextIOWrapper(self._binary, encoding=encoding, errors="replace", newline="")
        self._lines = _Lines(self._text)
        self._reader = csv.reader(self._lines, delimiter=delimiter)
        try:
            header = next(self._reader)
            while not any(cell.strip() for cell in header):
                header = next(self._reader)
        except StopIteration:
            raise SourceError(f"{self.name}: the file is empty (no header row)") from None
        except csv.Error as error:
            raise SourceError(f"{self.name}: cannot read the header row: {error}") from None
        self.header = [cell.strip() for cell in header]
        self.mapping = mapping or Mapping.identity_for(self.header)
        self.mapping.check_columns(self.header)
        self.fields = self.mapping.field_names

    def close(self):
        text = getattr(self, "_text", None)
        if text is not None and self._owns:
            text.close()  # closes the binary file too
        else:
            if text is not None:
                text.detach()
            super().close()

    def __iter__(self):
        width = len(self.header)
        lines = self._lines
        while True:
            lines.start_record()
            try:
                row = next(self._reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield self._resume_after_first_line(f"the row cannot be read as CSV ({error})")
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # blank line
            if len(row) != width:
                reason = f"the row has {len(row)} cells where the header has {width}"
                if len(lines.current) > 1:
                    yield self._resume_after_first_line(
                        f"{reason}, over lines {lines.current[0][0]}-{lines.current[-1][0]}"
                        " (a quote that is never closed?)"
                    )
                else:
                    yield self._bad(lines.first_line(), reason, row)
                continue
            record = self.mapping.build(dict(zip(self.header, row, strict=True)), lines.first_line(), "line")
            _check_text(record)
            yield record

    def _resume_after_first_line(self, reason) -> CatalogueRecord:
        first = self._lines.first_line()
        first_text = self._lines.current[0][1] if self._lines.current else ""
        self._lines.read_again(self._lines.current[1:])
        cells = next(csv.reader([first_text], delimiter=self.mapping.delimiter), [])
        return self._bad(first, reason, cells)

    def _bad(self, line, reason, cells) -> CatalogueRecord:
        record = CatalogueRecord(source_position=line, position_unit="line", problems=[reason])
        # name the inventory number when it can be told from the broken row
        paths = self.mapping.fields["inventory_number"]
        column = paths[0].column
        if column in self.header:
            index = self.header.index(column)
            if index < len(cells) and not paths[0].steps:
                record.inventory_number = cells[index].strip()[:100]
        return record


def _check_text(record: CatalogueRecord) -> None:
    for name in ("inventory_number", "title"):
        if "\ufffd" in getattr(record, name):
            record.problems.append(f"{name}: bytes that are not valid in the file's encoding")
