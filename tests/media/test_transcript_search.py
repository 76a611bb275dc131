"""Search inside transcripts on the real node: a word spoken at minute 42 of a three-hour
interview is found and linked to 42:xx; the outbox carries transcript changes; access
rules hold; the database fallback finds segments too."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse

from media.models import Transcript
from media.transcript_service import import_transcript
from search import indexing, service
from search.models import PendingIndexUpdate
from search.params import parse
from tests.factories import PersonFactory, StoryPageFactory
from tests.media.conftest import make_recording
from tests.media.test_transcripts import long_vtt
from tests.search.conftest import engine, search_url  # noqa: F401  (the real node, private index)

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]

WORD = "kolenkit"
SECRET = "geheimzinnigewoord"


def query(text, user=None):
    return service.search(parse(RequestFactory().get("/search/", {"q": text}).GET), user or AnonymousUser())


def send_updates(engine):  # noqa: F811
    """What the worker does after the transaction: the outbox rows go to the engine."""
    indexing.process_pending()
    engine.refresh()


@pytest.fixture
def interview(engine, community_a):  # noqa: F811
    recording = make_recording("Drie uur interview", duration=3 * 3600)
    story = StoryPageFactory(parent=community_a, title="De haven van mijn vader", main_media=recording)
    story.save_revision().publish()
    import_transcript(recording, long_vtt(word_at_minute=42, word=WORD), "interview.vtt", language="nl")
    send_updates(engine)
    return story


def test_a_word_spoken_in_minute_42_links_to_42xx(client, interview):
    results = query(WORD)
    assert results.total == 1
    hit = results.hits[0]
    assert hit.key == f"story:{interview.pk}"
    assert hit.moment_time.startswith("42:")
    assert hit.moment_url == f"{interview.url}?t={hit.moment_time}#recording-player"
    assert f"<mark>{WORD}</mark>" in hit.moment_html
    assert "van mijn vader op tafel" in hit.moment_html

    html = client.get(reverse("search"), {"q": WORD}).content.decode()
    assert f'href="{interview.url}?t=42:' in html
    assert f"<mark>{WORD}</mark>" in html
    data = client.get(reverse("search"), {"q": WORD, "format": "json"}).json()
    assert data["results"][0]["moment_url"].startswith(f"{interview.url}?t=42:")


def test_the_link_opens_the_player_at_that_moment(client, interview):
    hit = query(WORD).hits[0]
    html = client.get(hit.moment_url.split("#")[0]).content.decode()
    seconds = sum(int(part) * 60**i for i, part in enumerate(reversed(hit.moment_time.split(":"))))
    assert f'data-initial-start="{seconds}"' in html
    assert 'aria-current="true"' in html


def test_a_story_found_by_other_words_has_no_moment(engine, interview):  # noqa: F811
    titled = StoryPageFactory(parent=interview.get_parent(), title="De kolenkit in de titel")
    titled.save_revision().publish()
    send_updates(engine)
    moments = {hit.key: hit.moment_time for hit in query(WORD).hits}
    assert moments[f"story:{titled.pk}"] == ""
    assert moments[f"story:{interview.pk}"].startswith("42:")


def test_a_changed_transcript_reaches_the_index_through_the_outbox(engine, interview):  # noqa: F811
    recording = interview.main_media
    import_transcript(recording, b"WEBVTT\n\n00:01.000 --> 00:02.000\nIets heel anders.\n", "new.vtt", language="nl")
    assert PendingIndexUpdate.objects.filter(key=f"story:{interview.pk}").exists()
    send_updates(engine)
    assert query(WORD).total == 0
    assert query("anders").hits[0].moment_time == "0:01"


def test_a_deleted_transcript_leaves_the_index(engine, interview):  # noqa: F811
    Transcript.objects.filter(media=interview.main_media).delete()
    send_updates(engine)
    assert query(WORD).total == 0


def test_an_edited_segment_is_queued(admin_client, interview):
    segment = Transcript.objects.get(media=interview.main_media).segments.order_by("start_ms").first()
    PendingIndexUpdate.objects.all().delete()
    response = admin_client.post(
        reverse("segments:edit", args=[segment.pk]),
        {
            "transcript": segment.transcript_id,
            "start_ms": "0:00",
            "end_ms": "0:02",
            "speaker": "",
            "text": "Nieuwe openingszin",
        },
    )
    assert response.status_code == 302
    assert PendingIndexUpdate.objects.filter(key=f"story:{interview.pk}").exists()


def test_speakers_in_the_index_are_public_names(engine, community_a):  # noqa: F811
    PersonFactory(full_name="Maria Lopes", pseudonym="Tia Maria", name_display="pseudonym")
    recording = make_recording()
    story = StoryPageFactory(parent=community_a, title="Gesprek", main_media=recording)
    story.save_revision().publish()
    import_transcript(recording, long_vtt(cues=20, hours=0.1), "i.vtt", language="nl")
    send_updates(engine)
    document = engine.client.get(index=engine.alias, id=f"story:{story.pk}")["_source"]
    assert {s["speaker"] for s in document["transcript"]} == {"Interviewer", "Tia Maria"}
    assert "Maria Lopes" not in str(document)


@pytest.fixture
def restricted(engine, community_a):  # noqa: F811
    recording = make_recording("Besloten interview")
    story = StoryPageFactory(
        parent=community_a, title="Besloten gesprek", main_media=recording, access_level="community"
    )
    story.save_revision().publish()
    import_transcript(
        recording,
        f"WEBVTT\n\n00:01.000 --> 00:02.000\nHet {SECRET} werd gefluisterd.\n".encode(),
        "b.vtt",
        language="nl",
    )
    send_updates(engine)
    return story


def test_a_restricted_storys_segments_never_reach_anonymous_visitors(client, restricted):
    assert query(SECRET).total == 0
    # The query is echoed on the page, so each search looks for the sentence's other word.
    for asked, other in ((SECRET, "gefluisterd"), ("gefluisterd", SECRET)):
        for params in ({"q": asked}, {"q": asked, "format": "json"}):
            text = client.get(reverse("search"), params).content.decode()
            assert other not in text
            assert "Besloten gesprek" not in text and "?t=0:01" not in text


def test_members_find_their_communitys_transcripts(member_a, member_b, restricted):
    assert query(SECRET, member_b).total == 0
    results = query(SECRET, member_a)
    assert results.total == 1 and results.hits[0].moment_time == "0:01"


def test_the_database_fallback_finds_segments_too(settings, community_a, restricted, member_a):
    from search import engine as engine_module

    recording = make_recording("Openbaar interview", duration=3 * 3600)
    story = StoryPageFactory(parent=community_a, title="Open gesprek", main_media=recording)
    story.save_revision().publish()
    import_transcript(recording, long_vtt(word_at_minute=42, word=WORD), "interview.vtt", language="nl")
    settings.SEARCH_URL = ""
    engine_module._engine_for.cache_clear()
    try:
        results = query(WORD)
        assert results.backend == "database"
        assert [hit.key for hit in results.hits] == [f"story:{story.pk}"]
        assert results.hits[0].moment_time.startswith("42:")
        assert f"<mark>{WORD}</mark>" in results.hits[0].moment_html
        assert query(SECRET).total == 0
        assert query(SECRET, member_a).hits[0].moment_time == "0:01"
    finally:
        engine_module._engine_for.cache_clear()


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("beheer", "b@example.org", "pw"))
    return client


def _vtt(*cues):
    """WEBVTT from (start s, end s, text) cues."""
    lines = ["WEBVTT", ""]
    for start, end, text in cues:
        lines += [f"00:{start // 60:02d}:{start % 60:02d}.000 --> 00:{end // 60:02d}:{end % 60:02d}.000", text, ""]
    return "\n".join(lines).encode()


def test_a_recording_quoted_in_a_clip_is_searchable_within_the_clip(client, engine, interview):  # noqa: F811
    """Words of another recording quoted in a clip block (0:10–0:20) are found and link to
    that clip's player; words outside the quoted part are not the story's."""
    import json

    quoted = make_recording("Interview met Nha Lena", duration=60)
    import_transcript(
        quoted,
        _vtt(
            (0, 9, "Voor het fragment: scheepsbeschuit."),
            (10, 15, "In het fragment: de morabeza van Mindelo."),
            (30, 40, "Na het fragment: pijpkaneel."),
        ),
        "lena.vtt",
        language="nl",
    )
    interview.body = json.dumps(
        [
            {
                "type": "media_clip",
                "id": "lena1",
                "value": {"recording": quoted.pk, "start": "0:10", "end": "0:20", "caption": "Nha Lena"},
            }
        ]
    )
    interview.save_revision().publish()
    send_updates(engine)

    results = query("morabeza")
    assert [hit.key for hit in results.hits] == [f"story:{interview.pk}"]
    hit = results.hits[0]
    assert hit.moment_url == f"{interview.url}#clip-lena1-player" and hit.moment_time == "0:10"
    assert "<mark>morabeza</mark>" in hit.moment_html
    assert 'id="clip-lena1-player"' in client.get(interview.url).content.decode()  # the anchor exists
    assert query("scheepsbeschuit").total == 0 and query("pijpkaneel").total == 0
    assert query(WORD).hits[0].moment_url.endswith("#recording-player")  # the main recording as before

    # a new transcript of the quoted recording reaches the story through the outbox
    import_transcript(quoted, _vtt((12, 18, "In het fragment: de cachupa van tante.")), "lena.vtt", language="nl")
    assert PendingIndexUpdate.objects.filter(key=f"story:{interview.pk}").exists()
    send_updates(engine)
    assert query("morabeza").total == 0
    assert query("cachupa").hits[0].moment_url.endswith("#clip-lena1-player")


def test_clip_blocks_are_read_defensively():
    """A body written by hand or by an older block shape never breaks indexing."""
    from stories.search_documents import Clip, clip_blocks

    body = [
        "stray text",
        {"type": "paragraph", "value": "<p>x</p>"},
        {"type": "media_clip", "id": "a", "value": {"recording": 7, "start": "1:02", "end": "1:10"}},
        {"type": "media_clip", "id": "b", "value": {"recording": 7, "start": "ooit", "end": ""}},
        {"type": "media_clip", "id": "c", "value": {"recording": None, "start": "0:01"}},
        {"type": "media_clip", "id": "d", "value": "not a dict"},
        {"type": "media_clip", "id": "e", "value": {"recording": "8", "start": "", "end": ""}},
    ]
    assert clip_blocks(body) == [Clip(7, 62_000, 70_000, "clip-a-player"), Clip(8, 0, None, "clip-e-player")]
