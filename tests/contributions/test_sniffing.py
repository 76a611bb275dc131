"""Files are recognised by their bytes: real files pass, disguised ones do not."""

import pytest

from contributions.services.uploads import sanitise_filename
from contributions.sniffing import sniff
from tests.contributions import media


@pytest.mark.parametrize(
    ("content", "extension"),
    [
        (media.wav_bytes(), "wav"),
        (media.image_bytes("JPEG"), "jpg"),
        (media.image_bytes("PNG"), "png"),
        (media.image_bytes("WEBP"), "webp"),
        (media.pdf_bytes(), "pdf"),
    ],
)
def test_real_files_are_recognised(content, extension):
    found = sniff(content[:4096])
    assert found is not None and extension in found.extensions


@pytest.mark.parametrize(
    ("maker", "extension"),
    [
        (lambda: media.sine_audio("mp3"), "mp3"),
        (lambda: media.sine_audio("flac"), "flac"),
        (lambda: media.sine_audio("ogg"), "ogg"),
        (lambda: media.sine_audio("m4a"), "m4a"),
        (lambda: media.video_file("mp4"), "mp4"),
        (lambda: media.video_file("webm"), "webm"),
        (lambda: media.video_file("mov"), "mov"),
    ],
)
def test_ffmpeg_made_media_are_recognised(maker, extension):
    content = maker()
    if content is None:
        pytest.skip(f"this ffmpeg cannot write .{extension}")
    found = sniff(content[:4096])
    assert found is not None, extension
    assert extension in found.extensions


def test_heic_brand_is_an_image_not_a_video():
    header = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    assert sniff(header).extensions == ("heic",)
    assert sniff(media.heic_bytes()).extensions == ("heic",)  # a real one, from libheif


@pytest.mark.parametrize(
    "content",
    [
        media.HTML,
        b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>",
        b"MZ\x90\x00" + b"\x00" * 100,  # a Windows program
        b"PK\x03\x04" + b"\x00" * 100,  # a zip
        b"\xff\xfb" + b"\x00" * 100,  # one fake MPEG sync word, no real frames
        b"RIFF\x00\x00\x00\x00AVI LIST",
        b"",
    ],
)
def test_other_content_is_not_recognised(content):
    assert sniff(content) is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd.mp3", "passwd.mp3"),
        ("C:\\Users\\maria\\opname 1.WAV", "opname 1.wav"),
        ("foto\u202egpj.exe", "fotogpj.exe"),
        ("ذكريات الميناء.jpg", "ذكريات الميناء.jpg"),
        ("זיכרונות.png", "זיכרונות.png"),
        ("<script>.png", "_script_.png"),
        ("   .mp3", "file.mp3"),
        ("a" * 300 + ".flac", "a" * 115 + ".flac"),
    ],
)
def test_file_names_are_sanitised(given, expected):
    assert sanitise_filename(given) == expected
