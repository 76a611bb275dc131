"""core.timecodes: every form each reading accepts and refuses, pinned input by input,
and what each caller does with the inputs where the two readings differ.

The two tables were taken from the parsers as they were before they moved here
(``media.timecodes.parse_time`` and ``stories.blocks.parse_timecode``): moving them
must not change a single answer.
"""

import pytest
from django.core.exceptions import ValidationError as DjangoValidationError
from django.test import RequestFactory
from wagtail.blocks import StructBlockValidationError

from core.timecodes import clock, format_timestamp, parse, parse_clip_time, t_param

REFUSED = "refused"  # parse_clip_time raises ValueError

# input: (parse, parse_clip_time)
READINGS = {
    "": (None, None),
    "   ": (None, None),
    "0": (0.0, 0.0),
    "754": (754.0, 754.0),
    "754s": (754.0, REFUSED),
    "754.5": (754.5, 754.5),
    "754,5": (754.5, REFUSED),
    "754.5s": (754.5, REFUSED),
    "12:34": (754.0, 754.0),
    " 12:34 ": (754.0, 754.0),
    "12:34.5": (754.5, 754.5),
    "12:34,5": (754.5, REFUSED),
    "12:34.500": (754.5, 754.5),
    "12:34.5678": (None, 754.5678),
    "1:02:03": (3723.0, 3723.0),
    "1:02:03.5": (3723.5, 3723.5),
    "1:2:3": (3723.0, 3723.0),
    "90:00": (5400.0, 5400.0),
    "0:75": (None, 75.0),
    "1:75:00": (None, 8100.0),
    "123:45": (None, 7425.0),
    "1:005": (None, 65.0),
    "1.5:30": (None, 120.0),
    "5.": (None, 5.0),
    ".5": (None, 0.5),
    "12:.5": (None, 720.5),
    "0:0:0:0": (None, REFUSED),
    "100:00:00": (360000.0, 360000.0),
    "100:00:01": (None, 360001.0),
    "360001": (None, 360001.0),
    "12:34s": (None, REFUSED),
    "-5": (None, REFUSED),
    "1e3": (None, REFUSED),
    "abc": (None, REFUSED),
    "1: 30": (None, REFUSED),
    "::": (None, REFUSED),
    "12:34:": (None, REFUSED),
    "\u0661\u0662:\u0663\u0664": (754.0, 754.0),  # Arabic-Indic digits, read as digits by both
    "\u00b2": (None, REFUSED),  # a superscript two is a digit to str.isdigit, not to float
    "00:00:00.000": (0.0, 0.0),
    "99:59:59.999": (359999.999, 359999.999),
}


@pytest.mark.parametrize("text", list(READINGS))
def test_parse_reads_links_and_segment_times_as_before(text):
    assert parse(text) == READINGS[text][0]


@pytest.mark.parametrize("text", list(READINGS))
def test_parse_clip_time_reads_clip_blocks_as_before(text):
    expected = READINGS[text][1]
    if expected == REFUSED:
        with pytest.raises(ValueError):
            parse_clip_time(text)
    else:
        assert parse_clip_time(text) == expected


def test_parse_takes_what_is_not_a_string():
    assert parse(None) is None
    assert parse(754) == 754.0
    assert parse_clip_time(None) is None


# --- writing ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("seconds", "millis", "expected"),
    [
        (0, False, "0:00"),
        (4.6, False, "0:04"),  # cut, not rounded: a row never shows a second it has not reached
        (245, False, "4:05"),
        (2525, False, "42:05"),
        (3723, False, "1:02:03"),
        (2525.12, True, "42:05.120"),
        (3723.0004, True, "1:02:03.000"),
        (-5, False, "0:00"),
        ("12.5", False, "0:12"),
        ("abc", False, ""),
        (None, False, ""),
    ],
)
def test_clock(seconds, millis, expected):
    assert clock(seconds, millis=millis) == expected


def test_t_param_is_whole_seconds():
    assert t_param(754.9) == "12:34"
    assert t_param(3723) == "1:02:03"


def test_timestamps_are_written_with_hours_and_milliseconds():
    assert format_timestamp(0) == "00:00:00.000"
    assert format_timestamp(62.0) == "00:01:02.000"
    assert format_timestamp(3 * 3600 + 59 * 60 + 59.9995) == "04:00:00.000"
    assert format_timestamp(101.04) == "00:01:41.040"
    assert format_timestamp(101.04, ",") == "00:01:41,040"
    assert format_timestamp(-1.5) == "-00:00:01.500"
    assert format_timestamp(100 * 3600) == "100:00:00.000"


# --- the callers, where the two readings differ ----------------------------------------
# "0:75" is a clip time but not a link time; "754s" and "12:34,5" are link times but not
# clip times. Each caller keeps the reading it always had.
def test_segment_time_field_reads_like_links():
    from media.forms import TimecodeField

    field = TimecodeField()
    assert field.to_python("754s") == 754_000
    assert field.to_python("12:34,5") == 754_500
    assert field.to_python("") is None
    with pytest.raises(DjangoValidationError):
        field.to_python("0:75")
    assert field.prepare_value(754_500) == "12:34.500"


@pytest.mark.django_db
def test_clip_block_reads_its_own_way():
    from stories.blocks import MediaClipBlock
    from tests.media.conftest import make_recording

    block = MediaClipBlock()
    recording = make_recording()
    for start, end in [("0:75", "2:00"), ("1.5:30", ""), ("12:34.5678", "90:00")]:
        block.clean({"recording": recording, "start": start, "end": end, "caption": ""})  # no error
    for start in ["754s", "12:34,5", "abc"]:
        with pytest.raises(StructBlockValidationError) as refused:
            block.clean({"recording": recording, "start": start, "end": "", "caption": ""})
        assert set(refused.value.block_errors) == {"start"}
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean({"recording": recording, "start": "2:00", "end": "0:75", "caption": ""})
    assert set(refused.value.block_errors) == {"end"}


def test_search_reads_clips_like_the_block():
    from stories.search_documents import clip_blocks

    body = [
        {"type": "media_clip", "id": "a", "value": {"recording": 1, "start": "0:75", "end": "2:00"}},
        {"type": "media_clip", "id": "b", "value": {"recording": 2, "start": "754s", "end": ""}},
        {"type": "media_clip", "id": "c", "value": {"recording": 3, "start": "", "end": "1.5:30"}},
    ]
    clips = clip_blocks(body)
    assert [(c.media_id, c.start_ms, c.end_ms) for c in clips] == [(1, 75_000, 120_000), (3, 0, 120_000)]


def test_media_fragment_reads_like_the_block():
    from core.templatetags.site_tags import media_fragment

    assert media_fragment("0:75", "2:00") == "#t=75,120"
    assert media_fragment("754s", "") == ""
    assert media_fragment("", "1:02:03.5") == "#t=0,3723.5"


@pytest.mark.django_db
def test_deep_link_and_player_clip_read_like_links():
    from media.player import build_player
    from media.templatetags.media_player import recording_player
    from tests.media.conftest import make_recording

    recording = make_recording(duration=4000.0)
    rf = RequestFactory()
    assert build_player(recording, rf.get("/", {"t": "754s"})).start == 754.0
    assert build_player(recording, rf.get("/", {"t": "12:34,5"})).start == 754.5
    assert build_player(recording, rf.get("/", {"t": "0:75"})).start is None
    player = build_player(recording, rf.get("/", {"t": "1:02:03"}))
    assert (player.start_clock, player.duration_clock) == ("1:02:03", "1:06:40")

    context = {"request": rf.get("/"), "LANGUAGE_CODE": "nl"}
    clip = recording_player(context, recording, start="754s", end="0:75")["player"]
    assert (clip.clip_start, clip.clip_end) == (754.0, None)
    clip = recording_player(context, recording, start="0:75", end="12:34,5")["player"]
    assert (clip.clip_start, clip.clip_end) == (0.0, 754.5)


def test_every_project_template_compiles_without_the_removed_filters():
    """site_tags' ``clock`` and ``timecode_seconds`` filters were duplicates no template
    used; compiling every project template proves none needs them."""
    from pathlib import Path

    from django.conf import settings
    from django.template.loader import get_template

    root = Path(settings.BASE_DIR)
    names = []
    for directory in root.glob("*/templates"):
        if ".venv" in directory.parts:
            continue
        names += [str(path.relative_to(directory)) for path in directory.rglob("*.html")]
    assert len(names) > 20
    for name in names:
        get_template(name)
