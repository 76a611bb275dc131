"""A community with everything an export carries: stories (live, draft, a draft on a live
page, restricted), an object with a photo, people shown in full, by pseudonym and hidden,
consent (one withdrawn), a real WAV with its transcript, a PDF and depot links."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from editorial.models import ConsentRecord
from editorial.services.consent import record_consent, withdraw_consent
from exchange.export import stream_export
from media.models import OralHistoryMedia
from media.transcript_service import import_transcript
from stories.models import CommunityPage, HeritageObjectImage, Licence, Person, Place, StoryNarrator, StoryPage
from stories.services.roles import community_collection
from tests.contributions.media import image_bytes, pdf_bytes, wav_bytes
from tests.factories import DepotItemFactory, HeritageObjectPageFactory, PersonFactory, PlaceFactory, StoryPageFactory

REAL_NAME = "Josefa Verborgen-Achternaam"
HIDDEN_NAME = "Onzichtbare Grootvader"
EMAIL = "josefa.prive@example.org"
WORD = "kaapvaartlied"

TRANSCRIPT = f"""WEBVTT

00:00:01.000 --> 00:00:04.000
<v {REAL_NAME}>Mijn moeder zong het {WORD} elke avond.

00:00:05.000 --> 00:00:09.500
<v Interviewer>En waar was dat?
"""


def export_bytes(community) -> bytes:
    return b"".join(stream_export(community))


def archive_text(data: bytes) -> str:
    """Every entry of the archive that is text, joined (to look for names that must not be there)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith((".json", ".vtt"))
        )


@pytest.fixture
def given(community_a, depot_index):
    collection = community_collection(community_a)
    teller = PersonFactory(
        full_name=REAL_NAME, pseudonym="Tante Zeza", name_display="pseudonym", email=EMAIL, community=community_a
    )
    grandfather = PersonFactory(full_name=HIDDEN_NAME, name_display="anonymous", community=community_a)
    interviewer = PersonFactory(full_name="Ana Interviewer", name_display="full", bio="Onderzoeker.")
    place = PlaceFactory(name="Heijplaat", latitude="51.890000", longitude="4.420000")
    item = DepotItemFactory(inventory_number="BK-1975-0042", title="Hutkoffer")

    recording = OralHistoryMedia(title="Interview Tante Zeza", type="audio", duration=10, collection=collection)
    recording.file.save("interview.wav", ContentFile(wav_bytes(1.0)), save=False)
    recording.save()
    import_transcript(recording, TRANSCRIPT.encode(), "interview.vtt", "nl")
    photo = get_image_model()(
        title="Hutkoffer", collection=collection, file=ContentFile(image_bytes("PNG"), name="koffer.png")
    )
    photo.save()
    letter = get_document_model()(title="Brief uit Mindelo", collection=collection)
    letter.file.save("brief.pdf", ContentFile(pdf_bytes()), save=False)
    letter.save()

    chest = HeritageObjectPageFactory(
        parent=community_a,
        title="De hutkoffer",
        slug="de-hutkoffer",
        description=f'<p>Zie <a linktype="document" id="{letter.pk}">de brief</a>.</p>',
        brought_by=teller,
        depot_item=item,
    )
    HeritageObjectImage.objects.create(object_page=chest, image=photo, alt_text="Een houten koffer", caption="1975")
    chest.tags.add("koffer")
    chest.save_revision().publish()

    song = StoryPageFactory(
        parent=community_a,
        title="Het lied van de overtocht",
        slug="het-lied-van-de-overtocht",
        summary=f"Over het {WORD} dat mijn moeder zong.",
        interviewer=interviewer,
        main_media=recording,
        period_start_year=1965,
        period_end_year=1972,
        body=[
            ("paragraph", f'<p>Zij bewaarde <a linktype="document" id="{letter.pk}">een brief</a>.</p>'),
            ("image", {"image": photo, "alt_text": "De koffer", "caption": ""}),
            ("media_clip", {"recording": recording, "start": "0:01", "end": "0:04", "caption": "Het lied"}),
            ("heritage_object", {"object_page": chest, "note": "De koffer van de overtocht"}),
        ],
    )
    StoryNarrator.objects.create(story=song, person=teller)
    song.places.add(place)
    song.related_objects.add(chest)
    song.tags.add("muziek", "overtocht")
    song.depot_links.create(depot_item=item, relation="mentions")
    song.save_revision().publish()
    song = StoryPage.objects.get(pk=song.pk)
    song.pull_quote = "Nog niet gepubliceerde woorden."
    song.save_revision()  # a draft on top of the live version

    draft = StoryPageFactory(parent=community_a, title="Nog in bewerking", slug="nog-in-bewerking", live=False)
    StoryNarrator.objects.create(story=draft, person=grandfather)
    draft.save_revision()

    restricted = StoryPageFactory(
        parent=community_a, title="Alleen voor de gemeenschap", slug="alleen-voor", access_level="community"
    )
    restricted.save_revision().publish()

    withdrawn = StoryPageFactory(parent=community_a, title="Teruggetrokken", slug="teruggetrokken")
    withdrawn.save_revision().publish()

    for page in (chest, song, restricted):
        record_consent(
            given_by=REAL_NAME, person=teller, uses=["online", "exhibition"], licence=Licence.CC_BY.value,
            text_version="2026-1", method="form", pages=[page],
        )  # fmt: skip
    taken_back = record_consent(
        given_by="Iemand Anders", uses=["online"], licence=Licence.CC_BY.value, text_version="2026-1", method="form",
        pages=[withdrawn],
    )  # fmt: skip
    withdraw_consent(taken_back, user=None, note="Wil het niet meer online.")
    return {
        "song": song, "chest": chest, "draft": draft, "restricted": restricted, "withdrawn": withdrawn,
        "recording": recording, "photo": photo, "letter": letter, "item": item, "teller": teller,
    }  # fmt: skip


def empty_the_site():
    """What a fresh site has: no communities, people, files or consent (the index stays)."""
    ConsentRecord.objects.all().delete()
    for community in CommunityPage.objects.all():
        Page.objects.get(pk=community.pk).delete()
    StoryNarrator.objects.all().delete()
    Person.objects.all().delete()
    Place.objects.all().delete()
    OralHistoryMedia.objects.all().delete()
    get_image_model().objects.all().delete()
    get_document_model().objects.all().delete()
    Group.objects.filter(name__contains=": ").delete()
    for collection in Collection.get_first_root_node().get_children():
        collection.delete()
