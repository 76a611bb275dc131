"""Red team: real names in transcript speaker labels never reach a visitor.

A transcriber writes the narrator's name as they hear it: in capitals, with or without
accents, in other cases in other cues. Whatever the spelling and whichever database,
the story page, the WebVTT export, the search document and the search answers show the
person's public name (a pseudonym, or "Anonymous") and never the real one. A label that
looks like a person's name but is nobody's is held back in public and shown to the
curator in the transcript admin.
"""

import json
import unicodedata

import pytest
from django.urls import reverse

from media.transcript_service import import_transcript
from search import indexing, registry
from stories.models import StoryNarrator
from tests.factories import PersonFactory, StoryPageFactory
from tests.media.conftest import make_recording

pytestmark = pytest.mark.django_db

HIDDEN = "Verborgen Achternaam"  # pseudonym "Schuilnaam"
ANONYMOUS = "José Lopes Semedo"  # anonymous
UNKNOWN = "Hendrika Pietersen"  # nobody's name in the database
REAL_NAMES = (HIDDEN, ANONYMOUS, UNKNOWN, "Achternaam", "Semedo", "Pietersen")

VTT = f"""WEBVTT

00:01.000 --> 00:04.000
<v VERBORGEN ACHTERNAAM>Ik kwam met de kolenkit naar boven.

00:04.500 --> 00:08.000
<v {HIDDEN}>Dat was in de winter van 1963.

00:09.000 --> 00:12.000
<v JOSÉ LOPES SEMEDO>Wij aten scheepsbeschuit aan boord.

00:12.500 --> 00:14.000
<v JOSE LOPES SEMEDO>Zonder accent geschreven.

00:15.000 --> 00:18.000
<v Interviewer>En uw moeder?

00:19.000 --> 00:22.000
<v HENDRIKA PIETERSEN>Mijn buurvrouw bracht pijpkaneel mee.

00:23.000 --> 00:25.000
<v Verteller>Zo ging dat.

00:26.000 --> 00:28.000
<v Spreker 2>Ja.
""".encode()


def folded(text: str) -> str:
    """Case- and accent-blind, so "JOSE" and "josé" both count as the name."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def assert_no_real_name(text: str, where: str):
    for name in REAL_NAMES:
        assert folded(name) not in folded(text), f"{name!r} (in some case) appears in {where}"


@pytest.fixture
def story(community_a):
    hidden = PersonFactory(full_name=HIDDEN, pseudonym="Schuilnaam", name_display="pseudonym")
    anonymous = PersonFactory(full_name=ANONYMOUS, name_display="anonymous")
    recording = make_recording("Gesprek aan boord", duration=60)
    transcript = import_transcript(recording, VTT, "gesprek.vtt", language="nl")
    page = StoryPageFactory(parent=community_a, title="Aan boord", main_media=recording)
    page.narrators.add(StoryNarrator(person=hidden))
    page.narrators.add(StoryNarrator(person=anonymous))
    page.save_revision().publish()
    page.transcript = transcript
    return page


def test_the_story_page_shows_public_names_only(client, story):
    html = client.get(story.url).content.decode()
    assert "Ik kwam met de kolenkit" in html
    assert_no_real_name(html, "the story page")
    assert '<span class="transcript__speaker">Schuilnaam:</span>' in html
    assert '<span class="transcript__speaker">Anoniem:</span>' in html
    # ordinary labels are shown as written
    for label in ("Interviewer", "Verteller", "Spreker 2"):
        assert f'<span class="transcript__speaker">{label}:</span>' in html


def test_the_webvtt_export_shows_public_names_only(client, story):
    response = client.get(reverse("media:transcript_webvtt", args=[story.transcript.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert_no_real_name(text, "the .vtt export")
    assert "<v Schuilnaam>Ik kwam met de kolenkit" in text
    assert "<v Schuilnaam>Dat was in de winter" in text
    assert "<v Anoniem>Wij aten scheepsbeschuit" in text
    assert "<v Anoniem>Zonder accent" in text
    assert "<v Interviewer>En uw moeder?" in text and "<v Spreker 2>Ja." in text


def test_the_search_document_shows_public_names_only(story):
    document = registry.document_for(f"story:{story.pk}")
    assert_no_real_name(json.dumps(document, ensure_ascii=False, default=str), "the search document")
    speakers = [segment["speaker"] for segment in document["transcript"]]
    assert speakers[:5] == ["Schuilnaam", "Schuilnaam", "Anoniem", "Anoniem", "Interviewer"]


def test_a_name_like_label_of_nobody_is_held_back_in_public(client, story):
    html = client.get(story.url).content.decode()
    assert '<span class="transcript__speaker">Spreker:</span> <span class="transcript__text">Mijn buurvrouw' in html
    vtt = client.get(reverse("media:transcript_webvtt", args=[story.transcript.pk])).content.decode()
    assert "<v Spreker>Mijn buurvrouw bracht pijpkaneel mee." in vtt
    document = registry.document_for(f"story:{story.pk}")
    assert [s["speaker"] for s in document["transcript"] if "pijpkaneel" in s.get("text", "")] == ["Spreker"]


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("beheer", "b@example.org", "pw"))
    return client


def test_the_curator_sees_which_labels_were_held_back(admin_client, story):
    transcript = story.transcript
    edit = admin_client.get(reverse("transcripts:edit", args=[transcript.pk])).content.decode()
    assert "HENDRIKA PIETERSEN" in edit
    assert "speaker-warning" in edit
    # labels that map to a person, and ordinary labels, are not on the list
    warning = edit[edit.index("speaker-warning") :]
    warning = warning[: warning.index("</div>")]
    assert "HENDRIKA PIETERSEN" in warning and "bezoekers zien “Spreker”" in warning  # the admin speaks Dutch
    assert "VERBORGEN" not in warning and "Interviewer" not in warning and "Verteller" not in warning
    listing = admin_client.get(reverse("transcripts:index")).content.decode()
    assert "HENDRIKA PIETERSEN" in listing


def test_a_transcript_without_name_like_labels_has_no_warning(admin_client, community_a):
    recording = make_recording("Rustig", duration=30)
    PersonFactory(full_name="Tia Maria Fonseca", pseudonym="Tia Maria", name_display="pseudonym")
    transcript = import_transcript(
        recording,
        b"WEBVTT\n\n00:01.000 --> 00:02.000\n<v Interviewer>Hallo\n\n00:03.000 --> 00:04.000\n<v Tia Maria>Dag\n",
        "r.vtt",
        language="nl",
    )
    edit = admin_client.get(reverse("transcripts:edit", args=[transcript.pk])).content.decode()
    assert "speaker-warning" not in edit


# --- the real search node: the stored document and the answers --------------------------
@pytest.mark.search_engine
def test_search_answers_show_public_names_only(client, engine, story):  # noqa: F811
    indexing.process_pending()
    engine.refresh()
    stored = engine.client.get(index=engine.alias, id=f"story:{story.pk}")["_source"]
    assert_no_real_name(json.dumps(stored, ensure_ascii=False), "the engine's stored document")
    for word, speaker in (("kolenkit", "Schuilnaam"), ("scheepsbeschuit", "Anoniem"), ("pijpkaneel", "Spreker")):
        data = client.get(reverse("search"), {"q": word, "format": "json"}).json()
        assert [hit["key"] for hit in data["results"]] == [f"story:{story.pk}"]
        assert data["results"][0]["moment_speaker"] == speaker
        assert_no_real_name(json.dumps(data, ensure_ascii=False), f"the search JSON for {word!r}")
        html = client.get(reverse("search"), {"q": word}).content.decode()
        assert f'<span class="hit__moment-speaker">{speaker}:</span>' in html
        assert_no_real_name(html, f"the search page for {word!r}")


from tests.search.conftest import engine, search_url  # noqa: E402, F401  (the real node, private index)


@pytest.mark.parametrize(
    "labels",
    [
        {"JOSÉ LOPES SEMEDO"},  # non-ASCII capitals: SQLite's LIKE folds ASCII only
        {"josé lopes semedo", "José Lopes Semedo", "JOSÉ LOPES SEMEDO"},
        {"JOSE LOPES SEMEDO", "Jose Lopes-Semedo"},  # accents left out, a hyphen put in
        {"VERBORGEN ACHTERNAAM", "verborgen achternaam", "Verborgen Achternaam"},  # one transcript, three spellings
        {"Verborgen  Achternaam"},  # an edited segment keeps its double space
        {"ＶＥＲＢＯＲＧＥＮ ＡＣＨＴＥＲＮＡＡＭ"},  # full-width letters (NFKC)
    ],
)
def test_every_spelling_of_a_real_name_maps_to_the_public_name(labels):
    from media.transcript_service import speaker_names

    PersonFactory(full_name=HIDDEN, pseudonym="Schuilnaam", name_display="pseudonym")
    PersonFactory(full_name=ANONYMOUS, name_display="anonymous")
    names = speaker_names(labels)
    for label in labels:
        assert names[label] in ("Schuilnaam", "Anoniem"), label
