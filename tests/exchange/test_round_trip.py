"""A community exported and imported into an empty site comes back as it was given."""

import io
import zipfile

import pytest
from django.utils import translation
from wagtail.documents import get_document_model

from editorial.models import ConsentRecord
from exchange.importer import ImportRefused, import_community
from media.models import OralHistoryMedia
from media.transcript_service import export_webvtt
from stories.models import CommunityPage, HeritageObjectPage, Person, StoryPage
from tests.exchange.conftest import EMAIL, HIDDEN_NAME, REAL_NAME, archive_text, empty_the_site, export_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The refusals are matched in English here; the Dutch ones are checked below."""
    with translation.override("en"):
        yield


def test_a_refusal_speaks_dutch_on_a_dutch_site(tmp_path, community_index):
    path = tmp_path / "not.zip"
    path.write_bytes(b"dit is geen zip")
    with translation.override("nl"), pytest.raises(ImportRefused, match="geen zip-archief"):
        import_community(path)


def test_the_export_carries_people_as_shown_never_a_hidden_name_or_an_email(given, community_a):
    data = export_bytes(community_a)
    text = archive_text(data)
    assert "Tante Zeza" in text and "Ana Interviewer" in text
    assert REAL_NAME not in text and REAL_NAME.upper() not in text
    assert HIDDEN_NAME not in text
    assert EMAIL not in text


def test_the_export_holds_every_page_file_and_transcript(given, community_a):
    with zipfile.ZipFile(io.BytesIO(export_bytes(community_a))) as archive:
        names = archive.namelist()
        manifest = __import__("json").loads(archive.read("manifest.json"))
        assert manifest["counts"] == {
            "stories": 4, "objects": 1, "people": 3, "consent_records": 4,
            "recordings": 1, "images": 1, "documents": 1,
        }  # fmt: skip
        assert any(name.startswith("files/recordings/") and name.endswith(".wav") for name in names)
        assert any(name.startswith("files/images/") for name in names)
        assert any(name.startswith("files/documents/") and name.endswith(".pdf") for name in names)
        vtt = next(name for name in names if name.endswith(".vtt"))
        assert archive.read(vtt).decode().startswith("WEBVTT")
        assert given["recording"].file.open("rb").read() == archive.read(
            next(name for name in names if name.startswith("files/recordings/"))
        )


def test_import_into_an_empty_site_recreates_the_community(given, community_a, tmp_path):
    path = tmp_path / "kaapverdianen.zip"
    path.write_bytes(export_bytes(community_a))
    old_vtt = export_webvtt(given["recording"].transcripts.get())
    empty_the_site()

    report = import_community(path)

    assert report.counts["stories"] == 4 and report.counts["objects"] == 1
    community = CommunityPage.objects.get(slug="kaapverdianen")
    assert community.curator_group is not None
    song = StoryPage.objects.get(slug="het-lied-van-de-overtocht")
    assert song.live and song.has_unpublished_changes
    assert song.pull_quote == ""  # the live version as it was
    assert song.get_latest_revision_as_object().pull_quote == "Nog niet gepubliceerde woorden."
    assert [narrator.person.public_name for narrator in song.narrators.all()] == ["Tante Zeza"]
    assert song.interviewer.public_name == "Ana Interviewer" and song.interviewer.bio == "Onderzoeker."
    assert [place.name for place in song.places.all()] == ["Heijplaat"]
    assert sorted(tag.name for tag in song.tags.all()) == ["muziek", "overtocht"]
    assert [link.depot_item.inventory_number for link in song.depot_links.all()] == ["BK-1975-0042"]
    chest = HeritageObjectPage.objects.get(slug="de-hutkoffer")
    assert [page.pk for page in song.related_objects.all()] == [chest.pk]
    blocks = {block.block_type: block.value for block in song.body}
    assert blocks["image"]["image"].pk == chest.images.get().image.pk
    assert blocks["media_clip"]["recording"].pk == song.main_media.pk
    assert blocks["heritage_object"]["object_page"].pk == chest.pk
    letter = get_document_model().objects.get()
    assert f'<a linktype="document" id="{letter.pk}">een brief</a>' in song.body.raw_data[0]["value"]
    assert f'id="{letter.pk}"' in chest.description
    assert letter.file.read().startswith(b"%PDF")
    assert chest.depot_item.inventory_number == "BK-1975-0042" and chest.live
    assert chest.brought_by.public_name == "Tante Zeza"
    assert chest.images.get().image.file.read()[:8] == b"\x89PNG\r\n\x1a\n"

    # files: the same bytes, in the community's own collection
    recording = OralHistoryMedia.objects.get()
    assert recording.file.open("rb").read() == given["recording"].file.open("rb").read()
    assert recording.collection.name == community.title
    assert export_webvtt(recording.transcripts.get()) == old_vtt

    # what was not live stays so; restricted stays restricted; a withdrawal stays a withdrawal
    assert not StoryPage.objects.get(slug="nog-in-bewerking").live
    assert StoryPage.objects.get(slug="alleen-voor").access_level == "community"
    withdrawn = StoryPage.objects.get(slug="teruggetrokken")
    assert not withdrawn.live
    record = ConsentRecord.objects.get(pages=withdrawn)
    assert record.is_withdrawn and record.withdrawal_note == "Wil het niet meer online."
    assert ConsentRecord.objects.filter(pages=song, withdrawn_at__isnull=True).get().covers("online")

    # people as shown: the real names never came along
    assert not Person.objects.filter(full_name__in=[REAL_NAME, HIDDEN_NAME]).exists()
    assert not Person.objects.exclude(email="").exists()


def test_importing_into_a_site_that_has_the_community_is_refused_and_writes_nothing(given, community_a, tmp_path):
    path = tmp_path / "export.zip"
    path.write_bytes(export_bytes(community_a))
    pages, people = StoryPage.objects.count(), Person.objects.count()
    with pytest.raises(ImportRefused, match="already has a community"):
        import_community(path)
    assert (StoryPage.objects.count(), Person.objects.count()) == (pages, people)


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda entries: entries.pop("manifest.json"), "no manifest.json"),
        (lambda entries: entries.update({"manifest.json": b'{"format": "other"}'}), "not a Brengkunst"),
        (lambda entries: entries.update({"people.json": b"{oops"}), "not valid JSON"),
        (lambda entries: entries.update({"../evil.txt": b"x"}), "outside its own folders"),
        (
            lambda entries: [entries.pop(name) for name in list(entries) if name.startswith("files/recordings/")],
            "lacks files/recordings/",
        ),
    ],
)
def test_a_damaged_archive_is_refused_with_its_reason_and_writes_nothing(given, community_a, tmp_path, damage, message):
    with zipfile.ZipFile(io.BytesIO(export_bytes(community_a))) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    damage(entries)
    path = tmp_path / "damaged.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    empty_the_site()
    with pytest.raises(ImportRefused, match=message):
        import_community(path)
    assert not CommunityPage.objects.exists() and not OralHistoryMedia.objects.exists()


def test_a_file_that_is_not_a_zip_is_refused(tmp_path, community_index):
    path = tmp_path / "not.zip"
    path.write_bytes(b"this is not a zip")
    with pytest.raises(ImportRefused, match="not a zip"):
        import_community(path)


def test_rich_text_ids_are_renewed_and_links_to_what_did_not_come_along_are_dropped():
    from types import SimpleNamespace

    from exchange.importer import Ids, _rich

    ids = Ids(documents={7: SimpleNamespace(pk=70)}, images={8: SimpleNamespace(pk=80)})
    html = (
        '<p><a linktype="document" id="7">brief</a> <a linktype="page" id="3">elders</a></p>'
        '<embed embedtype="image" format="left" id="8" alt="koffer"/><embed embedtype="image" id="9" alt="weg"/>'
    )
    assert _rich(html, ids) == (
        '<p><a linktype="document" id="70">brief</a> elders</p>'
        '<embed embedtype="image" format="left" id="80" alt="koffer"/>'
    )


def test_a_persons_consent_for_another_communitys_page_stays_out(given, community_a, community_b):
    import json

    from editorial.services.consent import record_consent
    from stories.models import Licence
    from tests.factories import StoryPageFactory

    elsewhere = StoryPageFactory(parent=community_b, title="Elders verteld")
    record_consent(
        given_by="Tante Zeza", person=given["teller"], uses=["research"], licence=Licence.CC_BY.value,
        text_version="2026-1", method="form", pages=[elsewhere],
    )  # fmt: skip
    with zipfile.ZipFile(io.BytesIO(export_bytes(community_a))) as archive:
        consent = json.loads(archive.read("consent.json"))
    assert len(consent) == 4 and all(record["pages"] for record in consent)
