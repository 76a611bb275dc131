"""The WebVTT parser against the W3C web-platform-tests file-parsing cases.

Every entry of ``webvtt-wpt/expected.json`` (normative, see ../shared/data/README.md
section 1) is a test. Only the fields named in the entry's ``wpt_asserts`` are
asserted; the other values in the file were derived by a re-implementation and are not
the test suite's word (the README asks not to assert them).
"""

import json
import re

import pytest

from media.transcripts import parse_transcript
from media.transcripts.webvtt import parse_webvtt
from tests.conftest import SHARED_DATA

pytestmark = pytest.mark.shared_data

FOLDER = "webvtt-wpt"
EXPECTED = f"{FOLDER}/expected.json"

# wpt_asserts entry -> how to read the value from a parsed cue.
CUE_FIELDS = {
    "id": lambda cue: cue.id,
    "text": lambda cue: cue.raw_text,  # VTTCue.text is the cue text with its markup
    "startTime": lambda cue: cue.start,
    "endTime": lambda cue: cue.end,
}
SETTING_FIELDS = {
    "align",
    "vertical",
    "line",
    "snapToLines",
    "size",
    "position",
    "positionAlign",
}
EXPECTED_FIELD = {"startTime": "start", "endTime": "end"}
FILE_LEVEL = (
    "cues.length",
    "loads (no error event)",
    "error event (track fails to load)",
)


def _names(relative: str) -> list[str]:
    """Entry names, read at collection time so each is its own test. Without the data
    one placeholder is collected; the ``shared_data`` fixture then skips or fails."""
    path = SHARED_DATA / relative
    if not path.is_file():
        return ["(shared data missing)"]
    return list(json.loads(path.read_text(encoding="utf-8")))


def _expected(shared_data) -> dict:
    return json.loads((shared_data / EXPECTED).read_text(encoding="utf-8"))


def _assertions(asserts: list[str]) -> list[tuple[str, range | None]]:
    """("text", None) for all cues; ("align", range(3, 7)) for "align (cues 3-6)"."""
    parsed = []
    for entry in asserts:
        if entry in FILE_LEVEL:
            continue
        match = re.fullmatch(r"([\w.]+)(?: \(cues? (\d+)(?:-(\d+))?\))?", entry)
        if match:
            name, first, last = match.groups()
            cues = None if first is None else range(int(first), int(last or first) + 1)
            parsed.append((name, cues))
        elif entry.startswith("region (expected region is the JSON"):
            parsed.append(("region", None))
        elif entry.startswith("one STYLE block kept"):
            parsed.append(("stylesheets", None))
        else:
            raise AssertionError(f"wpt_asserts entry the test does not know: {entry!r}")
    return parsed


@pytest.mark.parametrize("name", _names(EXPECTED))
def test_wpt_file(shared_data, name):
    expected = _expected(shared_data)[name]
    result = parse_webvtt((shared_data / FOLDER / name).read_bytes())

    assert result.valid is expected["valid"]
    if not expected["valid"]:
        assert result.cues == []
        assert result.problems and result.problems[0].line == 1
        return
    assert len(result.cues) == len(expected["cues"])

    for field, cue_numbers in _assertions(expected["wpt_asserts"]):
        if field == "stylesheets":
            assert result.stylesheets == expected["stylesheets"]
            assert "::cue(#foo)" in result.stylesheets[0] and ".foo" in result.stylesheets[0]
            continue
        for number, (cue, wanted) in enumerate(zip(result.cues, expected["cues"], strict=True)):
            if cue_numbers is not None and number not in cue_numbers:
                continue
            where = f"{name} cue {number}: {field}"
            if field in CUE_FIELDS:
                assert CUE_FIELDS[field](cue) == wanted[EXPECTED_FIELD.get(field, field)], where
            elif field in SETTING_FIELDS:
                assert cue.attributes[field] == wanted["settings"][field], where
            elif field == "region":
                got = cue.region.as_dict() if cue.region else None
                assert got == wanted["region"], where
            elif field == "region.lines":
                assert cue.region is not None, where
                assert cue.region.lines == wanted["region"]["lines"], where
            else:
                raise AssertionError(f"{where}: no reader for this field")


@pytest.mark.parametrize("name", _names(EXPECTED))
def test_wpt_file_through_the_import_entry_point(shared_data, name):
    """parse_transcript decodes and sniffs on its own; it must agree with the spec
    parser on the signature and keep every cue that has text."""
    expected = _expected(shared_data)[name]
    result = parse_transcript((shared_data / FOLDER / name).read_bytes(), name)
    assert result.valid is expected["valid"]
    if expected["valid"]:
        assert result.format == "vtt"
        with_text = [cue for cue in expected["cues"] if cue["text"].strip()]
        assert len(result.transcript.cues) == len(with_text)


def test_every_expected_entry_has_its_file(shared_data):
    names = set(_expected(shared_data))
    assert len(names) == 39
    assert names == {path.name for path in (shared_data / FOLDER).glob("*.vtt")}


def test_two_boms_are_one_too_many(shared_data):
    data = (shared_data / FOLDER / "signature-two-boms.vtt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert parse_webvtt(data).valid is False
    assert parse_webvtt(data[3:]).valid is True


def test_skipped_lines_are_reported_with_their_line_numbers(shared_data):
    result = parse_webvtt((shared_data / FOLDER / "timings-60.vtt").read_bytes())
    errors = [(problem.line, problem.message) for problem in result.problems]
    assert [line for line, _ in errors] == [3, 6, 9, 12]
    assert "seconds must be 00 to 59, not 60" in errors[0][1]
    assert "minutes must be 00 to 59, not 60" in errors[1][1]


def test_note_and_style_blocks_are_not_problems(shared_data):
    result = parse_webvtt((shared_data / FOLDER / "comment-in-cue-text.vtt").read_bytes())
    assert result.problems == []
    assert [cue.text for cue in result.cues] == ["NOTE text", "NOTE text\nNOTE text2"]


def test_a_line_with_an_arrow_in_cue_text_starts_the_next_cue():
    result = parse_webvtt("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nfirst\n00:00:01.000 --> 00:00:02.000\nsecond\n")
    assert [(cue.start, cue.end, cue.text) for cue in result.cues] == [
        (0, 1, "first"),
        (1, 2, "second"),
    ]


def test_voice_spans_give_the_speaker_and_plain_text():
    result = parse_webvtt(
        "WEBVTT\n\n00:01.000 --> 00:02.500\n<v.loud  Ria   de Vries>Het <i>was</i> koud &amp; nat\n<v Piet>Ja.</v>\n"
    )
    (cue,) = result.cues
    assert cue.speaker == "Ria de Vries"
    assert cue.text == "Het was koud & nat\nPiet: Ja."
    assert cue.raw_text.startswith("<v.loud  Ria   de Vries>Het <i>was</i>")
    assert (cue.start, cue.end) == (1.0, 2.5)


def test_settings_are_parsed_into_a_dict():
    result = parse_webvtt(
        "WEBVTT\n\nREGION\nid:bottom width:40%\n\n"
        "00:00:00.000 --> 00:00:01.000 align:start line:-2,end position:10%,line-left "
        "size:80% region:bottom bogus:1\ntext\n"
    )
    (cue,) = result.cues
    assert cue.settings == {
        "align": "start",
        "line": -2,
        "lineAlign": "end",
        "snapToLines": True,
        "position": 10,
        "positionAlign": "line-left",
        "size": 80,
        "region": "bottom",
    }
    assert cue.region is not None and cue.region.width == 40
    assert [str(problem) for problem in result.problems] == ["line 6: cue setting 'bogus:1' ignored"]
