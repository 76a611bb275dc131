"""Handing a checked file to the web server: the one way every app sends private bytes.

Files behind an access check (recordings, images and documents under the uploads folder,
files sent through the contribution form) are answered by a Django view that decides who
may read them. Who then sends the bytes is one deployment choice, ``FILE_SERVING``:

- ``"django"``: a streamed ``FileResponse`` with single-range support (what <audio> and
  <video> seeking needs), for development and small sites;
- ``"x-accel-redirect"``: an empty answer with ``X-Accel-Redirect`` naming the file under
  an internal nginx location; nginx sends the bytes and handles Range. There is one
  location per storage root, each aliasing that root (``FILE_SERVING_PREFIXES``, keyed
  by root: ``"uploads"``, ``"contributions"``); a root whose prefix is empty has no
  such location, and Django streams its files;
- ``"x-sendfile"``: ``X-Sendfile`` with the absolute path (Apache mod_xsendfile, lighttpd).

The caller has checked access and adds its own headers (cache policy, disposition):
this module only builds the response that carries, or points to, the bytes.

Until this module, uploads and the contributions inbox each had a settings family of
their own (``UPLOADS_SERVE_MODE``/``UPLOADS_ACCEL_PREFIX`` and
``CONTRIBUTIONS_SENDFILE_HEADER``/``CONTRIBUTIONS_SENDFILE_PREFIX``). The deployment docs
named them, so ``from_environment`` still reads them for one release, with a warning.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Mapping
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import FileResponse, HttpResponse
from django.utils.http import http_date, parse_http_date_safe

MODES = ("django", "x-accel-redirect", "x-sendfile")
DEFAULT_PREFIXES = {"uploads": "/_protected_uploads/", "contributions": "/internal/contributions/"}

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def file_response(request, root: str, name: str, path, content_type: str) -> HttpResponse:
    """The answer that sends the file ``name`` (relative to the storage root ``root``,
    found on disk at ``path``), the way ``FILE_SERVING`` says."""
    mode = settings.FILE_SERVING
    if mode == "x-accel-redirect" and _internal_prefix(root):
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = _internal_prefix(root).rstrip("/") + "/" + quote(name)
        return response
    if mode == "x-sendfile":
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = str(path)
        return response
    if mode not in MODES:
        raise ImproperlyConfigured(f"FILE_SERVING must be one of {', '.join(MODES)}, not {mode!r}.")
    # "django", or a root without an internal nginx location.
    return ranged_file_response(request, path, content_type)


def _internal_prefix(root: str) -> str:
    try:
        return settings.FILE_SERVING_PREFIXES[root]
    except KeyError:
        raise ImproperlyConfigured(
            f"FILE_SERVING_PREFIXES has no internal location for {root!r} (FILE_SERVING is x-accel-redirect)."
        ) from None


def ranged_file_response(request, path, content_type: str):
    """A streamed answer for a file on disk, with one byte range when asked (what
    <audio>/<video> seeking needs). The caller has checked access."""
    stat = os.stat(path)
    size = stat.st_size
    last_modified = http_date(stat.st_mtime)
    byte_range = _requested_range(request, size, int(stat.st_mtime))
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    handle = open(path, "rb")  # noqa: SIM115  (closed by the response)
    if byte_range is None:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        start, end = byte_range
        handle.seek(start)
        response = FileResponse(_limited(handle, end - start + 1), status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
        response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    response["Last-Modified"] = last_modified
    return response


def _requested_range(request, size: int, mtime: int):
    """(start, end) inclusive, None for the whole file, or "unsatisfiable".

    One range only; several ranges (rare, and never from media players) get the whole
    file, which RFC 9110 allows. An If-Range that does not match the file's date also
    gets the whole file, so a client never splices two versions.
    """
    header = request.headers.get("Range", "").strip()
    if not header:
        return None
    if_range = request.headers.get("If-Range")
    if if_range and parse_http_date_safe(if_range) != mtime:
        return None
    match = _RANGE.match(header.replace(" ", ""))
    if not match:
        return None
    first, last = match.groups()
    if first == "" and last == "":
        return None
    if first == "":  # the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    if start >= size:
        return "unsatisfiable"
    end = min(int(last), size - 1) if last else size - 1
    if end < start:
        return None
    return start, end


def _limited(handle, length: int, chunk_size: int = 64 * 1024):
    """Yield ``length`` bytes from the handle's position, then close it."""
    try:
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(chunk_size, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        handle.close()


# --- settings ---------------------------------------------------------------------------
_OLD_HEADERS = {"x-accel-redirect": "x-accel-redirect", "x-sendfile": "x-sendfile"}
_OLD_PREFIX_NAMES = {"uploads": "UPLOADS_ACCEL_PREFIX", "contributions": "CONTRIBUTIONS_SENDFILE_PREFIX"}


def from_environment(environ: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """``FILE_SERVING`` and ``FILE_SERVING_PREFIXES`` from the environment (for the settings).

    New names: ``FILE_SERVING``, ``FILE_SERVING_UPLOADS_PREFIX``,
    ``FILE_SERVING_CONTRIBUTIONS_PREFIX``. The old names are still read, with a
    ``FutureWarning`` (shown by default: it is meant for whoever runs the site), when
    the new ones are not set; they will be ignored in the release after this one. The
    old names let uploads and the inbox leave differently; where one went through nginx
    and the other through Django, the Django one gets an empty prefix (Django streams
    it), so the site answers as before. Other mixtures cannot be written in one setting
    and stop the start with a message.
    """
    mode = environ.get("FILE_SERVING")
    django_roots: set[str] = set()
    if mode is None:
        mode, django_roots = _old_modes(environ)
    prefixes = {}
    for root, old_name in _OLD_PREFIX_NAMES.items():
        new_name = f"FILE_SERVING_{root.upper()}_PREFIX"
        value = environ.get(new_name)
        if value is None and old_name in environ:
            _deprecated(old_name, new_name)
            value = environ[old_name]
        if value is None:
            value = "" if root in django_roots else DEFAULT_PREFIXES[root]
        prefixes[root] = value
    return mode, prefixes


def _old_modes(environ: Mapping[str, str]) -> tuple[str, set[str]]:
    """The mode the old names asked for, and the roots that stay with Django."""
    uploads = environ.get("UPLOADS_SERVE_MODE") or "django"
    if "UPLOADS_SERVE_MODE" in environ:
        _deprecated("UPLOADS_SERVE_MODE", "FILE_SERVING")
    header = environ.get("CONTRIBUTIONS_SENDFILE_HEADER", "")
    contributions = "django"
    if header:
        _deprecated("CONTRIBUTIONS_SENDFILE_HEADER", "FILE_SERVING")
        if header.lower() not in _OLD_HEADERS:
            raise ImproperlyConfigured(
                f"CONTRIBUTIONS_SENDFILE_HEADER={header!r}: only X-Accel-Redirect and X-Sendfile are supported; "
                "set FILE_SERVING instead (docs/configuration.md)."
            )
        contributions = _OLD_HEADERS[header.lower()]
    if uploads == contributions:
        return uploads, set()
    if {uploads, contributions} == {"django", "x-accel-redirect"}:
        return "x-accel-redirect", {"uploads" if uploads == "django" else "contributions"}
    raise ImproperlyConfigured(
        f"UPLOADS_SERVE_MODE ({uploads}) and CONTRIBUTIONS_SENDFILE_HEADER ({header or 'unset'}) send files in "
        f"two ways; there is one setting now: set FILE_SERVING to one of {', '.join(MODES)} (docs/configuration.md)."
    )


def _deprecated(old_name: str, new_name: str) -> None:
    warnings.warn(
        f"The environment variable {old_name} is deprecated and will be ignored in the next release: "
        f"set {new_name} instead (docs/configuration.md).",
        FutureWarning,
        stacklevel=4,
    )
