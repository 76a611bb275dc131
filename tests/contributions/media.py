"""Small real files for contribution tests, made on the spot (nothing downloaded)."""

from __future__ import annotations

import io
import math
import shutil
import struct
import subprocess
import tempfile
import wave
from pathlib import Path

from PIL import Image


def wav_bytes(seconds: float = 0.5, frequency: float = 440.0, rate: int = 8000) -> bytes:
    """A mono 16-bit PCM WAV of a sine tone."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = b"".join(
            struct.pack("<h", int(12000 * math.sin(2 * math.pi * frequency * i / rate)))
            for i in range(int(seconds * rate))
        )
        out.writeframes(frames)
    return buffer.getvalue()


def image_bytes(kind: str = "JPEG", size=(64, 48), colour=(200, 80, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, kind)
    return buffer.getvalue()


def heic_bytes(size=(64, 48), colour=(30, 120, 200)) -> bytes:
    """A real HEIC photo (what an iPhone sends), encoded by pillow-heif's libheif."""
    import pillow_heif

    buffer = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", size, colour)).save(buffer, quality=80)
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (255, 255, 255)).save(buffer, "PDF")
    return buffer.getvalue()


HTML = b"<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>"


def ffmpeg_file(extension: str, *args: str) -> bytes | None:
    """A short file made by ffmpeg from its test sources; None without ffmpeg or encoder."""
    ffmpeg = shutil.which("ffmpeg")
    if not ffmpeg:
        return None
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"out.{extension}"
        result = subprocess.run([ffmpeg, "-v", "error", "-y", *args, str(target)], capture_output=True, timeout=60)
        if result.returncode != 0 or not target.exists():
            return None
        return target.read_bytes()


def sine_audio(extension: str) -> bytes | None:
    return ffmpeg_file(extension, "-f", "lavfi", "-i", "sine=frequency=300:duration=1")


def video_file(extension: str) -> bytes | None:
    return ffmpeg_file(extension, "-f", "lavfi", "-i", "testsrc2=size=64x48:rate=5:duration=1", "-pix_fmt", "yuv420p")
