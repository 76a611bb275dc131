"""media.speakers: how a speaker label is matched to a person, and when it is held back."""

import pytest

from media.speakers import looks_like_a_name, name_key, speaker_names
from tests.factories import PersonFactory


@pytest.mark.parametrize(
    "a, b",
    [
        ("JOSÉ LOPES SEMEDO", "José Lopes Semedo"),
        ("JOSE LOPES SEMEDO", "José Lopes Semedo"),
        ("Lopes-Semedo,  José", "lopes semedo jose"),
        ("ＭＡＲＩＡ", "maria"),  # full-width
        ("STRAßE", "strasse"),  # casefold, not lower
        ("İlknur Şahin", "ilknur sahin"),
    ],
)
def test_name_keys_fold_case_accents_width_and_punctuation(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    "label",
    [
        "Maria Lopes",
        "VERBORGEN ACHTERNAAM",
        "Ana dos Santos",
        "Jan van der Berg",
        "J. Lopes",
        "Verteller Maria Lopes",
        "Maria Lopes (interviewer)",
        "MEVROUW SEMEDO",
        "O'Neill Murphy",
        "Maria Lopes 2",
        "محمد علي",
    ],
)
def test_labels_that_read_as_names(label):
    assert looks_like_a_name(label)


@pytest.mark.parametrize(
    "label",
    [
        "",
        "Interviewer",
        "Verteller",
        "Spreker 2",
        "Speaker 1",
        "Spreker A",
        "Maria",
        "Tia",
        "vrouw uit het publiek",
        "Interviewer Museum",
        "Interviewer en Verteller",
        "[muziek]",
        "Man 1",
        "Q",
        "-",
    ],
)
def test_labels_that_do_not(label):
    assert not looks_like_a_name(label)


@pytest.mark.django_db
def test_a_namesake_shown_in_full_does_not_reveal_a_hidden_name():
    PersonFactory(full_name="Jose Lopes", name_display="full")
    PersonFactory(full_name="José Lopes", pseudonym="Zé", name_display="pseudonym")
    assert speaker_names({"JOSE LOPES"})["JOSE LOPES"] == "Zé"


@pytest.mark.django_db
def test_a_real_name_wins_over_someone_elses_pseudonym():
    PersonFactory(full_name="Ana Semedo", pseudonym="Tia Lena", name_display="pseudonym")
    PersonFactory(full_name="Tia Lena", name_display="anonymous")
    assert speaker_names({"TIA LENA"})["TIA LENA"] == "Anoniem"


@pytest.mark.django_db
def test_the_surname_alone_of_a_hidden_person_is_held_back():
    PersonFactory(full_name="José Lopes Semedo", name_display="anonymous")
    PersonFactory(full_name="Jan de Vries", name_display="full")
    names = speaker_names({"SEMEDO", "Lopes", "Vries", "Interviewer"})
    assert names == {"SEMEDO": "Spreker", "Lopes": "Lopes", "Vries": "Vries", "Interviewer": "Interviewer"}
    assert names.withheld == {"SEMEDO"}


@pytest.mark.django_db
def test_a_label_that_was_not_resolved_is_never_shown():
    names = speaker_names({"Interviewer"})
    assert names.shown("Interviewer") == "Interviewer"
    assert names.shown("Maria Lopes") == "Spreker"  # not asked for: fails closed
    assert names.shown("") == ""


@pytest.mark.django_db
def test_english_pages_say_speaker():
    from django.utils.translation import override

    with override("en"):
        assert speaker_names({"Hendrika Pietersen"})["Hendrika Pietersen"] == "Speaker"


@pytest.mark.django_db
def test_the_recordings_naming_a_person_are_found_in_any_spelling():
    from media.speakers import recordings_naming
    from media.transcript_service import import_transcript
    from tests.media.conftest import make_recording

    def recording_with(label):
        recording = make_recording(label)
        import_transcript(recording, f"WEBVTT\n\n00:01.000 --> 00:02.000\n<v {label}>Zin\n".encode(), "t.vtt", "nl")
        return recording.pk

    capitals, surname, other = recording_with("JOSÉ LOPES SEMEDO"), recording_with("SEMEDO"), recording_with("Ana")
    assert recordings_naming(["José Lopes-Semedo"]) == {capitals, surname}
    assert other not in recordings_naming(["José Lopes Semedo", "Zé"])
    assert recordings_naming([""]) == set()
