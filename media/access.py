"""Who may read a recording's transcript: exactly who may read the recording's file.

A recording has no access level of its own; the pages that present it do. The rule for
the file lives in media.serving (``can_read``: the user may edit the recording in the
admin, or a live page using it is readable by them); a transcript and its WebVTT export
follow the same rule, through these two functions, so the words are never more public
than the sound.
"""

from __future__ import annotations


def _uploaded(media):
    from media.serving import UploadedFile

    return UploadedFile(media.file.name, media, "media")


def can_read_media(user, media, request=None) -> bool:
    from media import serving

    return serving.can_read(user, _uploaded(media), request)


def is_publicly_readable(media) -> bool:
    """True when an anonymous visitor may read it (the export may then be cached publicly)."""
    from media import serving

    return serving.is_public(_uploaded(media))
