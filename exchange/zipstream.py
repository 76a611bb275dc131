"""A zip written as it is read: the export streams instead of building the archive first.

``zipfile`` writes to any object with ``write``; given one that cannot seek, it puts each
entry's sizes in a data descriptor after the data (zip64 where needed), so nothing is held
back. ``ZipStream`` collects what zipfile writes and hands it on in chunks: memory stays
at one chunk plus one JSON document, whatever the size of the files.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

CHUNK = 1024 * 1024


class _Sink(io.RawIOBase):
    """Where zipfile writes; cannot seek, so zipfile streams (see the module docstring)."""

    def __init__(self):
        self._chunks: list[bytes] = []
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        self.written += len(data)
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


class ZipStream:
    """Entries go in with ``add_bytes``/``add_file``; each returns the bytes ready to send."""

    def __init__(self):
        self._sink = _Sink()
        self._zip = zipfile.ZipFile(self._sink, mode="w", allowZip64=True)

    @property
    def written(self) -> int:
        """Bytes of the archive produced so far."""
        return self._sink.written

    def add_bytes(self, name: str, data: bytes, *, compress: bool = True) -> bytes:
        info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        self._zip.writestr(info, data)
        return self._sink.take()

    def add_file(self, name: str, source, *, compress: bool = False) -> Iterator[bytes]:
        """Copy an open binary file in chunks; recordings and photos are compressed already."""
        info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        with self._zip.open(info, mode="w", force_zip64=True) as entry:
            while chunk := source.read(CHUNK):
                entry.write(chunk)
                yield self._sink.take()
        yield self._sink.take()

    def close(self) -> bytes:
        self._zip.close()
        return self._sink.take()
