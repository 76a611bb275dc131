"""A tolerant SubRip (.srt) parser.

There is no SRT standard; this reads what real files contain: any common encoding
(see ``encoding.decode_bytes``), CR, CRLF or LF line endings, cue numbers or none,
``,`` or ``.`` before a 1-3 digit fraction (decimal: ``,04`` is 40 ms), hours optional,
no fraction at all, SSA-style coordinates after the times, ``<b> <i> <u> <font>``
markup and HTML character references.

Tolerant is not careless: a timing line that cannot be read, a cue number without a
timing line, or text before the first cue is an ``error`` problem with its line
number, because the words in it would otherwise be lost. A cue without any text is
left out with a ``warning`` (it carries nothing; this is also what webvtt-py does).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .encoding import decode_bytes
from .parsed import ERROR, WARNING, Problem

_TIME = r"(?:([0-9]+):)?([0-9]+):([0-9]+)(?:[,.]([0-9]+))?"
_TIMING = re.compile(rf"[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}(?:[ \t]+(.*?))?[ \t]*")
_COORDINATES = re.compile(r"(?:[XY][12]:-?[0-9]+[ \t]*)+", re.IGNORECASE)
# Markup SRT files carry: basic HTML-like tags and {\an8}-style SSA override codes.
_MARKUP = re.compile(
    r"</?(?:b|i|u|s|font|span|c|v|ruby|rt|lang)(?:[ \t.][^>]*)?>|\{\\[^}]*\}",
    re.IGNORECASE,
)


@dataclass
class SRTCue:
    number: str  # the cue number as written ("" when the file has none)
    start: float
    end: float
    raw_text: str
    text: str
    line: int  # 1-based line of the timing line


@dataclass
class SRTResult:
    cues: list[SRTCue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == ERROR]


class SRTTimingError(ValueError):
    pass


def _milliseconds(hours, minutes, seconds, fraction) -> int:
    if int(minutes) > 59:
        raise SRTTimingError(f"minutes must be 00 to 59, not {minutes}")
    if int(seconds) > 59:
        raise SRTTimingError(f"seconds must be 00 to 59, not {seconds}")
    if len(minutes) > 2 or len(seconds) > 2:
        raise SRTTimingError("minutes and seconds take at most two digits")
    if fraction is not None and not 1 <= len(fraction) <= 3:
        raise SRTTimingError(f"milliseconds take one to three digits, not {fraction!r}")
    ms = int((fraction or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + ms


def parse_timing_line(line: str) -> tuple[int, int, str]:
    """(start ms, end ms, what follows the end time)."""
    match = _TIMING.fullmatch(line)
    if match is None:
        raise SRTTimingError("expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm'")
    groups = match.groups()
    return _milliseconds(*groups[0:4]), _milliseconds(*groups[4:8]), groups[8] or ""


def plain_text(raw_text: str) -> str:
    """Markup removed, character references (``&nbsp; &amp; &lt;``) decoded."""
    text = _MARKUP.sub("", raw_text) if ("<" in raw_text or "{" in raw_text) else raw_text
    return html.unescape(text) if "&" in text else text


def _is_number(line: str) -> bool:
    stripped = line.strip()
    return stripped.isascii() and stripped.isdigit()


def parse_srt(data: bytes | str) -> SRTResult:
    if isinstance(data, bytes | bytearray):
        text, encoding = decode_bytes(bytes(data))
    else:
        text, encoding = data, ""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    result = SRTResult(encoding=encoding)
    problems = result.problems
    lines = text.split("\n")
    timing_lines = [index for index, line in enumerate(lines) if "-->" in line]
    if not timing_lines:
        problems.append(Problem(0, "no SRT timing line ('00:00:01,000 --> 00:00:02,000') found"))
        return result

    # Where each cue starts: its number line (if any) or its timing line.
    starts = []
    previous_timing = -2
    for timing in timing_lines:
        number = timing - 1
        has_number = number > previous_timing + 1 and number >= 0 and _is_number(lines[number])
        starts.append(number if has_number else timing)
        previous_timing = timing

    for index in range(starts[0]):
        if lines[index].strip():
            problems.append(
                Problem(
                    index + 1,
                    f"text before the first cue is left out: {lines[index]!r}",
                )
            )
            break

    for position, timing in enumerate(timing_lines):
        end_of_cue = starts[position + 1] if position + 1 < len(starts) else len(lines)
        body = lines[timing + 1 : end_of_cue]
        while body and not body[-1].strip():
            body.pop()
        line_number = timing + 1
        try:
            start, end, rest = parse_timing_line(lines[timing])
        except SRTTimingError as error:
            problems.append(
                Problem(
                    line_number,
                    f"cue timings not understood ({error}) in {lines[timing].strip()!r}; the cue is left out",
                )
            )
            continue
        if rest and not _COORDINATES.fullmatch(rest):
            problems.append(Problem(line_number, f"ignored after the times: {rest!r}", WARNING))
        # Blank lines inside what follows a timing line: either a cue whose timing
        # line is missing (a number, then text) or text with a blank line in it.
        for offset, line in enumerate(body):
            if line.strip() or offset + 1 >= len(body):
                continue
            following = body[offset + 1]
            if _is_number(following):
                problems.append(
                    Problem(
                        timing + offset + 3,
                        f"cue {following.strip()} has no timing line; its text would be lost",
                    )
                )
            elif following.strip():
                problems.append(
                    Problem(
                        timing + offset + 2,
                        "blank line inside the cue text; the text after it is kept in the cue",
                        WARNING,
                    )
                )
        raw_text = "\n".join(body)
        if not raw_text.strip():
            problems.append(Problem(line_number, "the cue has no text and is left out", WARNING))
            continue
        number = lines[starts[position]].strip() if starts[position] != timing else ""
        result.cues.append(
            SRTCue(
                number,
                start / 1000,
                end / 1000,
                raw_text,
                plain_text(raw_text),
                line_number,
            )
        )
    return result
