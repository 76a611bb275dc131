"""Uploading a recording through wagtailmedia's admin: probed, refused when unplayable."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection

from media.models import OralHistoryMedia

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "pw")
    client.force_login(user)
    return client


def upload(client, media_type, name, data, **extra):
    return client.post(
        reverse("wagtailmedia:add", args=(media_type,)),
        {
            "title": extra.pop("title", "Interview"),
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "language": "nl",
            **extra,
        },
    )


def test_a_wav_upload_stores_duration_codecs_size_and_hash(admin_client, wav_file):
    data = wav_file.read_bytes()
    response = upload(admin_client, "audio", "interview.wav", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    recording = OralHistoryMedia.objects.get()
    assert recording.duration == pytest.approx(60, abs=0.05)
    assert recording.codecs == "pcm_u8"
    assert recording.container == "wav"
    assert recording.file_size == len(data)
    import hashlib

    assert recording.sha256 == hashlib.sha256(data).hexdigest()
    assert not recording.thumbnail


def test_a_video_upload_gets_a_poster_frame(admin_client, mp4_file):
    response = upload(admin_client, "video", "testbeeld.mp4", mp4_file.read_bytes())
    assert response.status_code == 302, response.content.decode()[:2000]
    recording = OralHistoryMedia.objects.get()
    assert (recording.width, recording.height) == (160, 120)
    assert recording.codecs == "h264, aac"
    assert recording.thumbnail.name.endswith(".jpg")
    with recording.thumbnail.open("rb") as handle:
        assert handle.read(2) == b"\xff\xd8"


def test_a_corrupt_file_is_refused_with_a_message_and_nothing_is_saved(admin_client, ffmpeg, settings):
    from pathlib import Path

    response = upload(admin_client, "audio", "kapot.mp3", b"\x00garbage" * 500)
    assert response.status_code == 200
    text = response.content.decode()
    assert "kan niet als audio of video gelezen worden" in text  # the admin speaks Dutch
    assert OralHistoryMedia.objects.count() == 0
    uploads = Path(settings.MEDIA_ROOT)
    assert not uploads.exists() or not any(p.is_file() for p in uploads.rglob("*"))


def test_a_truncated_video_is_refused(admin_client, mp4_file):
    data = mp4_file.read_bytes()
    response = upload(admin_client, "video", "half.mp4", data[: len(data) // 2])
    assert response.status_code == 200
    assert OralHistoryMedia.objects.count() == 0


def test_a_sound_file_uploaded_as_video_is_refused(admin_client, wav_file):
    response = upload(admin_client, "video", "sound.wav", wav_file.read_bytes())
    assert response.status_code == 200
    assert "bevat geen beeld" in response.content.decode()
    assert OralHistoryMedia.objects.count() == 0


def test_editing_the_title_does_not_probe_again(admin_client, wav_file, monkeypatch):
    upload(admin_client, "audio", "interview.wav", wav_file.read_bytes())
    recording = OralHistoryMedia.objects.get()
    from media import probe

    def fail(*args, **kwargs):
        raise AssertionError("probed again")

    monkeypatch.setattr(probe, "probe", fail)
    response = admin_client.post(
        reverse("wagtailmedia:edit", args=(recording.pk,)),
        {"title": "Nieuwe titel", "collection": recording.collection_id, "tags": "", "language": "nl"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    recording.refresh_from_db()
    assert recording.title == "Nieuwe titel"
    assert recording.duration == pytest.approx(60, abs=0.05)
