"""Small, real media files for the demo, generated on the spot: nothing is downloaded.

- ``generative_image``: a JPEG of simple generative art with a caption on it (Pillow).
- ``speech_like_wav``: a few seconds of mono 16 kHz 16-bit PCM that sounds like a voice
  (harmonics shaped by vowel formants, consonant bursts, pauses), or a sung line.
- ``tiny_video``: a few seconds of MP4/WebM from ffmpeg's test sources, only when
  ``ffmpeg`` is on PATH; returns None otherwise.

Every generator is deterministic: the same seed gives the same picture or sound.
"""

from __future__ import annotations

import io
import math
import random
import shutil
import struct
import subprocess
import tempfile
import textwrap
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# Colours per community (and one for the depot), as hex; the first is the background.
PALETTES = {
    "kaapverdiaans": ["#0b3c7d", "#f7d116", "#cf2027", "#ffffff", "#4f7cc0"],
    "surinaams": ["#1f5d36", "#f5c400", "#b40a2d", "#ffffff", "#7fb069"],
    "katendrecht": ["#6d1119", "#d4a53c", "#1d1d1b", "#f3e6c8", "#a8332f"],
    "turks": ["#1b3a5c", "#e30a17", "#f4f1ea", "#2f7fb5", "#c9a227"],
    "antilliaans": ["#002b7f", "#f9e814", "#ffffff", "#2ab3e6", "#ef7d00"],
    "marokkaans": ["#7a2318", "#006233", "#c1272d", "#e6b85c", "#f2e3c6"],
    "depot": ["#2b2b2b", "#8c7b6b", "#d8cfc4", "#b5543c", "#5f7470"],
}

IMAGE_SIZE = (1200, 800)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


def _font(size: int):
    """DejaVu Sans when installed (covers ç, ş, ı, ã), else Pillow's bundled font."""
    for name in ("DejaVuSans.ttf", "LiberationSans-Regular.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow < 10.1
        return ImageFont.load_default()


def generative_image(seed: str, caption: str, palette: str = "depot", size=IMAGE_SIZE) -> bytes:
    """A JPEG of shapes in a community's colours, with the caption at the bottom."""
    rng = random.Random(seed)
    colours = [_rgb(c) for c in PALETTES.get(palette, PALETTES["depot"])]
    width, height = size
    background, *accents = colours

    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    # A soft vertical gradient from the background colour to a darker tone.
    for y in range(0, height, 4):
        t = y / height
        shade = tuple(int(c * (1 - 0.45 * t)) for c in background)
        draw.rectangle([0, y, width, y + 4], fill=shade)

    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    shapes = ImageDraw.Draw(layer)
    style = rng.choice(("circles", "waves", "weave", "rays"))
    if style == "circles":
        for _ in range(rng.randint(9, 16)):
            r = rng.randint(60, 320)
            x, y = rng.randint(-100, width + 100), rng.randint(-100, height)
            shapes.ellipse(
                [x - r, y - r, x + r, y + r],
                fill=(*rng.choice(accents), rng.randint(70, 170)),
            )
    elif style == "waves":
        for band in range(rng.randint(5, 9)):
            base = rng.randint(50, height - 100)
            amplitude, period = rng.randint(20, 90), rng.randint(250, 700)
            phase = rng.random() * math.tau
            thickness = rng.randint(30, 110)
            top = [(x, base + amplitude * math.sin(phase + x / period * math.tau)) for x in range(0, width + 25, 25)]
            bottom = [(x, y + thickness) for x, y in reversed(top)]
            shapes.polygon(top + bottom, fill=(*accents[band % len(accents)], rng.randint(90, 190)))
    elif style == "weave":  # a check like a koto, a handira or a market cloth
        step = rng.randint(60, 140)
        for i, x in enumerate(range(0, width, step)):
            shapes.rectangle(
                [x, 0, x + step // rng.randint(2, 4), height],
                fill=(*accents[i % len(accents)], 110),
            )
        for j, y in enumerate(range(0, height, step)):
            shapes.rectangle(
                [0, y, width, y + step // rng.randint(2, 4)],
                fill=(*accents[(j + 2) % len(accents)], 90),
            )
    else:  # rays from a low sun, like a harbour at dawn
        cx, cy = rng.randint(width // 4, 3 * width // 4), height + rng.randint(0, 200)
        rays = rng.randint(14, 26)
        for i in range(rays):
            a0 = math.pi + math.pi * i / rays
            a1 = a0 + math.pi / rays * rng.uniform(0.3, 0.8)
            far = width * 1.5
            shapes.polygon(
                [
                    (cx, cy),
                    (cx + far * math.cos(a0), cy + far * math.sin(a0)),
                    (cx + far * math.cos(a1), cy + far * math.sin(a1)),
                ],
                fill=(*rng.choice(accents), rng.randint(60, 140)),
            )
        r = rng.randint(90, 160)
        shapes.ellipse([cx - r, cy - 2 * r, cx + r, cy], fill=(*accents[0], 230))
    image.paste(layer, (0, 0), layer)

    # Caption band and a small label, so a visitor sees that this is a demo picture.
    lines = textwrap.wrap(caption, width=48)[:3] or [""]
    font, small = _font(38), _font(22)
    band_height = 40 + 50 * len(lines)
    band = Image.new("RGBA", (width, band_height), (0, 0, 0, 150))
    image.paste(band, (0, height - band_height), band)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text(
            (40, height - band_height + 22 + 50 * i),
            line,
            font=font,
            fill=(255, 255, 255),
        )
    draw.text((40, 28), "Brengkunst · demobeeld", font=small, fill=(255, 255, 255))

    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80, optimize=True, progressive=True)
    return out.getvalue()


# ----------------------------------------------------------------------------- audio

# Approximate formant frequencies (F1, F2) of a few vowels, in Hz.
_TABLE = 512  # wavetable length

_VOWELS = [
    (730, 1090),
    (530, 1840),
    (270, 2290),
    (570, 840),
    (300, 870),
    (660, 1720),
    (490, 1350),
]


def _vowel_table(vowel, f0, rate, cache) -> list[float]:
    """One period of a vowel at pitch f0 as a wavetable (harmonics shaped by formants).

    A lookup per sample instead of a sum of sines keeps generation fast in plain Python;
    tables are cached per vowel and pitch band (10 Hz).
    """
    key = (vowel, round(f0 / 10))
    if key in cache:
        return cache[key]
    f1, f2 = vowel
    harmonics = []
    for k in range(1, 9):
        f = k * f0
        if f > rate / 2 - 500:
            break
        weight = math.exp(-(((f - f1) / 180) ** 2)) + 0.6 * math.exp(-(((f - f2) / 260) ** 2)) + 0.08 / k
        harmonics.append((k, weight))
    norm = sum(w for _, w in harmonics) or 1.0
    table = [sum(w / norm * math.sin(k * math.tau * j / _TABLE) for k, w in harmonics) for j in range(_TABLE)]
    cache[key] = table
    return table


@dataclass(frozen=True)
class Sound:
    data: bytes
    seconds: float


def speech_like_wav(seed: str, seconds: float = 8.0, voice: str = "female", rate: int = 16000) -> Sound:
    """Mono 16-bit PCM WAV that sounds like someone talking (or singing) far away.

    Syllables are harmonic series with a falling pitch, shaped by vowel formants,
    each opened by a short noise burst (a consonant); words and phrases are
    separated by pauses. A little room noise runs underneath.
    """
    rng = random.Random(seed)
    base = {"male": 115.0, "female": 205.0, "sung": 240.0}.get(voice, 180.0)
    sung = voice == "sung"
    total = int(seconds * rate)
    signal = [0.0] * total
    t = int(0.25 * rate)  # a quarter second of room tone first
    scale = [
        0,
        2,
        3,
        5,
        7,
        8,
        10,
        12,
    ]  # a minor scale, in semitones, for the sung voice
    tables: dict = {}

    while t < total - int(0.3 * rate):
        phrase_syllables = rng.randint(4, 9) if not sung else rng.randint(3, 6)
        f0_start = base * rng.uniform(0.95, 1.15)
        for s in range(phrase_syllables):
            length = int(rate * (rng.uniform(0.12, 0.26) if not sung else rng.uniform(0.35, 0.7)))
            if t + length >= total - int(0.2 * rate):  # leave a little room tone at the end
                break
            if sung:
                f0 = base * 2 ** (rng.choice(scale) / 12)
            else:
                f0 = f0_start * (1 - 0.25 * s / phrase_syllables)  # pitch falls over a phrase
            vowel = rng.choice(_VOWELS)
            table = _vowel_table(vowel, f0, rate, tables)
            burst = int(rate * rng.uniform(0.015, 0.045)) if not sung and rng.random() < 0.7 else 0
            loudness = rng.uniform(0.45, 0.8) * 12000
            phase = 0.0
            depth, speed = (0.012, math.tau * 5.5 / rate) if sung else (0.004, 1 / 90)
            attack, release = length / 12, length / 6
            for i in range(length):
                envelope = 1.0
                if i < attack:
                    envelope = i / attack
                elif length - i < release:
                    envelope = (length - i) / release
                phase += f0 * (1 + depth * math.sin(speed * i)) / rate
                value = table[int(phase * _TABLE) % _TABLE]
                if i < burst:
                    value = value * (i / burst) + (rng.random() - 0.5) * 0.9 * (1 - i / burst)
                signal[t + i] += value * envelope * loudness
            t += length + (int(rate * rng.uniform(0.01, 0.05)) if not sung else int(rate * 0.04))
            if not sung and rng.random() < 0.25:
                t += int(rate * rng.uniform(0.08, 0.18))  # between words
        t += int(rate * rng.uniform(0.35, 0.8))  # between phrases

    # Room noise, low-passed by averaging, so the silences are not digital silence.
    samples = array("h", bytes(2 * total))
    previous = 0.0
    for i in range(total):
        previous = 0.85 * previous + 0.15 * (rng.random() - 0.5) * 900
        value = int(signal[i] + previous)
        samples[i] = 32767 if value > 32767 else -32767 if value < -32767 else value

    if struct.pack("=h", 1) != struct.pack("<h", 1):  # WAV is little-endian
        samples.byteswap()
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples.tobytes())
    return Sound(out.getvalue(), total / rate)


# ----------------------------------------------------------------------------- video


@dataclass(frozen=True)
class Video:
    data: bytes
    extension: str
    seconds: float
    width: int
    height: int


def ffmpeg_available() -> bool:
    return shutil.which("ffmpeg") is not None


def tiny_video(seconds: int = 4, width: int = 320, height: int = 240) -> Video | None:
    """A tiny video from ffmpeg's test pattern and a tone; None without a usable ffmpeg.

    Tries H.264/AAC in MP4 first, then VP9/Opus (or VP8/Vorbis) in WebM, whichever
    encoders this ffmpeg build has.
    """
    ffmpeg = shutil.which("ffmpeg")
    if not ffmpeg:
        return None
    sources = [
        "-f",
        "lavfi",
        "-i",
        f"testsrc2=size={width}x{height}:rate=15:duration={seconds}",
        "-f",
        "lavfi",
        "-i",
        f"sine=frequency=330:beep_factor=2:duration={seconds}",
    ]
    attempts = [
        (
            "mp4",
            [
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "32",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "48k",
                "-movflags",
                "+faststart",
            ],
        ),
        (
            "webm",
            ["-c:v", "libvpx-vp9", "-b:v", "150k", "-c:a", "libopus", "-b:a", "32k"],
        ),
        ("webm", ["-c:v", "libvpx", "-b:v", "150k", "-c:a", "libvorbis"]),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for extension, codecs in attempts:
            target = Path(tmp) / f"video.{extension}"
            command = [
                ffmpeg,
                "-hide_banner",
                "-loglevel",
                "error",
                "-y",
                *sources,
                *codecs,
                "-shortest",
                str(target),
            ]
            try:
                subprocess.run(command, check=True, capture_output=True, timeout=60)
            except (subprocess.SubprocessError, OSError):
                continue
            if target.exists() and target.stat().st_size:
                return Video(target.read_bytes(), extension, float(seconds), width, height)
    return None
