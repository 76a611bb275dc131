"""Parsed transcripts (media.transcripts.parsed): validation, WebVTT export and the import entry points."""

import pytest

from core.timecodes import format_timestamp
from media.transcripts import (
    Cue,
    ParsedTranscript,
    Problem,
    TranscriptError,
    load_transcript,
    parse_transcript,
    parse_webvtt,
    to_webvtt,
    validate,
)


def _vtt(*blocks: str) -> bytes:
    return ("WEBVTT\n\n" + "\n\n".join(blocks) + "\n").encode()


# --- round trip -----------------------------------------------------------------------
def test_to_webvtt_round_trips_through_the_parser():
    original = ParsedTranscript(
        [
            Cue(0.0, 2.5, "Ik kwam in 1962 naar Rotterdam.", speaker="Maria Lopes"),
            Cue(
                2.5,
                7.04,
                "Op de boot, <met> mijn moeder\n& twee broers -->",
                speaker="Maria Lopes",
            ),
            Cue(7.04, 9.0, "Waar woonde u?", speaker="Interviewer <1>", identifier="q-2"),
            Cue(9.5, 12.0, "   ingesprongen\nNOTE geen commentaar"),
            Cue(
                12.0,
                3 * 3600 + 0.001,
                "Op Katendrecht.",
                settings={
                    "align": "start",
                    "line": 90,
                    "lineAlign": "start",
                    "snapToLines": False,
                    "position": 10,
                    "positionAlign": "line-left",
                    "size": 80,
                    "vertical": "lr",
                },
            ),
        ],
        language="nl",
    )
    text = to_webvtt(original)
    assert text.startswith("WEBVTT\n")
    assert "<v Maria Lopes>Op de boot, &lt;met&gt; mijn moeder\n&amp; twee broers --&gt;" in text

    spec = parse_webvtt(text)
    assert spec.valid and spec.problems == []

    result = parse_transcript(text.encode(), "roundtrip.vtt")
    assert result.problems == []
    assert result.transcript.language == "nl"
    assert result.transcript.cues == original.cues
    assert load_transcript(text.encode()).cues == original.cues


def test_srt_sample_round_trips_through_webvtt(shared_data):
    data = (shared_data / "srt/go-astisub/example-in-styled.srt").read_bytes()
    transcript = load_transcript(data, "example-in-styled.srt")
    again = load_transcript(to_webvtt(transcript).encode(), "again.vtt")
    assert again.cues == transcript.cues


# --- refused files --------------------------------------------------------------------
def test_unordered_cues_are_refused_with_the_line():
    data = _vtt(
        "00:01:05.000 --> 00:01:08.000\nEerst dit.",
        "00:01:02.000 --> 00:01:04.000\nToen dat.",
    )
    with pytest.raises(TranscriptError) as refused:
        load_transcript(data, "unordered.vtt")
    assert str(refused.value) == (
        "line 6: the cue starts at 00:01:02.000, before the previous cue starts "
        "(00:01:05.000): cues must be in time order"
    )
    assert [problem.line for problem in refused.value.problems] == [6]


def test_overlapping_cues_are_refused_with_the_line():
    data = _vtt(
        "1\n00:00:58.000 --> 00:01:05.000\nWe woonden boven de bakker.",
        "2\n00:01:02.000 --> 00:01:09.000\nAan de Deliplein.",
    )
    with pytest.raises(TranscriptError) as refused:
        load_transcript(data, "overlap.vtt")
    assert str(refused.value) == ("line 8: the cue starts at 00:01:02.000, before the previous cue ends (00:01:05.000)")


def test_overlap_with_an_earlier_long_cue_names_its_line():
    transcript = ParsedTranscript(
        [
            Cue(0, 10, "lang", line=3),
            Cue(2, 3, "kort", line=6),
            Cue(4, 5, "nog", line=9),
        ]
    )
    assert [str(problem) for problem in validate(transcript)] == [
        "line 6: the cue starts at 00:00:02.000, before the previous cue ends (00:00:10.000)",
        "line 9: the cue starts at 00:00:04.000, before the cue at line 3 ends (00:00:10.000)",
    ]


def test_minutes_above_59_are_refused_with_the_line():
    data = _vtt(
        "00:59:00.000 --> 00:59:30.000\nVoor.",
        "00:61:00.000 --> 00:62:00.000\nDit verhaal mag niet verdwijnen.",
    )
    result = parse_transcript(data, "bad.vtt")
    assert [(p.line, p.severity) for p in result.problems] == [(6, "error")]
    with pytest.raises(
        TranscriptError,
        match=r"^line 6: cue timings not understood "
        r"\(minutes must be 00 to 59, not 61\)",
    ):
        load_transcript(data, "bad.vtt")


@pytest.mark.parametrize(
    "timing, message",
    [
        (
            "00:00:05.000 --> 00:00:04.000",
            "line 3: the cue ends at 00:00:04.000, before it starts (00:00:05.000)",
        ),
        (
            "00:00:05.000 --> 00:00:05.000",
            "line 3: the cue lasts no time: it starts and ends at 00:00:05.000",
        ),
    ],
)
def test_cues_without_a_positive_duration_are_refused(timing, message):
    with pytest.raises(TranscriptError) as refused:
        load_transcript(_vtt(f"{timing}\ntekst"))
    assert str(refused.value) == message


@pytest.mark.parametrize(
    "data, filename, message",
    [
        (b"", "", "not a transcript"),
        (b"Dit is een brief, geen ondertitel.\n", "brief.txt", "not a transcript"),
        (b"webvtt\n\n00:00.000 --> 00:01.000\nx\n", "lower.vtt", "not a WebVTT file"),
        (b"\xef\xbb\xbf\xef\xbb\xbfWEBVTT\n", "two-boms.vtt", "not a WebVTT file"),
        (b"WEBVTT\n\nNOTE only a comment\n", "empty.vtt", "the file holds no cues"),
    ],
)
def test_files_that_are_not_transcripts_are_refused(data, filename, message):
    with pytest.raises(TranscriptError, match=message) as refused:
        load_transcript(data, filename)
    assert all(isinstance(problem, Problem) for problem in refused.value.problems)


def test_text_outside_a_cue_is_refused_rather_than_lost():
    data = _vtt("00:00:01.000 --> 00:00:02.000\nJa.", "Een zin zonder tijd.")
    with pytest.raises(TranscriptError, match=r"^line 6: text outside a cue"):
        load_transcript(data)


# --- messy but fine -------------------------------------------------------------------
def test_a_messy_real_world_webvtt_file_loads():
    text = (
        "\ufeffWEBVTT - interview Katendrecht\r\nKind: captions\r\nLanguage: nl\r\n\r\n"
        "STYLE\r\n::cue { color: yellow }\r\n\r\n"
        "NOTE opgenomen in 2019\r\nin het buurthuis\r\n\r\n"
        "intro\r\n00:01.000 --> 00:04.000 align:start position:10%\r\n"
        "<v Interviewer>Vertel eens,\r\nhoe was het?\r\n\r\n"
        "00:04.000 --> 01:00:00.000\r\n<v Ana>Druk.\r\n\r\n\r\n\r\n"
    )
    result = parse_transcript(text.encode("utf-8"))
    assert result.format == "vtt"
    assert result.problems == []
    transcript = load_transcript(text.encode("utf-8"))
    assert transcript.language == "nl"
    first, second = transcript.cues
    assert (first.identifier, first.speaker, first.text) == (
        "intro",
        "Interviewer",
        "Vertel eens,\nhoe was het?",
    )
    assert first.settings == {"align": "start", "position": 10, "positionAlign": "auto"}
    assert (second.start, second.end, second.speaker, second.line) == (
        4.0,
        3600.0,
        "Ana",
        16,
    )


def test_format_is_picked_by_content():
    srt = b"1\n00:00:01,000 --> 00:00:02,000\nHallo\n"
    assert parse_transcript(srt, "named-wrongly.vtt").format == "srt"
    assert parse_transcript(b"WEBVTT\n\n00:01.000 --> 00:02.000\nHallo\n", "x.srt").format == "vtt"


# --- a long interview -----------------------------------------------------------------
def _long_webvtt(cues: int = 4000, hours: float = 3.0) -> tuple[bytes, list[tuple[int, int]]]:
    step = int(hours * 3600 * 1000) // cues
    out, times = ["WEBVTT", ""], []
    for number in range(cues):
        start, end = number * step, number * step + step - 200
        times.append((start, end))
        speaker = "Interviewer" if number % 5 == 0 else "Maria Lopes"
        out += [
            str(number + 1),
            f"{format_timestamp(start / 1000)} --> {format_timestamp(end / 1000)}",
            f"<v {speaker}>Zin nummer {number + 1} van het gesprek,",
            "over de haven en de buurt.",
            "",
        ]
    return "\n".join(out).encode(), times


def test_a_three_hour_transcript_with_4000_cues():
    data, times = _long_webvtt()
    transcript = load_transcript(data, "long.vtt")
    cues = transcript.cues
    assert len(cues) == 4000
    last = cues[3999]
    assert (last.start, last.end) == (times[3999][0] / 1000, times[3999][1] / 1000)
    assert last.start == 10797.3  # 3999 cues of 2.7 s
    assert last.end > 3 * 3600 - 1
    assert last.identifier == "4000" and last.speaker == "Maria Lopes"
    assert last.text == "Zin nummer 4000 van het gesprek,\nover de haven en de buurt."
    assert cues[0].speaker == "Interviewer"
