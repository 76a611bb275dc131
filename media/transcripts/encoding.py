"""Bytes to text for transcript files that did not say their encoding."""

from __future__ import annotations

import codecs

_BOMS = (
    (
        codecs.BOM_UTF32_LE,
        "utf-32-le",
    ),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding name). One byte order mark is removed, never more.

    A BOM decides (UTF-8, UTF-16 LE/BE, UTF-32). Without one: UTF-16 when every other
    byte of the start is NUL (BOM-less UTF-16 from old Windows tools), else UTF-8 when
    the bytes are valid UTF-8, else Windows-1252, else Latin-1 (which decodes anything).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if encoding == "utf-8":
                text, used = _utf8_or_legacy(body)
                return text, "utf-8-sig" if used == "utf-8" else used
            return body.decode(encoding, errors="replace"), encoding
    sample = data[:400]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        odd_nuls = sample[1::2].count(0)
        even_nuls = sample[0::2].count(0)
        if odd_nuls > even_nuls * 4:
            return data.decode("utf-16-le", errors="replace"), "utf-16-le"
        if even_nuls > odd_nuls * 4:
            return data.decode("utf-16-be", errors="replace"), "utf-16-be"
    return _utf8_or_legacy(data)


def _utf8_or_legacy(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"
