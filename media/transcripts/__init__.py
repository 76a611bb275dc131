"""Transcripts for oral histories: import WebVTT and SRT, export WebVTT.

    result = parse_transcript(data, "interview.srt")  # never raises: see .problems
    transcript = load_transcript(data, "interview.vtt")  # or TranscriptError

The format is picked by content: the WEBVTT signature means WebVTT; otherwise an SRT
timing line (``00:00:01,000 --> …``) means SRT. A file is refused when it is not a
transcript, when part of its text could not be read (a bad timestamp, text outside a
cue), or when ``validate`` finds cues out of order, overlapping or without duration.
Pure Python, no Django.
"""

from __future__ import annotations

import re

from .encoding import decode_bytes
from .parsed import (
    ERROR,
    WARNING,
    Cue,
    ParsedTranscript,
    ParseResult,
    Problem,
    to_webvtt,
    validate,
)
from .srt import parse_srt
from .webvtt import parse_webvtt

__all__ = [
    "ERROR",
    "WARNING",
    "Cue",
    "ParseResult",
    "ParsedTranscript",
    "Problem",
    "TranscriptError",
    "load_transcript",
    "parse_srt",
    "parse_transcript",
    "parse_webvtt",
    "to_webvtt",
    "validate",
]

_SRT_TIMING = re.compile(
    r"^[ \t]*(?:[0-9]+:)?[0-9]{1,2}:[0-9]{1,2}(?:([,.])[0-9]{1,3})?[ \t]*-->",
    re.MULTILINE,
)


class TranscriptError(ValueError):
    """The file is refused; ``problems`` says where and why, one line each."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def _detect(text: str, filename: str) -> str:
    if text.startswith("WEBVTT"):
        return "vtt"
    suffix = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    comma_timing = dot_timing = False
    for match in _SRT_TIMING.finditer(text.replace("\r", "\n") if "\r" in text else text):
        if match.group(1) == ",":
            comma_timing = True
            break
        dot_timing = True
    if comma_timing or (dot_timing and suffix != "vtt"):
        return "srt"
    if suffix in ("vtt", "srt"):
        return suffix
    return ""


def _settings(settings: dict) -> dict | None:
    """Cue settings as kept on a ``Cue``: regions are presentation that is not exported."""
    if not settings:
        return None
    if "region" in settings:
        settings = {key: value for key, value in settings.items() if key != "region"}
    return settings or None


def _empty_cues_left_out(cues, problems: list[Problem]) -> list:
    kept = []
    for cue in cues:
        if cue.text.strip():
            kept.append(cue)
        else:
            problems.append(Problem(cue.line, "the cue has no text and is left out", WARNING))
    return kept


def parse_transcript(data: bytes | str, filename: str = "") -> ParseResult:
    """Read a WebVTT or SRT transcript. Never raises for bad content."""
    if isinstance(data, bytes | bytearray):
        text, encoding = decode_bytes(bytes(data))
    else:  # already text: drop one byte order mark, as decoding would have
        text, encoding = (data[1:] if data.startswith("\ufeff") else data), ""
    kind = _detect(text, filename)
    if kind == "vtt":
        parsed = parse_webvtt(text)
        problems = list(parsed.problems)
        cues = _empty_cues_left_out(parsed.cues, problems)
        read = [
            Cue(
                cue.start,
                cue.end,
                cue.text,
                cue.speaker,
                cue.raw_text,
                cue.id,
                _settings(cue.settings),
                cue.line,
            )
            for cue in cues
        ]
        return ParseResult(
            "vtt",
            ParsedTranscript(read, parsed.language),
            problems,
            parsed.valid,
            encoding,
        )
    if kind == "srt":
        parsed = parse_srt(text)
        read = [
            Cue(
                start=cue.start,
                end=cue.end,
                text=cue.text,
                raw_text=cue.raw_text,
                identifier=cue.number,
                line=cue.line,
            )
            for cue in parsed.cues
        ]
        return ParseResult("srt", ParsedTranscript(read), parsed.problems, True, encoding)
    problem = Problem(1, "not a transcript: neither WebVTT (WEBVTT on the first line) nor SRT")
    return ParseResult("", ParsedTranscript([]), [problem], False, encoding)


def load_transcript(data: bytes | str, filename: str = "") -> ParsedTranscript:
    """``parse_transcript`` + ``validate``; raises ``TranscriptError`` if refused."""
    result = parse_transcript(data, filename)
    if not result.valid:
        raise TranscriptError(result.errors or result.problems)
    problems = result.errors + validate(result.transcript)
    if not problems and not result.transcript.cues:
        problems = [Problem(0, "the file holds no cues")]
    if problems:
        raise TranscriptError(sorted(problems, key=lambda problem: problem.line))
    return result.transcript
