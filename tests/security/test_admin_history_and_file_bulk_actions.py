"""Two admin doors the red team found open after the trust fixes: the site history named
another community's people by real name, and the image/document bulk-action pages named
files of another community's collection. Each reader still sees their own."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log

from stories.services.roles import _community_collection
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), (1, 2, 3)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def people(community_a, community_b):
    ours = PersonFactory(full_name="Eigen Verteller Bee", community=community_b)
    theirs = PersonFactory(
        full_name="Verborgen Naam Aa", pseudonym="Schuilnaam", name_display="pseudonym", community=community_a
    )
    for person in (ours, theirs):
        log(instance=person, action="wagtail.edit")
    return ours, theirs


@pytest.mark.parametrize("export", ["", "?export=csv"])
def test_site_history_names_only_the_curators_own_people(client, people, curator_b, export):
    ours, theirs = people
    client.force_login(curator_b)
    response = client.get(f"/admin/reports/site-history/{export}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode()
    assert ours.full_name in text
    assert theirs.full_name not in text


def test_museum_staff_see_every_persons_history(client, people, staff_user):
    client.force_login(staff_user)
    text = client.get("/admin/reports/site-history/").content.decode()
    assert all(person.full_name in text for person in people)


@pytest.fixture
def files(community_a, community_b):
    Image, Document = get_image_model(), get_document_model()
    return {
        "theirs": (
            Image.objects.create(
                title="Foto van hun kant",
                file=ContentFile(png(), "a.png"),
                collection=_community_collection(community_a),
            ),
            Document.objects.create(
                title="Brief van hun kant",
                file=ContentFile(b"%PDF-1.4\n", "a.pdf"),
                collection=_community_collection(community_a),
            ),
        ),
        "ours": (
            Image.objects.create(
                title="Foto van onze kant",
                file=ContentFile(png(), "b.png"),
                collection=_community_collection(community_b),
            ),
            Document.objects.create(
                title="Brief van onze kant",
                file=ContentFile(b"%PDF-1.4\n", "b.pdf"),
                collection=_community_collection(community_b),
            ),
        ),
    }


@pytest.mark.parametrize("action", ["delete", "add_to_collection", "add_tags"])
@pytest.mark.parametrize("kind,app", [(0, "wagtailimages/image"), (1, "wagtaildocs/document")])
def test_file_bulk_actions_name_no_file_of_another_community(client, files, curator_b, action, kind, app):
    client.force_login(curator_b)
    theirs, ours = files["theirs"][kind], files["ours"][kind]
    response = client.get(f"/admin/bulk/{app}/{action}/?id={theirs.pk}&id={ours.pk}")
    text = response.content.decode()
    assert theirs.title not in text
    assert ours.title in text
    alone = client.get(f"/admin/bulk/{app}/{action}/?id={theirs.pk}")
    assert alone.status_code == 404 and theirs.title not in alone.content.decode()
