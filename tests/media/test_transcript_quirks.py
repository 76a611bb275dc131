"""The issue's list of real-file quirks, one by one, for both formats through the import
entry point (load_transcript): each is read without losing a word; broken files are refused
with the line number and what is wrong."""

import pytest

from media.transcripts import TranscriptError, load_transcript

VTT_CUES = "00:01.000 --> 00:02.000\nEen\n\n00:03.000 --> 00:04.000\nTwee\n"
SRT_CUES = "1\n00:00:01,000 --> 00:00:02,000\nEen\n\n2\n00:00:03,000 --> 00:00:04,000\nTwee\n"


def texts(data, name):
    return [(s.start, s.end, s.text) for s in load_transcript(data, name).cues]


EXPECTED = [(1.0, 2.0, "Een"), (3.0, 4.0, "Twee")]


@pytest.mark.parametrize(
    "quirk, data",
    [
        ("byte order mark", "\ufeffWEBVTT\n\n" + VTT_CUES),
        ("windows line endings", ("WEBVTT\n\n" + VTT_CUES).replace("\n", "\r\n")),
        ("old mac line endings", ("WEBVTT\n\n" + VTT_CUES).replace("\n", "\r")),
        ("blank lines at the end", "WEBVTT\n\n" + VTT_CUES + "\n\n\n\n"),
        ("no blank line at the end", "WEBVTT\n\n" + VTT_CUES.rstrip("\n")),
        ("cue identifiers", "WEBVTT\n\nc1\n" + VTT_CUES.replace("\n\n", "\n\nc2\n")),
        ("cue settings", "WEBVTT\n\n" + VTT_CUES.replace("02.000", "02.000 align:start line:0")),
        ("STYLE block", "WEBVTT\n\nSTYLE\n::cue { color: red }\n\n" + VTT_CUES),
        ("NOTE block", "WEBVTT\n\nNOTE interview 2019\nmet twee regels\n\n" + VTT_CUES),
        ("header text and metadata", "WEBVTT - interview\nKind: captions\nLanguage: nl\n\n" + VTT_CUES),
        ("hours written", "WEBVTT\n\n" + VTT_CUES.replace("00:0", "00:00:0")),
    ],
)
def test_webvtt_quirks_are_read(quirk, data):
    assert texts(data.encode("utf-8"), "x.vtt") == EXPECTED, quirk


@pytest.mark.parametrize(
    "quirk, data",
    [
        ("byte order mark", "\ufeff" + SRT_CUES),
        ("windows line endings", SRT_CUES.replace("\n", "\r\n")),
        ("blank lines at the end", SRT_CUES + "\n\n\n"),
        ("timestamps without hours", SRT_CUES.replace("00:00:0", "00:0")),
        ("dots before milliseconds", SRT_CUES.replace(",000", ".000")),
        ("no cue numbers", SRT_CUES.replace("1\n", "").replace("2\n", "")),
    ],
)
def test_srt_quirks_are_read(quirk, data):
    assert texts(data.encode("utf-8"), "x.srt") == EXPECTED, quirk


def test_multi_line_cues_keep_their_lines():
    data = b"WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Regel een\nregel twee\n"
    segment = load_transcript(data, "x.vtt").cues[0]
    assert (segment.speaker, segment.text) == ("Ana", "Regel een\nregel twee")
    srt = b"1\r\n00:00:01,000 --> 00:00:02,000\r\nRegel een\r\nregel twee\r\n"
    assert load_transcript(srt, "x.srt").cues[0].text == "Regel een\nregel twee"


@pytest.mark.parametrize(
    "name, data, line, words",
    [
        (
            "overlap",
            "WEBVTT\n\n00:01.000 --> 00:05.000\nA\n\n00:04.000 --> 00:06.000\nB\n",
            6,
            "before the previous cue ends",
        ),
        ("unordered", "WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:01.000 --> 00:02.000\nB\n", 6, "time order"),
        ("bad timestamp", "WEBVTT\n\n00:01.000 --> 00:02.000\nA\n\n00:03.0 --> 00:04.000\nB\n", 6, ""),
        ("minutes above 59", "WEBVTT\n\n00:01.000 --> 00:02.000\nA\n\n00:61.000 --> 01:02.000\nB\n", 6, ""),
        (
            "srt overlap",
            "1\n00:00:01,000 --> 00:00:05,000\nA\n\n2\n00:00:04,000 --> 00:00:06,000\nB\n",
            6,
            "before the previous cue ends",
        ),
        ("srt bad timestamp", "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 -> 00:00:04,000\nB\n", 5, ""),
    ],
)
def test_broken_files_are_refused_with_the_line(name, data, line, words):
    with pytest.raises(TranscriptError) as error:
        load_transcript(data.encode(), "x.srt" if name.startswith("srt") else "x.vtt")
    message = str(error.value)
    assert f"line {line}" in message, (name, message)
    assert words in message
