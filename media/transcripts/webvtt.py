"""A WebVTT parser that follows the W3C WebVTT file parsing algorithm.

https://w3c.github.io/webvtt/#file-parsing ("WebVTT parser algorithm", "collect a
WebVTT block", "collect WebVTT cue timings and settings", "collect a WebVTT
timestamp", "parse the WebVTT cue settings", "collect WebVTT region settings").

The algorithm works on characters with a position pointer; this implementation works on
the list of lines, which is the same thing once line endings are normalised (every
step of the algorithm collects whole lines). Step names in comments refer to the spec.

What the spec silently drops (a block whose timing line does not parse, text outside a
cue, an unknown cue setting) is reported in ``problems`` with its line number, so an
importer can refuse the file instead of losing part of a story.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .parsed import ERROR, WARNING, Problem

ASCII_WHITESPACE = "\t\n\x0c\r "
_SPLIT_WHITESPACE = re.compile(r"[\t\n\x0c\r ]+")
# Greedy, and everything after the first digits optional: the match never backtracks,
# so it collects digits exactly as the spec's "collect a sequence of ASCII digits" does.
_TIMESTAMP = re.compile(r"([0-9]+)(?::([0-9]*))?(?::([0-9]*))?(?:\.([0-9]*))?")
# A shortcut for well-formed timing lines, with exactly the spec's outcome: hours any
# number of digits, minutes and seconds two, milliseconds three (ranges checked after).
_FAST_TIMESTAMP = r"(?:([0-9]+):)?([0-9]{2}):([0-9]{2})\.([0-9]{3})(?![0-9])"
_FAST_TIMINGS = re.compile(
    rf"[\t\x0c\r ]*{_FAST_TIMESTAMP}[\t\x0c\r ]*-->[\t\x0c\r ]*{_FAST_TIMESTAMP}(.*)",
    re.DOTALL,
)
_PERCENTAGE = re.compile(r"[0-9]+(?:\.[0-9]+)?%")
_DIGITS = re.compile(r"[0-9]+")
_LANGUAGE = re.compile(r"language[ \t]*[:=][ \t]*([^ \t]+)", re.IGNORECASE)

# Cue text: a tag runs from "<" to ">" (or to the end of the text).
_TAG = re.compile(r"<[^>]*>?")
# A voice start tag: "<v", optional ".class" parts, whitespace, the annotation.
_VOICE = re.compile(r"<v(?:\.[^\t\n\x0c\r .>]*)*(?:[\t\n\x0c\r ]+([^>]*))?>?")

_UNTIDY_ANNOTATION = re.compile(r"[\t\n\x0c\r]|  |^ | $")

ALIGNMENTS = ("start", "center", "end", "left", "right")
LINE_ALIGNMENTS = ("start", "center", "end")
POSITION_ALIGNMENTS = ("line-left", "center", "line-right")

#: VTTCue attributes a cue has when its settings do not say otherwise.
DEFAULT_ATTRIBUTES = {
    "region": None,
    "vertical": "",
    "snapToLines": True,
    "line": "auto",
    "lineAlign": "start",
    "position": "auto",
    "positionAlign": "auto",
    "size": 100,
    "align": "center",
}


@dataclass
class WebVTTRegion:
    id: str = ""
    width: float = 100
    lines: int = 3
    region_anchor_x: float = 0
    region_anchor_y: float = 100
    viewport_anchor_x: float = 0
    viewport_anchor_y: float = 100
    scroll: str = ""

    def as_dict(self) -> dict:
        """The VTTRegion attributes, with their DOM names."""
        return {
            "id": self.id,
            "width": self.width,
            "lines": self.lines,
            "regionAnchorX": self.region_anchor_x,
            "regionAnchorY": self.region_anchor_y,
            "viewportAnchorX": self.viewport_anchor_x,
            "viewportAnchorY": self.viewport_anchor_y,
            "scroll": self.scroll,
        }


@dataclass
class WebVTTCue:
    """One cue. ``settings`` holds only what the cue's settings set (VTTCue names:
    ``vertical``, ``line``, ``snapToLines``, ``lineAlign``, ``position``,
    ``positionAlign``, ``size``, ``align``, ``region`` as the region's id);
    ``attributes`` fills in the defaults."""

    id: str
    start: float
    end: float
    settings: dict = field(default_factory=dict)
    raw_text: str = ""
    text: str = ""
    speaker: str = ""
    region: WebVTTRegion | None = None
    line: int = 0  # 1-based line of the timing line

    @property
    def attributes(self) -> dict:
        attributes = dict(DEFAULT_ATTRIBUTES)
        attributes.update(self.settings)
        attributes["region"] = self.region
        return attributes


@dataclass
class WebVTTResult:
    valid: bool = False  # the WEBVTT signature is there (else the track fails to load)
    cues: list[WebVTTCue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    regions: list[WebVTTRegion] = field(default_factory=list)
    stylesheets: list[str] = field(default_factory=list)
    title: str = ""  # what follows "WEBVTT" on the first line
    header: str = ""  # the header block under the signature line
    language: str = ""  # from a "Language: xx" header line, if any


class TimingError(ValueError):
    """A timing line that the spec algorithm refuses; the message says why."""


# --- timestamps and timings -----------------------------------------------------------
def collect_timestamp(text: str, position: int) -> tuple[int, int]:
    """The spec's "collect a WebVTT timestamp" at ``position``: (ms, new position)."""
    match = _TIMESTAMP.match(text, position)
    if match is None:
        if position >= len(text):
            raise TimingError("a time is missing")
        raise TimingError(f"expected a time, found {text[position]!r}")
    first, second, third, fraction = match.groups()
    # Step 6: not exactly two digits, or above 59: the first part is hours.
    hours_first = len(first) != 2 or int(first) > 59
    if second is None:
        raise TimingError(f"expected ':' after {first!r}")
    if len(second) != 2:
        raise TimingError(f"minutes and seconds take two digits, not {second!r}")
    if hours_first or third is not None:
        if third is None:
            raise TimingError(f"{first!r} can only be hours: minutes and seconds must follow")
        if len(third) != 2:
            raise TimingError(f"minutes and seconds take two digits, not {third!r}")
        hours, minutes, seconds = int(first), int(second), int(third)
    else:
        hours, minutes, seconds = 0, int(first), int(second)
    if fraction is None:
        if text.startswith(",", match.end()):
            raise TimingError("WebVTT writes '.' before the milliseconds, not ','")
        raise TimingError("expected '.' and three digits of milliseconds after the seconds")
    if len(fraction) != 3:
        raise TimingError(f"milliseconds take three digits, not {fraction!r}")
    if minutes > 59:
        raise TimingError(f"minutes must be 00 to 59, not {minutes:02d}")
    if seconds > 59:
        raise TimingError(f"seconds must be 00 to 59, not {seconds:02d}")
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(fraction), match.end()


def _skip_whitespace(text: str, position: int) -> int:
    length = len(text)
    while position < length and text[position] in ASCII_WHITESPACE:
        position += 1
    return position


def parse_timings(line: str) -> tuple[int, int, str]:
    """The spec's "collect WebVTT cue timings", timing part: (start, end ms, rest)."""
    match = _FAST_TIMINGS.match(line)
    if match is not None:  # the usual shape; anything else takes the step-by-step path
        h1, m1, s1, f1, h2, m2, s2, f2, rest = match.groups()
        if m1 < "60" and s1 < "60" and m2 < "60" and s2 < "60":
            start = ((int(h1 or 0) * 60 + int(m1)) * 60 + int(s1)) * 1000 + int(f1)
            end = ((int(h2 or 0) * 60 + int(m2)) * 60 + int(s2)) * 1000 + int(f2)
            return start, end, rest
    position = _skip_whitespace(line, 0)
    start, position = collect_timestamp(line, position)
    position = _skip_whitespace(line, position)
    if not line.startswith("-->", position):
        raise TimingError("expected '-->' after the start time")
    position = _skip_whitespace(line, position + 3)
    end, position = collect_timestamp(line, position)
    return start, end, line[position:]


# --- settings -------------------------------------------------------------------------
def parse_percentage(text: str):
    """The spec's "parse a percentage string": a number 0-100 or None."""
    if not _PERCENTAGE.fullmatch(text):
        return None
    number = text[:-1]
    value = float(number) if "." in number else int(number)
    if value < 0 or value > 100:
        return None
    return value


def _parse_line_position(linepos: str):
    """The ``line`` setting's number: (number, is percentage) or None."""
    if not any("0" <= char <= "9" for char in linepos):
        return None
    if linepos.endswith("%"):
        number = parse_percentage(linepos)
        return None if number is None else (number, True)
    if any(char not in "-0123456789." for char in linepos):
        return None
    if "-" in linepos[1:]:
        return None
    dots = linepos.count(".")
    if dots > 1:
        return None
    if dots == 1:
        dot = linepos.index(".")
        if dot == 0 or dot == len(linepos) - 1:
            return None
        if not (linepos[dot - 1].isdigit() and linepos[dot + 1].isdigit()):
            return None
    try:
        number = float(linepos)
    except ValueError:
        return None
    return (int(number) if number.is_integer() and "." not in linepos else number), False


def parse_cue_settings(text: str, regions: dict[str, WebVTTRegion]):
    """The spec's "parse the WebVTT cue settings": (settings, region, ignored)."""
    settings: dict = {}
    region = None
    ignored: list[str] = []
    for setting in _SPLIT_WHITESPACE.split(text):
        if not setting:
            continue
        colon = setting.find(":")
        if colon <= 0 or colon == len(setting) - 1:
            ignored.append(setting)
            continue
        name, value = setting[:colon], setting[colon + 1 :]
        if name == "region":
            region = regions.get(value)
            if region is None:
                settings.pop("region", None)
                ignored.append(setting)
            else:
                settings["region"] = value
        elif name == "vertical":
            if value in ("rl", "lr"):
                settings["vertical"] = value
                region = None  # there are no vertical regions
                settings.pop("region", None)
            else:
                ignored.append(setting)
        elif name == "line":
            linepos, comma, linealign = value.partition(",")
            parsed = _parse_line_position(linepos)
            if parsed is None or (comma and linealign not in LINE_ALIGNMENTS):
                ignored.append(setting)
                continue
            settings["line"], percentage = parsed
            settings["lineAlign"] = linealign if comma else "start"
            settings["snapToLines"] = not percentage
        elif name == "position":
            colpos, comma, colalign = value.partition(",")
            number = parse_percentage(colpos)
            if number is None or (comma and colalign not in POSITION_ALIGNMENTS):
                ignored.append(setting)
                continue
            settings["position"] = number
            settings["positionAlign"] = colalign if comma else "auto"
        elif name == "size":
            number = parse_percentage(value)
            if number is None:
                ignored.append(setting)
            else:
                settings["size"] = number
        elif name == "align":
            if value in ALIGNMENTS:
                settings["align"] = value
            else:
                ignored.append(setting)
        else:
            ignored.append(setting)
    return settings, region, ignored


def parse_region_settings(text: str) -> WebVTTRegion:
    """The spec's "collect WebVTT region settings" from a REGION block's text."""
    region = WebVTTRegion()
    for setting in _SPLIT_WHITESPACE.split(text):
        colon = setting.find(":")
        if colon <= 0 or colon == len(setting) - 1:
            continue
        name, value = setting[:colon], setting[colon + 1 :]
        if name == "id":
            region.id = value
        elif name == "width":
            number = parse_percentage(value)
            if number is not None:
                region.width = number
        elif name == "lines":
            if _DIGITS.fullmatch(value):
                region.lines = int(value)
        elif name in ("regionanchor", "viewportanchor"):
            x_text, comma, y_text = value.partition(",")
            if not comma:
                continue
            x, y = parse_percentage(x_text), parse_percentage(y_text)
            if x is None or y is None:
                continue
            if name == "regionanchor":
                region.region_anchor_x, region.region_anchor_y = x, y
            else:
                region.viewport_anchor_x, region.viewport_anchor_y = x, y
        elif name == "scroll":
            if value == "up":
                region.scroll = "up"
    return region


# --- cue text -------------------------------------------------------------------------
def _annotation(text: str | None) -> str:
    if not text:
        return ""
    if _UNTIDY_ANNOTATION.search(text):
        text = " ".join(_SPLIT_WHITESPACE.split(text.strip(ASCII_WHITESPACE)))
    return html.unescape(text) if "&" in text else text


def split_voice(raw_text: str) -> tuple[str, str]:
    """(speaker, plain text) of cue text.

    The speaker is the annotation of a ``<v Name>`` tag that opens the cue. The plain
    text has every tag removed and character references decoded; a later voice tag for
    another speaker becomes "Name: " in the text, so no one's words lose their name.
    """
    if "<" not in raw_text:
        return "", (html.unescape(raw_text) if "&" in raw_text else raw_text)
    if raw_text.startswith("<v") and raw_text.count("<") == 1:  # the usual "<v Name>text"
        match = _VOICE.match(raw_text)
        if match and match.group(0).endswith(">"):
            text = raw_text[match.end() :]
            return _annotation(match.group(1)), (html.unescape(text) if "&" in text else text)
    speaker = ""
    if raw_text.startswith("<v"):
        match = _VOICE.match(raw_text)
        if match:
            speaker = _annotation(match.group(1))

    def replace(match: re.Match) -> str:
        tag = match.group(0)
        if tag.startswith("<v") and match.start() > 0:
            voice = _VOICE.fullmatch(tag)
            if voice:
                name = _annotation(voice.group(1))
                if name and name != speaker:
                    return f"{name}: "
        return ""

    text = _TAG.sub(replace, raw_text)
    return speaker, (html.unescape(text) if "&" in text else text)


# --- the parser -----------------------------------------------------------------------
def _is_block_keyword(buffer: str, keyword: str) -> bool:
    """``buffer`` starts with STYLE/REGION and the rest (if any) is ASCII whitespace."""
    return buffer.startswith(keyword) and not buffer[len(keyword) :].strip(ASCII_WHITESPACE)


def _is_note(line: str) -> bool:
    return line == "NOTE" or line.startswith(("NOTE ", "NOTE\t"))


def decode(data: bytes) -> str:
    """The spec's decoding: UTF-8, one leading BOM removed, bad bytes as U+FFFD."""
    text = data.decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


class _Parser:
    def __init__(self, text: str, result: WebVTTResult):
        lines = text.split("\n")
        # A final "": the text ends with a line feed (position is then past the end).
        self.trailing_lf = lines[-1] == ""
        if self.trailing_lf:
            lines.pop()
        self.lines = lines
        self.count = len(lines)
        self.result = result
        self.seen_cue = False
        self.regions: dict[str, WebVTTRegion] = {}

    def problem(self, line: int, message: str, severity: str = ERROR) -> None:
        self.result.problems.append(Problem(line, message, severity))

    def run(self) -> None:
        lines, count = self.lines, self.count
        self.result.title = lines[0][6:].strip(ASCII_WHITESPACE)
        index = 1  # steps 7-9: the rest of the signature line and its line feed
        if index >= count:
            return
        if lines[index] != "":  # step 10: a header
            index = self.collect_block(index, in_header=True)
        else:
            index += 1
        while index < count and lines[index] == "":  # step 11
            index += 1
        while index < count:  # block loop
            index = self.collect_cue_block(index)
            while index < count and lines[index] == "":
                index += 1

    def collect_cue_block(self, index: int) -> int:
        """The spec's "collect a WebVTT block" for the usual block: an optional
        identifier line, a timing line that parses, text lines. Gives the same result
        as ``collect_block`` for such blocks (and hands it everything else)."""
        lines, count = self.lines, self.count
        timing = index
        if "-->" not in lines[timing]:
            timing += 1
            if timing >= count or "-->" not in lines[timing]:
                return self.collect_block(index, in_header=False)
        try:
            start, end, rest = parse_timings(lines[timing])
        except TimingError:
            return self.collect_block(index, in_header=False)
        cue = WebVTTCue(
            lines[index] if timing > index else "",
            start / 1000,
            end / 1000,
            line=timing + 1,
        )
        if rest and rest.strip(ASCII_WHITESPACE):
            settings, cue.region, ignored = parse_cue_settings(rest, self.regions)
            cue.settings = settings
            for setting in ignored:
                self.problem(timing + 1, f"cue setting {setting!r} ignored", WARNING)
        self.seen_cue = True
        # Cue text: up to a blank line, the end, or a line with "-->" (the next block).
        after = timing + 1
        while after < count and lines[after] and "-->" not in lines[after]:
            after += 1
        cue.raw_text = "\n".join(lines[timing + 1 : after])
        cue.speaker, cue.text = split_voice(cue.raw_text)
        self.result.cues.append(cue)
        return after

    def collect_block(self, index: int, in_header: bool) -> int:
        """The spec's "collect a WebVTT block" from line ``index``; returns the next."""
        lines, count = self.lines, self.count
        first = index
        line_count = 0
        previous = index
        buffer: list[str] = []
        seen_arrow = False
        cue: WebVTTCue | None = None
        stylesheet = False
        region = False
        timing_failed = False
        ignored_kind = ""
        while True:
            if index < count:
                line = lines[index]
                index += 1
                seen_eof = index == count and not self.trailing_lf
            else:
                line, seen_eof = "", True
            line_count += 1
            if "-->" in line:
                if not in_header and (line_count == 1 or (line_count == 2 and not seen_arrow)):
                    seen_arrow = True
                    previous = index
                    try:
                        start, end, rest = parse_timings(line)
                    except TimingError as error:
                        cue = None
                        timing_failed = True
                        self.problem(
                            index,
                            f"cue timings not understood ({error}) in {line.strip()!r}; the cue is left out",
                        )
                    else:
                        cue = WebVTTCue("\n".join(buffer), start / 1000, end / 1000, line=index)
                        if rest and rest.strip(ASCII_WHITESPACE):
                            settings, cue.region, ignored = parse_cue_settings(rest, self.regions)
                            cue.settings = settings
                            for setting in ignored:
                                self.problem(index, f"cue setting {setting!r} ignored", WARNING)
                        buffer = []
                        self.seen_cue = True
                else:
                    index = previous
                    break
            elif line == "":
                break
            else:
                if not in_header and line_count == 2 and len(buffer) == 1:
                    if _is_block_keyword(buffer[0], "STYLE"):
                        if self.seen_cue:
                            ignored_kind = "STYLE"
                        else:
                            stylesheet = True
                            buffer = []
                    elif _is_block_keyword(buffer[0], "REGION"):
                        if self.seen_cue:
                            ignored_kind = "REGION"
                        else:
                            region = True
                            buffer = []
                buffer.append(line)
                previous = index
            if seen_eof:
                break

        if cue is not None:
            cue.raw_text = "\n".join(buffer)
            cue.speaker, cue.text = split_voice(cue.raw_text)
            self.result.cues.append(cue)
        elif stylesheet:
            self.result.stylesheets.append("\n".join(buffer))
        elif region:
            block = parse_region_settings("\n".join(buffer))
            self.result.regions = [r for r in self.result.regions if r.id != block.id]
            self.result.regions.append(block)
            self.regions[block.id] = block
        elif in_header:
            self.result.header = "\n".join(buffer)
            for header_line in buffer:
                match = _LANGUAGE.fullmatch(header_line.strip(ASCII_WHITESPACE))
                if match:
                    self.result.language = match.group(1)
        elif ignored_kind:
            self.problem(
                first + 1,
                f"{ignored_kind} block after the first cue is ignored",
                WARNING,
            )
        elif buffer and not timing_failed and not _is_note(buffer[0]):
            self.problem(
                first + 1,
                f"text outside a cue (no timing line before it) is left out: {buffer[0]!r}",
            )
        return index


def parse_webvtt(data: bytes | str) -> WebVTTResult:
    """Parse a WebVTT file. ``bytes`` are decoded as the spec says (UTF-8, one BOM
    skipped); a ``str`` is taken as already decoded."""
    text = decode(data) if isinstance(data, bytes | bytearray) else data
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    result = WebVTTResult()
    # Steps 4-6: the signature.
    if not text.startswith("WEBVTT") or (len(text) > 6 and text[6] not in " \t\n"):
        found = text.split("\n", 1)[0][:20]
        result.problems.append(Problem(1, f"not a WebVTT file: it must start with 'WEBVTT', found {found!r}"))
        return result
    result.valid = True
    _Parser(text, result).run()
    return result
