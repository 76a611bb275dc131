"""What every source shares: opening the file, knowing how far it has got, closing it."""

from __future__ import annotations

import io
import os
from pathlib import Path


class SourceError(Exception):
    """The file as a whole cannot be read (missing, empty, not CSV/XML at all, cut off).

    A single bad record is never a SourceError: it comes out as a record with problems.
    """


class FileSource:
    """A source reading from a path or an open binary file; use it as a context manager."""

    position_unit = "line"
    format_name = "?"

    def __init__(self, source):
        self._owns = False
        self.name = str(source) if isinstance(source, (str, os.PathLike)) else getattr(source, "name", "<stream>")
        if isinstance(source, (str, os.PathLike)):
            path = Path(source)
            if not path.is_file():
                raise SourceError(f"file not found: {path}")
            try:
                self._binary = path.open("rb")
            except OSError as error:
                raise SourceError(f"cannot open {path}: {error}") from None
            self._owns = True
            self._size = path.stat().st_size
        else:
            self._binary = source
            try:
                self._size = os.fstat(source.fileno()).st_size
            except (AttributeError, OSError, io.UnsupportedOperation):
                self._size = 0

    # the DepotItem fields this source fills; the sync leaves the others alone
    fields: frozenset[str] = frozenset()

    def fraction_done(self) -> float | None:
        """How much of the file has been read (0..1), or None when the size is unknown."""
        if not self._size:
            return None
        try:
            return min(self._binary.tell() / self._size, 1.0)
        except (OSError, ValueError):
            return None

    def close(self):
        if self._owns:
            self._binary.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
