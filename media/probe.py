"""ffprobe and ffmpeg for uploaded recordings: what a file holds, and a poster frame.

Uploads are checked by reading them with the tools a player would need, not by trusting
the file name: a file that ffprobe cannot read, that has no audio (or, for a video, no
picture), that lasts no time, or whose first seconds do not decode is refused with a
message a curator understands. Every call runs without a shell, with a timeout, on a
path (never on user-supplied arguments), so a hostile file can hang or crash only the
child process. Debian's ``ffmpeg`` package provides both tools (bin/setup installs it).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

FFPROBE = "ffprobe"
FFMPEG = "ffmpeg"
PROBE_TIMEOUT = 30  # seconds: ffprobe reads headers, this is generous
DECODE_CHECK_SECONDS = 3  # decode this much of the start to prove the file plays
DECODE_TIMEOUT = 60
POSTER_TIMEOUT = 60
POSTER_MAX_WIDTH = 1280


class ProbeError(ValueError):
    """The file is refused; the message is for the person who uploaded it."""


class ToolMissing(RuntimeError):
    """ffprobe/ffmpeg is not installed: a setup problem, not the uploader's fault."""


@dataclass(frozen=True)
class ProbeResult:
    duration: float  # seconds
    size: int  # bytes
    format_name: str  # the container as ffprobe names it ("wav", "mov,mp4,m4a,3gp,3g2,mj2")
    audio_codec: str = ""
    video_codec: str = ""
    width: int | None = None
    height: int | None = None

    @property
    def has_video(self) -> bool:
        return bool(self.video_codec)

    @property
    def codecs(self) -> str:
        """'h264, aac' / 'pcm_s16le': what the model stores and the admin shows."""
        return ", ".join(codec for codec in (self.video_codec, self.audio_codec) if codec)


def available() -> bool:
    return shutil.which(FFPROBE) is not None and shutil.which(FFMPEG) is not None


def _run(arguments: list[str], timeout: int) -> subprocess.CompletedProcess:
    tool = arguments[0]
    if shutil.which(tool) is None:
        raise ToolMissing(f"{tool} is not installed (Debian package ffmpeg; bin/setup installs it)")
    try:
        return subprocess.run(  # noqa: S603 - fixed argument list, no shell
            arguments,
            capture_output=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as error:
        raise ProbeError(
            _("Reading the file took too long (more than %(seconds)s seconds); it may be damaged.")
            % {"seconds": timeout}
        ) from error


_TOOL_PREFIX = re.compile(r"^(?:\[[^\]]*\]\s*)+")


def _first_error_line(stderr: bytes) -> str:
    """ffmpeg's first complaint, without the '[mov,mp4 @ 0x55…]' prefix and the path."""
    for line in stderr.decode("utf-8", "replace").splitlines():
        line = _TOOL_PREFIX.sub("", line.strip())
        if line:
            return line.rsplit(": ", 1)[-1][:200] if line.startswith("/") else line[:200]
    return ""


def probe(path: str | Path, expected: str = "") -> ProbeResult:
    """Read duration, codecs and size; raise ProbeError when the file is not playable.

    ``expected`` is "audio" or "video" (the kind the curator is uploading): a video
    must have a picture stream; both must have sound or a picture and last some time.
    """
    path = Path(path)
    result = _run(
        [
            FFPROBE,
            "-v",
            "error",
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
            "--",
            str(path),
        ],
        PROBE_TIMEOUT,
    )
    if result.returncode != 0:
        detail = _first_error_line(result.stderr)
        raise ProbeError(
            _("This file cannot be read as audio or video (%(detail)s). Is it damaged, or not a recording?")
            % {"detail": detail or _("unknown format")}
        )
    try:
        info = json.loads(result.stdout or b"{}")
    except ValueError as error:
        raise ProbeError(_("This file cannot be read as audio or video.")) from error
    streams = info.get("streams") or []
    audio = next((s for s in streams if s.get("codec_type") == "audio"), None)
    # Cover art in an mp3 or m4a is a "video" stream with the attached_pic flag: not a picture track.
    video = next(
        (s for s in streams if s.get("codec_type") == "video" and not (s.get("disposition") or {}).get("attached_pic")),
        None,
    )
    if audio is None and video is None:
        raise ProbeError(_("This file holds no sound and no picture."))
    if expected == "video" and video is None:
        raise ProbeError(_("This file holds no picture: upload it as audio instead."))
    duration = _duration(info.get("format") or {}, audio or video)
    if duration <= 0:
        raise ProbeError(_("This file lasts no time: it holds no playable recording."))
    _check_decodes(path)
    fmt = info.get("format") or {}
    return ProbeResult(
        duration=duration,
        size=int(fmt.get("size") or path.stat().st_size),
        format_name=str(fmt.get("format_name") or "")[:100],
        audio_codec=str((audio or {}).get("codec_name") or "")[:40],
        video_codec=str((video or {}).get("codec_name") or "")[:40] if video else "",
        width=int(video["width"]) if video and video.get("width") else None,
        height=int(video["height"]) if video and video.get("height") else None,
    )


def _duration(fmt: dict, stream: dict | None) -> float:
    for value in (fmt.get("duration"), (stream or {}).get("duration")):
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            continue
        if seconds > 0:
            return seconds
    return 0.0


def _check_decodes(path: Path) -> None:
    """Decode the first seconds: headers can look fine on a file whose data is garbage."""
    result = _run(
        [
            FFMPEG,
            "-nostdin",
            "-v",
            "error",
            "-xerror",
            "-t",
            str(DECODE_CHECK_SECONDS),
            "-i",
            str(path),
            "-f",
            "null",
            "-",
        ],
        DECODE_TIMEOUT,
    )
    if result.returncode != 0:
        detail = _first_error_line(result.stderr)
        raise ProbeError(
            _("The start of this recording cannot be played (%(detail)s); the file is probably damaged.")
            % {"detail": detail or _("decoding failed")}
        )


def poster_frame(path: str | Path, duration: float) -> bytes:
    """A JPEG of one frame (a tenth into the video, at most 5 s in), scaled to ≤1280 px wide.

    Returns b"" when no frame could be taken: a poster is nice to have, and a video
    that probes and decodes is not refused for want of one.
    """
    at = max(0.0, min(5.0, duration / 10))
    result = _run(
        [
            FFMPEG,
            "-nostdin",
            "-v",
            "error",
            "-ss",
            f"{at:.3f}",
            "-i",
            str(path),
            "-frames:v",
            "1",
            "-vf",
            f"scale='min({POSTER_MAX_WIDTH},iw)':-2",
            "-f",
            "image2",
            "-c:v",
            "mjpeg",
            "pipe:1",
        ],
        POSTER_TIMEOUT,
    )
    if result.returncode != 0 or not result.stdout.startswith(b"\xff\xd8"):
        return b""
    return result.stdout
