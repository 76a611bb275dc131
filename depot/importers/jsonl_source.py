"""Streaming JSON Lines exports: one JSON object per line, mapped like a CSV row.

The same TOML mapping as for CSV applies; a path walks into nested objects and lists
(``maker = "makers[0].name"``). A line that is not JSON, or not an object, comes out
as a record with problems; blank lines are skipped.
"""

from __future__ import annotations

import io
import json

from depot.importers.base import FileSource
from depot.importers.mapping import Mapping
from depot.importers.records import CatalogueRecord


class JsonLinesSource(FileSource):
    position_unit = "line"
    format_name = "jsonl"

    def __init__(self, source, mapping: Mapping | None = None):
        super().__init__(source)
        self.mapping = mapping or Mapping.identity_for(None)
        self.fields = self.mapping.field_names
        encoding = self.mapping.encoding
        self._text = io.TextIOWrapper(self._binary, encoding=encoding, errors="replace", newline="")

    def close(self):
        text = getattr(self, "_text", None)
        if text is not None and self._owns:
            text.close()
        else:
            if text is not None:
                text.detach()
            super().close()

    def __iter__(self):
        number = 0
        for line in self._text:
            number += 1
            text = line.strip()
            if not text:
                continue
            try:
                obj = json.loads(text)
            except ValueError as error:
                yield CatalogueRecord(
                    source_position=number,
                    problems=[f"the line is not valid JSON ({error})"],
                )
                continue
            if not isinstance(obj, dict):
                yield CatalogueRecord(
                    source_position=number,
                    problems=[f"the line holds a JSON {type(obj).__name__}, not an object"],
                )
                continue
            yield self.mapping.build(obj, number, "line")
