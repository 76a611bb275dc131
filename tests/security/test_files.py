"""Red team: files of accepted contributions, image bombs, and the inbox's downloads.

A contribution's PDF becomes a Wagtail document, its photos Wagtail images; both must
answer only through the same access rule as recordings (media/serving.py), under names
that are not the sender's, in the community's own collection. Real files throughout: a
PDF and PNGs made by Pillow, and a 20000x20000 PNG written with zlib by hand.
"""

import re
import struct
import zlib

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from contributions.models import Contribution, ContributionStatus
from contributions.services.review import ReviewError, accept_contribution
from core.choices import AccessLevel
from editorial.models import ConsentRecord
from editorial.services.consent import withdraw_consent
from tests.contributions import media
from tests.contributions.conftest import (  # noqa: F401  (fixtures)
    contributions_dir,
    empty_cache,
    form_data,
    language,
    upload,
)
from tests.contributions.factories import make_contribution

pytestmark = pytest.mark.django_db

SENDER_PDF = "Paspoort Maria Fernandes 1965.pdf"
SENDER_PNG = "IMG_Maria_Fernandes_kade.png"
SENDER_WORDS = ("Paspoort", "Maria", "Fernandes", "IMG_")


def bomb_png(width=20000, height=20000) -> bytes:
    """A valid 1-bit greyscale PNG of width x height, all black: ~60 KB on disk,
    400 million pixels once decoded (what a decompression bomb is)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + b"\x00" * ((width + 7) // 8)  # filter byte + packed bits
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(row * 1000) for _ in range(height // 1000)]
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b"")


def _accepted(community, user, *, kind="story", consent_uses=("online", "exhibition"), **fields):
    contribution = make_contribution(
        community,
        kind=kind,
        files=[(SENDER_PDF, media.pdf_bytes()), (SENDER_PNG, media.image_bytes("PNG", size=(80, 60)))],
        consent_uses=list(consent_uses),
        **fields,
    )
    page = accept_contribution(contribution, user).specific
    document = get_document_model().objects.get()
    image = get_image_model().objects.get()
    return page, document, image


def _publish(page):
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.live


def _urls(document, image):
    return {
        "document": document.url,
        "original": image.file.url,
        "rendition": image.get_rendition("max-40x40").url,
    }


def _status(client, url):
    response = client.get(url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    return response.status_code


@pytest.fixture
def story(community_a, curator_a):
    return _accepted(community_a, curator_a, title="De boot naar Rotterdam")


def test_files_of_a_draft_are_not_served_to_visitors(client, story, curator_b, member_a):
    _page, document, image = story
    for name, url in _urls(document, image).items():
        assert _status(client, url) == 404, name
    for user in (member_a, curator_b):
        client.force_login(user)
        for name, url in _urls(document, image).items():
            assert _status(client, url) == 404, (user.username, name)


def test_the_communitys_curator_and_staff_see_the_files_of_the_draft(client, story, curator_a, staff_user):
    _page, document, image = story
    for user in (curator_a, staff_user):
        client.force_login(user)
        for name, url in _urls(document, image).items():
            response = client.get(url)
            assert response.status_code == 200, (user.username, name)
            assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_page_presents_the_pdf_and_once_published_everyone_gets_the_files(client, story):
    page, document, image = story
    _publish(page)
    html = client.get(page.url).content.decode()
    assert document.url in html  # the draft links its PDF, so publishing it shows it
    for name, url in _urls(document, image).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert "public" in response["Cache-Control"], name
        assert response["X-Content-Type-Options"] == "nosniff"
    response = client.get(document.url)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_after_consent_is_withdrawn_the_files_are_gone(client, story, staff_user):
    page, document, image = story
    _publish(page)
    urls = _urls(document, image)
    assert all(_status(client, url) == 200 for url in urls.values())
    withdraw_consent(ConsentRecord.objects.get(pages=page), user=staff_user, note="Belde op")
    for name, url in urls.items():
        assert _status(client, url) == 404, name


def test_files_of_a_community_story_only_for_that_community(client, story, member_a, member_b, curator_b):
    page, document, image = story
    page.access_level = AccessLevel.COMMUNITY
    page.save_revision().publish()
    urls = _urls(document, image)
    for name, url in urls.items():
        assert _status(client, url) == 404, name
    for user in (member_b, curator_b):
        client.force_login(user)
        for name, url in urls.items():
            assert _status(client, url) == 404, (user.username, name)
    client.force_login(member_a)
    for name, url in urls.items():
        assert _status(client, url) == 200, name


def test_the_stored_names_and_titles_are_not_the_senders(story):
    page, document, image = story
    rendition = image.get_rendition("fill-30x30")
    for text in (document.url, document.file.name, document.title, image.file.url, image.title, rendition.url):
        for word in SENDER_WORDS:
            assert word.lower() not in text.lower(), text
    assert document.file.name.endswith(".pdf") and image.file.name.endswith(".png")
    assert document.title.startswith(page.title)


def test_the_uploads_folder_is_no_way_around_the_document_check(client, story, settings):
    page, document, _image = story
    assert _status(client, settings.MEDIA_URL + document.file.name) == 404
    settings.FILE_SERVING = "x-accel-redirect"
    assert _status(client, document.url) == 404  # the check comes before the offload
    _publish(page)
    settings.FILE_SERVING = "django"
    assert _status(client, document.url) == 200
    # Documents only at /documents/, where Wagtail's collection view restrictions apply too.
    assert _status(client, settings.MEDIA_URL + document.file.name) == 404


def test_a_published_document_is_offloaded_to_the_web_server(client, story, settings):
    page, document, _image = story
    _publish(page)
    settings.FILE_SERVING = "x-accel-redirect"
    response = client.get(document.url)
    assert response.status_code == 200 and response.content == b""
    assert response["X-Accel-Redirect"] == "/_protected_uploads/" + document.file.name


def test_a_document_url_with_another_file_name_is_refused(client, story):
    page, document, _image = story
    _publish(page)
    assert _status(client, f"/documents/{document.pk}/{SENDER_PDF}") == 404


def test_an_objects_pdf_is_linked_from_its_description(client, community_a, curator_a):
    page, document, image = _accepted(community_a, curator_a, kind="object", title="De zeemanskist")
    assert _status(client, document.url) == 404
    _publish(page)
    assert document.url in client.get(page.url).content.decode()
    assert _status(client, document.url) == 200 and _status(client, image.file.url) == 200


def test_a_document_id_out_of_any_range_is_a_plain_404(client, story):
    assert _status(client, "/documents/" + "9" * 40 + "/document.pdf") == 404


def test_curator_groups_made_earlier_get_the_document_rights(story, community_a, curator_a, client):
    from wagtail.models import GroupCollectionPermission

    from stories.services.roles import ensure_curator_collection_rights

    _page, document, _image = story
    GroupCollectionPermission.objects.filter(
        group=community_a.curator_group, permission__content_type__app_label="wagtaildocs"
    ).delete()
    client.force_login(curator_a)
    assert _status(client, document.url) == 404
    ensure_curator_collection_rights()
    ensure_curator_collection_rights()  # safe to run again (after every migrate)
    assert _status(client, document.url) == 200


def test_files_land_in_the_communitys_collection(story, community_a):
    _page, document, image = story
    assert document.collection.name == community_a.title
    assert image.collection.name == community_a.title


def test_another_communitys_curator_does_not_see_the_files_in_the_admin(client, story, curator_b, community_b):
    _page, document, image = story
    own = make_contribution(
        community_b,
        files=[("eigen.pdf", media.pdf_bytes()), ("eigen.png", media.image_bytes("PNG"))],
        title="Van Katendrecht",
    )
    accept_contribution(own, curator_b)
    own_document = get_document_model().objects.exclude(pk=document.pk).get()
    own_image = get_image_model().objects.exclude(pk=image.pk).get()
    client.force_login(curator_b)
    listings = (
        "wagtaildocs:index",
        "wagtaildocs_chooser:choose",
        "wagtailimages:index",
        "wagtailimages_chooser:choose",
    )
    for name in listings:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        body = response.content.decode()
        assert document.title not in body and image.title not in body, name
    assert own_document.title in client.get(reverse("wagtaildocs:index")).content.decode()
    assert own_image.title in client.get(reverse("wagtailimages:index")).content.decode()
    assert client.get(reverse("wagtaildocs:edit", args=[document.pk])).status_code in (302, 403, 404)
    assert client.get(reverse("wagtailimages:edit", args=[image.pk])).status_code in (302, 403, 404)


# --- Decompression bombs -------------------------------------------------------------


def _en_url(page):
    with translation.override("en"):
        return page.url


def _errors(response) -> str:
    found = re.findall(r'class="form__error"[^>]*>(.*?)</div>', response.content.decode(), re.S)
    return " ".join(re.sub(r"\s+", " ", m) for m in found)


def test_a_20000_by_20000_png_is_refused_by_the_form_with_a_clear_message(
    client, contribute_page, form_data, contributions_dir
):
    data = form_data(title="Het grote plein", pseudonym="Nha Nina")
    payload = dict(data, files=[upload("plein.png", bomb_png()), upload("opname.wav", media.wav_bytes())])
    response = client.post(_en_url(contribute_page), payload)
    assert response.status_code == 200
    errors = _errors(response)
    assert "“plein.png” is a picture of more than 100 million pixels" in errors, errors
    body = response.content.decode()
    assert 'value="Het grote plein"' in body and 'value="Maria Fernandes"' in body and 'value="Nha Nina"' in body
    assert "opname.wav" in body  # the good file is kept for the corrected form
    assert Contribution.objects.count() == 0


def test_the_bomb_message_is_dutch_on_the_dutch_form(client, contribute_page, form_data, contributions_dir):
    payload = dict(form_data(), files=[upload("plein.png", bomb_png())])
    with translation.override("nl"):
        url = contribute_page.url
    response = client.post(url, payload)
    assert response.status_code == 200
    assert "“plein.png” is een afbeelding van meer dan 100 miljoen pixels" in _errors(response)


def _slipped_in(contribution, name, content):
    """A file stored the way the form stored files before it checked pixels."""
    from contributions.models import ContributionFile
    from contributions.services.uploads import _store_bytes

    sha256, _created = _store_bytes(upload(name, content))
    return ContributionFile.objects.create(
        contribution=contribution,
        position=0,
        name=name,
        kind="image",
        content_type="image/png",
        size=len(content),
        sha256=sha256,
    )


def test_accepting_a_bomb_that_slipped_in_earlier_is_refused_with_a_message(client, community_a, curator_a):
    contribution = make_contribution(community_a, title="Het grote plein")
    _slipped_in(contribution, "plein.png", bomb_png())
    expected = "“plein.png” cannot become an image on the site: it has more than 100 million pixels"
    with translation.override("en"), pytest.raises(ReviewError, match=expected):
        accept_contribution(contribution, curator_a)
    client.force_login(curator_a)
    response = client.post(reverse("contributions_admin:accept", args=[contribution.pk]), follow=True)
    assert response.status_code == 200
    assert "“plein.png” kan geen afbeelding op de site worden" in response.content.decode()  # the admin is Dutch
    contribution.refresh_from_db()
    assert contribution.status != ContributionStatus.ACCEPTED
    assert get_document_model().objects.count() == 0 and get_image_model().objects.count() == 0


# --- The inbox's downloads --------------------------------------------------------------


@pytest.fixture
def inbox_pdf(community_a):
    contribution = make_contribution(
        community_a, files=[('rapport "geheim"\u202e.pdf', media.pdf_bytes()), ("opname.wav", media.wav_bytes())]
    )
    return contribution, list(contribution.files.all())


def _file_url(contribution, item):
    return reverse("contributions_admin:file", args=[contribution.pk, item.pk])


def _assert_attachment(response, item):
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;"), disposition
    assert "\u202e" not in disposition and "\n" not in disposition
    assert '"geheim"' not in disposition
    assert response["X-Content-Type-Options"] == "nosniff"


def test_inbox_files_are_downloads_not_inline(client, curator_a, inbox_pdf):
    contribution, (pdf, wav) = inbox_pdf
    client.force_login(curator_a)
    for item in (pdf, wav):
        response = client.get(_file_url(contribution, item))
        assert response.status_code == 200
        _assert_attachment(response, item)
    response = client.get(_file_url(contribution, wav), HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206
    _assert_attachment(response, wav)


def test_inbox_files_are_downloads_through_the_web_server_too(client, curator_a, inbox_pdf, settings):
    contribution, (pdf, _wav) = inbox_pdf
    client.force_login(curator_a)
    for header in ("X-Accel-Redirect", "X-Sendfile"):
        settings.FILE_SERVING = header.lower()
        response = client.get(_file_url(contribution, pdf))
        assert response.status_code == 200 and header in response
        _assert_attachment(response, pdf)
