"""What a file really is, from its first bytes: the name a sender gives proves nothing.

Only the formats a contribution may carry are recognised (audio, video, images, PDF).
Each signature yields the extensions that content may honestly carry: an ISO base
media file (MP4, M4A, MOV) cannot be told apart by its first bytes alone, so any of its
extensions is accepted, except that HEIC images are told apart by their brand.
"""

from __future__ import annotations

from dataclasses import dataclass

HEADER_BYTES = 4096

AUDIO, VIDEO, IMAGE, DOCUMENT = "audio", "video", "image", "document"

# Every extension a contribution may have, with its kind and the type it is served as.
EXTENSIONS = {
    "mp3": (AUDIO, "audio/mpeg"),
    "m4a": (AUDIO, "audio/mp4"),
    "wav": (AUDIO, "audio/wav"),
    "ogg": (AUDIO, "audio/ogg"),
    "flac": (AUDIO, "audio/flac"),
    "mp4": (VIDEO, "video/mp4"),
    "webm": (VIDEO, "video/webm"),
    "mov": (VIDEO, "video/quicktime"),
    "jpg": (IMAGE, "image/jpeg"),
    "jpeg": (IMAGE, "image/jpeg"),
    "png": (IMAGE, "image/png"),
    "webp": (IMAGE, "image/webp"),
    "heic": (IMAGE, "image/heic"),
    "pdf": (DOCUMENT, "application/pdf"),
}

HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}


@dataclass(frozen=True)
class Sniffed:
    """What the bytes say: a description for messages and the extensions that fit it."""

    description: str
    extensions: tuple[str, ...]


def sniff(header: bytes) -> Sniffed | None:
    """The format of a file from its first bytes (HEADER_BYTES are enough), or None."""
    if header.startswith(b"\xff\xd8\xff"):
        return Sniffed("JPEG image", ("jpg", "jpeg"))
    if header.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("PNG image", ("png",))
    if header[:4] == b"RIFF" and header[8:12] == b"WEBP":
        return Sniffed("WebP image", ("webp",))
    if header[:4] == b"RIFF" and header[8:12] == b"WAVE":
        return Sniffed("WAV audio", ("wav",))
    if header.startswith(b"%PDF-"):
        return Sniffed("PDF document", ("pdf",))
    if header.startswith(b"fLaC"):
        return Sniffed("FLAC audio", ("flac",))
    if header.startswith(b"OggS"):
        return Sniffed("Ogg audio", ("ogg",))
    if header.startswith(b"\x1a\x45\xdf\xa3"):
        # EBML: Matroska or WebM; the DocType element says which.
        if b"webm" in header[:64]:
            return Sniffed("WebM video", ("webm",))
        return None
    if header[4:8] == b"ftyp" and len(header) >= 12:
        return _iso_media(header)
    if _is_mp3(header):
        return Sniffed("MP3 audio", ("mp3",))
    return None


def _iso_media(header: bytes) -> Sniffed:
    """MP4, M4A, MOV or HEIC: ISO base media files, told apart by their brands."""
    box_size = int.from_bytes(header[:4], "big")
    brands = {header[8:12]}
    end = min(box_size, len(header)) if box_size >= 16 else 16
    brands.update(header[i : i + 4] for i in range(16, end - 3, 4))
    if header[8:12] in HEIF_BRANDS or (brands & HEIF_BRANDS and b"isom" not in brands):
        return Sniffed("HEIC image", ("heic",))
    if header[8:12] == b"qt  ":
        return Sniffed("QuickTime video", ("mov", "mp4", "m4a"))
    if header[8:12] in (b"M4A ", b"M4B "):
        return Sniffed("MPEG-4 audio", ("m4a", "mp4"))
    return Sniffed("MPEG-4 video", ("mp4", "m4a", "mov"))


def _is_mp3(header: bytes) -> bool:
    """An ID3 tag, or two consecutive MPEG audio frames (one sync word is too easy to fake)."""
    if header.startswith(b"ID3") and len(header) >= 10:
        return header[3] in (2, 3, 4) and all(b < 0x80 for b in header[6:10])
    length = _mpeg_frame_length(header, 0)
    return bool(length) and _mpeg_frame_length(header, length) is not None


_BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
_BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
_SAMPLE_RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


def _mpeg_frame_length(data: bytes, offset: int) -> int | None:
    """Length of the MPEG layer III frame at offset, or None when there is none."""
    if len(data) < offset + 4:
        return None
    b1, b2 = data[offset + 1], data[offset + 2]
    if data[offset] != 0xFF or (b1 & 0xE0) != 0xE0:
        return None
    version, layer = (b1 >> 3) & 0x03, (b1 >> 1) & 0x03
    bitrate_index, rate_index = (b2 >> 4) & 0x0F, (b2 >> 2) & 0x03
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    bitrates = _BITRATES_V1_L3 if version == 3 else _BITRATES_V2_L3
    sample_rate = _SAMPLE_RATES[version][rate_index]
    padding = (b2 >> 1) & 0x01
    factor = 144 if version == 3 else 72
    return factor * bitrates[bitrate_index] * 1000 // sample_rate + padding or None
