"""Checking and storing the files the public sends.

A file is judged by its content (contributions.sniffing), never by its name; limits per
kind and in total come from settings. Storing streams the file in chunks and hashes it
on the way (or moves the temporary file the upload handler already hashed), and names
the stored bytes by their sha256 so the same file sent twice is stored once.

Files that pass while another field of the form is wrong are kept: the re-rendered form
carries a signed list of them (``sign_kept``), so the sender is not asked again. Kept
files nobody claims are removed later by ``delete_orphan_blobs``.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import unicodedata
import uuid
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.files.move import file_move_safe
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from contributions.sniffing import EXTENSIONS, HEADER_BYTES, sniff
from contributions.storage import blob_name, contribution_storage

CHUNK_SIZE = 1024 * 1024
KEPT_SALT = "contributions.kept-files"
KIND_LABELS = {
    "audio": "audio",
    "video": "video",
    "image": "image",
    "document": "PDF",
}


class UploadRefused(Exception):
    """A file we will not take; the message says why, naming the file."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class StoredUpload:
    """A file that passed every check and whose bytes are in storage."""

    sha256: str
    name: str
    kind: str
    content_type: str
    size: int


def accepted_extensions_text() -> str:
    groups = {}
    for extension, (kind, _type) in EXTENSIONS.items():
        if extension != "jpeg":
            groups.setdefault(kind, []).append(extension)
    return "; ".join(f"{_(KIND_LABELS[kind])}: {', '.join(extensions)}" for kind, extensions in groups.items())


# Bidirectional overrides and isolates can make "gpj.exe" look like "exe.jpg".
_INVISIBLE = re.compile("[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_UNSAFE = re.compile(r"[^\w\s.()\-+,]", re.UNICODE)


def sanitise_filename(name: str, max_length: int = 120) -> str:
    """A display- and disk-safe version of a sender's file name, keeping their letters.

    Paths, control and bidirectional-override characters and shell/HTML-special
    characters go; Arabic, Hebrew or accented letters stay. Never empty.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = _INVISIBLE.sub("", name)
    name = _UNSAFE.sub("_", name)
    name = re.sub(r"\s+", " ", name).strip()
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    extension = extension.lower()[:10]
    stem = stem[: max_length - len(extension) - 1].strip(" .") or "file"
    return f"{stem}.{extension}" if extension else stem


def _extension(name: str) -> str:
    return name.rpartition(".")[2].lower() if "." in name else ""


def check_upload(uploaded) -> tuple[str, str, str]:
    """(sanitised name, kind, content type) for an acceptable upload; raises UploadRefused."""
    name = sanitise_filename(uploaded.name)
    extension = _extension(name)
    if extension not in EXTENSIONS:
        raise UploadRefused(
            _("“%(name)s” is not a kind of file we can take. We accept %(accepted)s.")
            % {"name": name, "accepted": accepted_extensions_text()}
        )
    if not uploaded.size:
        raise UploadRefused(_("“%(name)s” is empty (0 bytes). Choose the file again.") % {"name": name})
    kind, content_type = EXTENSIONS[extension]
    limit = settings.CONTRIBUTION_MAX_BYTES[kind]
    if uploaded.size > limit:
        raise UploadRefused(
            _("“%(name)s” is %(size)s; %(kind)s files may be at most %(limit)s.")
            % {
                "name": name,
                "size": filesizeformat(uploaded.size),
                "kind": _(KIND_LABELS[kind]),
                "limit": filesizeformat(limit),
            }
        )
    uploaded.seek(0)
    header = uploaded.read(HEADER_BYTES)
    uploaded.seek(0)
    found = sniff(header)
    if found is None:
        raise UploadRefused(
            _(
                "“%(name)s” is called a .%(extension)s file, but its content is not "
                "audio, video, an image or a PDF that we recognise. Check that you chose the right file."
            )
            % {"name": name, "extension": extension}
        )
    if extension not in found.extensions:
        raise UploadRefused(
            _(
                "“%(name)s” is called a .%(extension)s file, but it contains a %(found)s. "
                "Choose the right file, or give it the right extension (.%(right)s)."
            )
            % {"name": name, "extension": extension, "found": found.description, "right": found.extensions[0]}
        )
    if kind == "image":
        problem = image_problem(uploaded)
        if problem == TOO_MANY_PIXELS:
            raise UploadRefused(
                _(
                    "“%(name)s” is a picture of more than %(limit)s million pixels, more than we "
                    "can show. Send a smaller version of the photo (most phones and scanners make "
                    "one under “share” or “export”)."
                )
                % {"name": name, "limit": max_image_megapixels()}
            )
        if problem == UNREADABLE:
            raise UploadRefused(
                _("“%(name)s” looks like an image, but it cannot be read; it may be damaged. Try saving it again.")
                % {"name": name}
            )
    return name, kind, content_type


TOO_MANY_PIXELS, UNREADABLE = "too-many-pixels", "unreadable"


def max_image_megapixels() -> str:
    return f"{settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS / 1_000_000:g}"


def image_problem(handle) -> str | None:
    """TOO_MANY_PIXELS, UNREADABLE or None for an image file (an open binary file).

    A few kilobytes of PNG can say 20000 x 20000 pixels: 1.2 GB once decoded, for every
    thumbnail. Only the header is read here (Pillow decodes nothing until asked); more
    pixels (all frames of an animation) than WAGTAILIMAGES_MAX_IMAGE_PIXELS, or Pillow's
    own decompression-bomb error, count as too many.
    """
    import willow.plugins.pillow  # noqa: F401  (registers the HEIC opener, as Wagtail does)
    from PIL import Image, UnidentifiedImageError

    handle.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(handle) as image:
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
    except Image.DecompressionBombError:
        return TOO_MANY_PIXELS
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return UNREADABLE
    finally:
        handle.seek(0)
    if width * height * frames > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
        return TOO_MANY_PIXELS
    return None


def too_large_message(name: str, size: int) -> str:
    """For a file the upload handler stopped receiving because it passed every limit."""
    return _("“%(name)s” is larger than %(limit)s, more than any file we can take.") % {
        "name": sanitise_filename(name),
        "limit": filesizeformat(max(settings.CONTRIBUTION_MAX_BYTES.values())),
    }


def check_total(sizes) -> str | None:
    """A message when the files together are too many or too large, else None."""
    sizes = list(sizes)
    if len(sizes) > settings.CONTRIBUTION_MAX_FILES:
        return _("Send at most %(count)d files at once; you chose %(chosen)d.") % {
            "count": settings.CONTRIBUTION_MAX_FILES,
            "chosen": len(sizes),
        }
    total = sum(sizes)
    if total > settings.CONTRIBUTION_MAX_TOTAL_BYTES:
        return _("Together your files are %(size)s; one contribution may be at most %(limit)s.") % {
            "size": filesizeformat(total),
            "limit": filesizeformat(settings.CONTRIBUTION_MAX_TOTAL_BYTES),
        }
    return None


def store_upload(uploaded) -> tuple[StoredUpload, bool]:
    """Check and store one upload; returns it and whether its bytes were new to storage."""
    name, kind, content_type = check_upload(uploaded)
    sha256, created = _store_bytes(uploaded)
    return StoredUpload(sha256, name, kind, content_type, uploaded.size), created


def store_incoming(incoming, kept_sizes=()) -> tuple[list[StoredUpload], set[str], list[str]]:
    """Check the total with the files already kept, then check and store each new upload.

    Returns the stored uploads, the hashes whose bytes were new to storage (to delete
    again if the caller refuses the whole sending) and the messages for what was
    refused; nothing is stored when the total is too large.
    """
    incoming = list(incoming)
    total_problem = check_total(list(kept_sizes) + [f.size for f in incoming])
    if total_problem:
        return [], set(), [total_problem]
    stored, new_blobs, problems = [], set(), []
    for incoming_file in incoming:
        try:
            item, created = store_upload(incoming_file)
        except UploadRefused as refused:
            problems.append(refused.message)
            continue
        stored.append(item)
        if created:
            new_blobs.add(item.sha256)
    return stored, new_blobs, problems


def _store_bytes(uploaded) -> tuple[str, bool]:
    storage = contribution_storage()
    root = Path(storage.location)
    temporary_dir = root / "tmp"
    temporary_dir.mkdir(parents=True, exist_ok=True)
    sha256 = getattr(uploaded, "sha256", None)
    if sha256 and storage.exists(blob_name(sha256)):
        return sha256, False
    temporary = temporary_dir / uuid.uuid4().hex
    if sha256 and hasattr(uploaded, "temporary_file_path"):
        # Hashed while it arrived: a rename on the same disk, a chunked copy otherwise.
        file_move_safe(uploaded.temporary_file_path(), str(temporary))
    else:
        digest = hashlib.sha256()
        uploaded.seek(0)
        with open(temporary, "wb") as out:
            for chunk in uploaded.chunks(CHUNK_SIZE):
                digest.update(chunk)
                out.write(chunk)
        sha256 = digest.hexdigest()
    final = Path(storage.path(blob_name(sha256)))
    if final.exists():
        temporary.unlink()
        return sha256, False
    final.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(temporary, settings.FILE_UPLOAD_PERMISSIONS or 0o640)
    os.replace(temporary, final)
    return sha256, True


def blob_path(sha256: str) -> Path:
    return Path(contribution_storage().path(blob_name(sha256)))


def delete_blobs_if_unused(sha256s) -> int:
    """Remove stored bytes no contribution file refers to (after a failed save)."""
    from contributions.models import ContributionFile

    used = set(ContributionFile.objects.filter(sha256__in=list(sha256s)).values_list("sha256", flat=True))
    removed = 0
    for sha256 in set(sha256s) - used:
        path = blob_path(sha256)
        if path.exists():
            path.unlink()
            removed += 1
    return removed


def delete_orphan_blobs(min_age_seconds: int | None = None) -> int:
    """Remove stored files no contribution refers to, once no kept-files token can claim them."""
    from contributions.models import ContributionFile

    if min_age_seconds is None:
        min_age_seconds = settings.CONTRIBUTION_KEEP_UPLOADS_SECONDS
    root = Path(contribution_storage().location)
    cutoff = time.time() - min_age_seconds
    candidates = {
        path.name: path
        for folder in ("blobs", "tmp")
        if (root / folder).exists()
        for path in (root / folder).rglob("*")
        if path.is_file() and path.stat().st_mtime < cutoff
    }
    used = set(ContributionFile.objects.filter(sha256__in=list(candidates)).values_list("sha256", flat=True))
    for name, path in candidates.items():
        if name not in used:
            path.unlink(missing_ok=True)
    return len(set(candidates) - used)


def sign_kept(uploads) -> str:
    """A tamper-proof list of stored files for the re-rendered form ('' for none)."""
    uploads = list(uploads)
    return signing.dumps([asdict(u) for u in uploads], salt=KEPT_SALT, compress=True) if uploads else ""


def unsign_kept(token: str) -> list[StoredUpload]:
    """The files a re-rendered form kept; raises signing.BadSignature when expired or forged.

    A file whose bytes are gone (cleaned up) is left out.
    """
    if not token:
        return []
    data = signing.loads(token, salt=KEPT_SALT, max_age=settings.CONTRIBUTION_KEEP_UPLOADS_SECONDS)
    uploads = [StoredUpload(**item) for item in data]
    return [u for u in uploads if blob_path(u.sha256).exists()]
