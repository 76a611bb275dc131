"""Real recordings made with ffmpeg for the media tests, and recordings/transcripts in the database.

ffmpeg missing: the tests that need it skip with a message locally and FAIL under CI or
REQUIRE_SERVICES=1 (as shared_data does), so a CI run cannot pass without them.
"""

import os
import subprocess
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from media import probe


@pytest.fixture(scope="session")
def ffmpeg():
    if not probe.available():
        message = "ffmpeg/ffprobe not installed (Debian package ffmpeg; bin/setup installs it)"
        if os.environ.get("CI") or os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return "ffmpeg"


def _ffmpeg(*arguments):
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *arguments], check=True, timeout=120)


def make_wav(path: Path, seconds: float = 60) -> Path:
    """A silent mono WAV (8 kHz, 8 bit: 60 s is 480 kB)."""
    _ffmpeg("-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", str(seconds), "-c:a", "pcm_u8", str(path))
    return path


def make_mp4(path: Path, seconds: float = 3) -> Path:
    """A small H.264/AAC video with a test picture and a tone."""
    _ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=160x120:rate=10",
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=8000",
        "-t",
        str(seconds),
        "-c:v",
        "libx264",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-shortest",
        str(path),
    )
    return path


@pytest.fixture(scope="session")
def wav_file(ffmpeg, tmp_path_factory):
    return make_wav(tmp_path_factory.mktemp("recordings") / "silence-60s.wav", 60)


@pytest.fixture(scope="session")
def mp4_file(ffmpeg, tmp_path_factory):
    return make_mp4(tmp_path_factory.mktemp("recordings") / "testbeeld.mp4", 3)


def make_recording(title="Interview Maria", media_type="audio", duration=60.0, data=b"RIFF", name="interview.wav"):
    from wagtail.models import Collection

    from media.models import OralHistoryMedia

    recording = OralHistoryMedia(
        title=title, type=media_type, duration=duration, collection=Collection.get_first_root_node()
    )
    recording.file.save(name, ContentFile(data), save=False)
    recording.save()
    return recording


@pytest.fixture
def recording(db):
    return make_recording()
