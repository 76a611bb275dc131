"""Transcripts in the CMS: import (service and admin), refusal with line numbers, export, editing."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.timecodes import format_timestamp
from media.models import Segment, Transcript
from media.transcript_service import TranscriptError, export_webvtt, import_transcript, speaker_names
from media.transcripts import load_transcript
from tests.factories import PersonFactory, StoryPageFactory
from tests.media.conftest import make_recording

pytestmark = pytest.mark.django_db

MESSY_VTT = (
    "\ufeffWEBVTT - interview\r\nLanguage: nl\r\n\r\n"
    "STYLE\r\n::cue { color: yellow }\r\n\r\n"
    "NOTE opgenomen in 2019\r\n\r\n"
    "intro\r\n00:01.000 --> 00:04.000 align:start\r\n<v Interviewer>Vertel eens,\r\nhoe was het?\r\n\r\n"
    "00:04.500 --> 00:09.000\r\n<v Maria Lopes>Druk, &amp; warm.\r\n\r\n\r\n"
).encode("utf-8")

BROKEN_VTT = b"WEBVTT\n\n00:01.000 --> 00:05.000\nEen\n\n00:03.000 --> 00:06.000\nTwee\n"


def long_vtt(cues=4000, hours=3.0, word_at_minute=None, word="kolenkit"):
    step = int(hours * 3600 * 1000) // cues
    out = ["WEBVTT", ""]
    for number in range(cues):
        start = number * step
        text = f"Zin {number + 1} over de haven en de buurt."
        if word_at_minute is not None and start // 60000 == word_at_minute and word not in "".join(out[-3:]):
            text = f"Toen kwam de {word} van mijn vader op tafel."
            word_at_minute = None
        out += [
            f"{format_timestamp(start / 1000)} --> {format_timestamp((start + step - 150) / 1000)}",
            f"<v {'Interviewer' if number % 5 == 0 else 'Maria Lopes'}>{text}",
            "",
        ]
    return "\n".join(out).encode()


def test_import_stores_the_segments_in_order(recording):
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    assert transcript.language == "nl"
    rows = list(transcript.segments.values_list("start_ms", "end_ms", "speaker", "text"))
    assert rows == [
        (1000, 4000, "Interviewer", "Vertel eens,\nhoe was het?"),
        (4500, 9000, "Maria Lopes", "Druk, & warm."),
    ]
    assert transcript.source_format == "vtt"


def test_an_srt_import(recording):
    srt = b"1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>Hallo</i>\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nDaar\r\n"
    transcript = import_transcript(recording, srt, "a.srt", language="pap")
    assert transcript.language == "pap"
    assert transcript.source_format == "srt"
    assert list(transcript.segments.values_list("start_ms", "text")) == [(1000, "Hallo"), (3000, "Daar")]


def test_a_broken_file_is_refused_and_the_old_segments_stay(recording):
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    before = list(transcript.segments.values_list("pk", "text"))
    with pytest.raises(TranscriptError) as error:
        import_transcript(recording, BROKEN_VTT, "broken.vtt", language="nl")
    assert "line 6" in str(error.value) and "before the previous cue ends" in str(error.value)
    assert list(transcript.segments.values_list("pk", "text")) == before


def test_reimport_replaces_all_segments(recording):
    import_transcript(recording, MESSY_VTT, "interview.vtt")
    transcript = import_transcript(recording, b"WEBVTT\n\n00:10.000 --> 00:11.000\nNieuw\n", "new.vtt", language="nl")
    assert list(transcript.segments.values_list("text", flat=True)) == ["Nieuw"]
    assert Transcript.objects.count() == 1


def test_4000_cues_are_stored_in_well_under_two_seconds(recording):
    data = long_vtt()
    began = time.perf_counter()
    transcript = import_transcript(recording, data, "long.vtt", language="nl")
    elapsed = time.perf_counter() - began
    assert transcript.segments.count() == 4000
    last = transcript.segments.order_by("-start_ms").first()
    assert last.start_ms == 3999 * (3 * 3600 * 1000 // 4000)
    # Not a timing test (the benchmark measures): a generous bound that a per-row insert
    # (4,000 queries) would still meet on a fast disk, but a quadratic bug would not.
    assert elapsed < 20


def test_export_round_trips(recording):
    # A name is exported as written only when it is a person who chose to be named
    # (a name of nobody is held back: tests/security/test_transcript_names.py).
    PersonFactory(full_name="Maria Lopes", name_display="full")
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    exported = export_webvtt(transcript)
    assert exported.startswith("WEBVTT\nLanguage: nl\n")
    again = load_transcript(exported, "x.vtt")
    assert [(s.start, s.end, s.speaker, s.text) for s in again.cues] == [
        (1.0, 4.0, "Interviewer", "Vertel eens,\nhoe was het?"),
        (4.5, 9.0, "Maria Lopes", "Druk, & warm."),
    ]


def test_speakers_are_shown_by_their_public_name_only(recording):
    PersonFactory(full_name="Maria Lopes", pseudonym="Tia Maria", name_display="pseudonym")
    PersonFactory(full_name="Ana dos Santos", name_display="anonymous")
    PersonFactory(full_name="Jan de Vries", name_display="full")
    names = speaker_names({"Maria Lopes", "ana dos santos", "Jan de Vries", "Interviewer"})
    assert names == {
        "Maria Lopes": "Tia Maria",
        "ana dos santos": "Anoniem",  # Dutch interface: Anonymous
        "Jan de Vries": "Jan de Vries",
        "Interviewer": "Interviewer",
    }
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    exported = export_webvtt(transcript)
    assert "Maria Lopes" not in exported
    assert "<v Tia Maria>Druk" in exported


def test_thousands_of_speaker_labels_are_looked_up(recording):
    """A rebuild batch brings many labels; SQLite refuses one OR of thousands of terms."""
    PersonFactory(full_name="Spreker 1234", pseudonym="Schuilnaam", name_display="pseudonym")
    names = speaker_names({f"Spreker {n}" for n in range(3000)})
    assert len(names) == 3000 and names["Spreker 1234"] == "Schuilnaam"


# --- the WebVTT export view, access-checked like the story ------------------------------
@pytest.fixture
def published_story(community_a, recording):
    def make(access="public", embargo=None):
        story = StoryPageFactory(
            parent=community_a,
            title=f"Verhaal {access}",
            main_media=recording,
            access_level=access,
            embargo_until=embargo,
        )
        story.save_revision().publish()
        return story

    return make


def vtt_url(transcript):
    return reverse("media:transcript_webvtt", args=[transcript.pk])


def test_export_of_a_public_story_is_served_to_anyone(client, recording, published_story):
    published_story("public")
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    response = client.get(vtt_url(transcript))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vtt")
    assert response.content.decode().startswith("WEBVTT")
    assert "public" in response["Cache-Control"]


def test_export_of_a_community_story_is_for_its_members_only(client, recording, published_story, member_a, member_b):
    published_story("community")
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    assert client.get(vtt_url(transcript)).status_code == 404
    client.force_login(member_b)
    assert client.get(vtt_url(transcript)).status_code == 404
    client.force_login(member_a)
    response = client.get(vtt_url(transcript))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_export_of_a_recording_no_page_uses_is_not_served(client, recording):
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    assert client.get(vtt_url(transcript)).status_code == 404


def test_export_of_a_draft_story_is_not_served(client, community_a, recording):
    StoryPageFactory(parent=community_a, title="Concept", main_media=recording, live=False)
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    assert client.get(vtt_url(transcript)).status_code == 404


def test_a_clip_in_a_public_story_makes_the_recording_readable(client, community_a, recording):
    import json

    story = StoryPageFactory(parent=community_a, title="Met fragment")
    story.body = json.dumps(
        [{"type": "media_clip", "value": {"recording": recording.pk, "start": "0:01", "end": "0:05", "caption": ""}}]
    )
    story.save_revision().publish()
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    assert client.get(vtt_url(transcript)).status_code == 200


# --- the admin ------------------------------------------------------------------------
@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("beheer", "b@example.org", "pw"))
    return client


def test_admin_import_creates_the_transcript(admin_client, recording):
    response = admin_client.post(
        reverse("transcripts:add"),
        {"media": recording.pk, "language": "", "transcript_file": SimpleUploadedFile("interview.vtt", MESSY_VTT)},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    transcript = Transcript.objects.get()
    assert transcript.language == "nl"  # from the file's Language header
    assert transcript.segments.count() == 2
    assert transcript.source_name == "interview.vtt"
    listing = admin_client.get(reverse("transcripts:index")).content.decode()
    assert f"{reverse('segments:index')}?transcript={transcript.pk}" in listing


def test_admin_import_of_a_broken_file_shows_the_line_and_changes_nothing(admin_client, recording):
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    before = list(transcript.segments.values_list("pk", "start_ms", "text"))
    response = admin_client.post(
        reverse("transcripts:edit", args=[transcript.pk]),
        {"media": recording.pk, "language": "nl", "transcript_file": SimpleUploadedFile("broken.vtt", BROKEN_VTT)},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "er is niets veranderd" in text
    assert "line 6: the cue starts at 00:00:03.000, before the previous cue ends" in text
    assert list(transcript.segments.values_list("pk", "start_ms", "text")) == before


def test_admin_import_of_a_bad_timestamp_names_the_line(admin_client, recording):
    bad = b"1\n00:00:01,000 --> 00:00:02,000\nEen\n\n2\n00:00:03,000 --> 00:61:04,000\nTwee\n"
    response = admin_client.post(
        reverse("transcripts:add"),
        {"media": recording.pk, "language": "nl", "transcript_file": SimpleUploadedFile("bad.srt", bad)},
    )
    assert response.status_code == 200
    assert "line 6" in response.content.decode()
    assert Transcript.objects.count() == 0


def test_a_segment_is_edited_with_readable_times(admin_client, recording):
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    segment = transcript.segments.order_by("start_ms").last()
    url = reverse("segments:edit", args=[segment.pk])
    page = admin_client.get(url).content.decode()
    assert 'value="0:04.500"' in page
    response = admin_client.post(
        url,
        {
            "transcript": transcript.pk,
            "start_ms": "0:05",
            "end_ms": "0:09.250",
            "speaker": "Maria Lopes",
            "text": "Druk.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    segment.refresh_from_db()
    assert (segment.start_ms, segment.end_ms, segment.text) == (5000, 9250, "Druk.")


def test_a_segment_may_not_overlap_its_neighbour(admin_client, recording):
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    segment = transcript.segments.order_by("start_ms").last()
    response = admin_client.post(
        reverse("segments:edit", args=[segment.pk]),
        {"transcript": transcript.pk, "start_ms": "0:03", "end_ms": "0:09", "speaker": "", "text": "x"},
    )
    assert response.status_code == 200
    assert "overlapt met het segment van 0:01.000 tot 0:04.000" in response.content.decode()
    segment.refresh_from_db()
    assert segment.start_ms == 4500


def test_segment_list_is_filtered_by_transcript(admin_client, recording):
    transcript = import_transcript(recording, MESSY_VTT, "interview.vtt")
    other = import_transcript(
        make_recording("Ander"), b"WEBVTT\n\n00:01.000 --> 00:02.000\nAnders\n", "o.vtt", language="nl"
    )
    page = admin_client.get(reverse("segments:index") + f"?transcript={transcript.pk}").content.decode()
    assert "hoe was het?" in page and "Anders" not in page
    assert other.segments.count() == 1


def test_a_curator_sees_only_transcripts_of_recordings_they_may_edit(client, community_a, community_b, curator_a):
    from wagtail.models import Collection

    community_a.refresh_from_db()
    community_b.refresh_from_db()
    collections = {c.name: c for c in Collection.objects.all()}
    own = next(c for name, c in collections.items() if community_a.title in name)
    other = next(c for name, c in collections.items() if community_b.title in name)
    mine = make_recording("Eigen interview")
    mine.collection = own
    mine.save()
    theirs = make_recording("Ander interview")
    theirs.collection = other
    theirs.save()
    own_transcript = import_transcript(mine, MESSY_VTT, "a.vtt")
    other_transcript = import_transcript(
        theirs, b"WEBVTT\n\n00:01.000 --> 00:02.000\nGeheime zin\n", "b.vtt", language="nl"
    )
    client.force_login(curator_a)
    listing = client.get(reverse("transcripts:index")).content.decode()
    assert "Eigen interview" in listing and "Ander interview" not in listing
    assert client.get(reverse("transcripts:edit", args=[own_transcript.pk])).status_code == 200
    assert client.get(reverse("transcripts:edit", args=[other_transcript.pk])).status_code in (403, 404)
    segments = client.get(reverse("segments:index")).content.decode()
    assert "Geheime zin" not in segments
    other_segment = other_transcript.segments.get()
    assert client.get(reverse("segments:edit", args=[other_segment.pk])).status_code in (403, 404)
    add_form = client.get(reverse("transcripts:add")).content.decode()
    assert "Ander interview" not in add_form


def test_deleting_a_recording_deletes_its_transcripts(recording):
    import_transcript(recording, MESSY_VTT, "interview.vtt")
    recording.delete()
    assert Transcript.objects.count() == 0 and Segment.objects.count() == 0
