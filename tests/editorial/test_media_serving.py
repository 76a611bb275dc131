"""Uploaded files only through the access check: recordings and images of restricted pages.

Real files: a WAV and an MP3 made by ffmpeg, a PNG made by Pillow, stored in the (temporary)
uploads folder; requests go through the real URL the templates print.
"""

import io
import subprocess
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Collection

from core.choices import AccessLevel
from media.models import OralHistoryMedia
from tests.factories import HeritageObjectPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


def audio_bytes(seconds=2):
    """A real MP3 from ffmpeg (a sine tone)."""
    result = subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"sine=frequency=440:duration={seconds}",
            "-codec:a",
            "libmp3lame",
            "-b:a",
            "64k",
            "-f",
            "mp3",
            "pipe:1",
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )
    return result.stdout


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def make_recording(title="Interview"):
    return OralHistoryMedia.objects.create(
        title=title,
        type="audio",
        duration=2,
        file=ContentFile(audio_bytes(), name="interview.mp3"),
        collection=Collection.get_first_root_node(),
    )


def make_image(title="Foto"):
    return Image.objects.create(title=title, file=ContentFile(png_bytes(), name="foto.png"))


def story_with(parent, recording, **kwargs):
    return StoryPageFactory(parent=parent, main_media=recording, **kwargs)


@pytest.fixture
def public_recording(community_a):
    recording = make_recording("Openbaar")
    story_with(community_a, recording, title="Openbaar verhaal")
    return recording


@pytest.fixture
def community_recording(community_a):
    recording = make_recording("Alleen voor de gemeenschap")
    story_with(community_a, recording, title="Gemeenschapsverhaal", access_level=AccessLevel.COMMUNITY)
    return recording


def test_urls_do_not_change_for_templates(public_recording, settings):
    assert public_recording.url.startswith(settings.MEDIA_URL + "media/")


def test_public_recording_is_served_with_a_public_cache_header(client, public_recording):
    response = client.get(public_recording.url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    public_recording.file.open("rb")
    assert body == public_recording.file.read()
    public_recording.file.close()
    assert response["Content-Type"] == "audio/mpeg"
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["Accept-Ranges"] == "bytes"


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 404),
        ("member_b", 404),
        ("curator_b", 404),
        ("member_a", 200),
        ("curator_a", 200),
        ("staff_user", 200),
    ],
)
def test_community_recording_only_for_its_community(request, client, community_recording, who, status):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(community_recording.url)
    assert response.status_code == status
    if status == 200:
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert len(b"".join(response.streaming_content)) == community_recording.file.size


def test_embargoed_story_media_is_hidden_until_the_date(client, community_a, member_a, staff_user):
    recording = make_recording("Onder embargo")
    story_with(community_a, recording, embargo_until=timezone.localdate() + timedelta(days=30))
    assert client.get(recording.url).status_code == 404
    client.force_login(member_a)
    assert client.get(recording.url).status_code == 404
    client.force_login(staff_user)
    assert client.get(recording.url).status_code == 200


def test_recording_of_a_draft_only_for_those_who_may_edit_it(client, community_a, staff_user, curator_b):
    recording = make_recording("Concept")
    story_with(community_a, recording, live=False)
    assert client.get(recording.url).status_code == 404
    client.force_login(curator_b)  # no rights on the root collection
    assert client.get(recording.url).status_code == 404
    client.force_login(staff_user)
    assert client.get(recording.url).status_code == 200


def test_a_stray_file_in_the_uploads_folder_is_not_served(client, settings):
    from django.core.files.storage import default_storage

    name = default_storage.save("media/stray.mp3", ContentFile(b"ID3 not a recording of anyone"))
    assert client.get(settings.MEDIA_URL + name).status_code == 404


@pytest.mark.parametrize("path", ["../settings.py", "media/../../etc/passwd", "media//x.mp3", "%2e%2e/secret"])
def test_paths_outside_the_uploads_folder_are_refused(client, settings, path, public_recording):
    assert client.get(settings.MEDIA_URL + path).status_code == 404


def test_range_requests_for_seeking(client, public_recording):
    size = public_recording.file.size
    public_recording.file.open("rb")
    data = public_recording.file.read()
    public_recording.file.close()

    response = client.get(public_recording.url, HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{size}"
    assert response["Content-Length"] == "100"
    assert b"".join(response.streaming_content) == data[100:200]

    response = client.get(public_recording.url, HTTP_RANGE="bytes=-50")
    assert response.status_code == 206 and b"".join(response.streaming_content) == data[-50:]

    response = client.get(public_recording.url, HTTP_RANGE="bytes=1000-")
    assert response.status_code == 206 and b"".join(response.streaming_content) == data[1000:]
    assert response["Content-Range"] == f"bytes 1000-{size - 1}/{size}"

    response = client.get(public_recording.url, HTTP_RANGE=f"bytes={size}-")
    assert response.status_code == 416 and response["Content-Range"] == f"bytes */{size}"

    response = client.get(public_recording.url, HTTP_RANGE="bytes=0-10", HTTP_IF_RANGE="Wed, 21 Oct 2015 07:28:00 GMT")
    assert response.status_code == 200 and b"".join(response.streaming_content) == data

    response = client.get(public_recording.url, HTTP_RANGE="bytes=0-1,5-6")
    assert response.status_code == 200


def test_range_requests_on_a_restricted_file_still_check_access(client, community_recording, member_a):
    assert client.get(community_recording.url, HTTP_RANGE="bytes=0-99").status_code == 404
    client.force_login(member_a)
    assert client.get(community_recording.url, HTTP_RANGE="bytes=0-99").status_code == 206


def test_images_of_a_community_object_and_their_renditions(client, community_a, member_a, member_b):
    image = make_image("Draagdoek")
    obj = HeritageObjectPageFactory(parent=community_a, access_level=AccessLevel.COMMUNITY)
    obj.images.create(image=image, alt_text="Een draagdoek")
    obj.save()
    rendition = image.get_rendition("max-40x40")
    for url in (image.file.url, rendition.url):
        assert client.get(url).status_code == 404, url
    client.force_login(member_b)
    assert client.get(rendition.url).status_code == 404
    client.force_login(member_a)
    for url in (image.file.url, rendition.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/png"


def test_image_in_a_public_storys_body_is_public(client, community_a):
    image = make_image("Haven")
    StoryPageFactory(parent=community_a, body=[("image", {"image": image, "alt_text": "De haven", "caption": ""})])
    response = client.get(image.get_rendition("width-32").url)
    assert response.status_code == 200 and "public" in response["Cache-Control"]


def test_unused_image_is_only_for_the_admin(client, staff_user):
    image = make_image("Los")
    assert client.get(image.file.url).status_code == 404
    client.force_login(staff_user)
    assert client.get(image.file.url).status_code == 200


def test_offloading_to_nginx_and_sendfile(client, settings, public_recording, community_recording):
    settings.FILE_SERVING = "x-accel-redirect"
    response = client.get(public_recording.url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == "/_protected_uploads/" + public_recording.file.name
    assert client.get(community_recording.url).status_code == 404  # the check still comes first
    settings.FILE_SERVING = "x-sendfile"
    response = client.get(public_recording.url)
    assert response["X-Sendfile"] == public_recording.file.path


def test_a_root_without_an_internal_location_is_streamed_by_django(client, settings, public_recording):
    settings.FILE_SERVING = "x-accel-redirect"
    settings.FILE_SERVING_PREFIXES = {**settings.FILE_SERVING_PREFIXES, "uploads": ""}
    response = client.get(public_recording.url)
    assert response.status_code == 200 and "X-Accel-Redirect" not in response
    assert b"".join(response.streaming_content)


def test_head_requests_and_no_writes(client, public_recording):
    assert client.head(public_recording.url).status_code == 200
    assert client.post(public_recording.url).status_code == 405


def test_a_story_counts_for_its_main_recording_even_while_the_reference_index_is_behind(community_a):
    """media finds pages pointing at a file by foreign key through the model's (hidden)
    reverse relations, without importing stories; the reference index alone may lag."""
    from wagtail.models import ReferenceIndex

    from media.serving import page_ids_using

    recording = make_recording()
    story = story_with(community_a, recording)
    ReferenceIndex.objects.all().delete()
    assert story.pk in page_ids_using(recording)
