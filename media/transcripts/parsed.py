"""A transcript file as read: its cues, the problems found, validation and WebVTT export.

No Django here: the parsers (``webvtt``, ``srt``) and the import entry points in
``media.transcripts`` build these dataclasses. They are what a file said, before it is
stored; the stored transcript is ``media.models.Transcript`` with its ``Segment`` rows
(``media.transcript_service`` turns one into the other). Hence the names: a
``ParsedTranscript`` of ``Cue`` objects, not a second Transcript/Segment pair.

Times are seconds (float). They are compared and written in whole milliseconds, the
resolution of both WebVTT and SRT, so float noise never makes two equal times differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.timecodes import format_timestamp

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file, at a 1-based line (0: the file as a whole).

    ``error`` problems mean part of the file could not be read (text would be lost) or
    the timing is broken: ``load_transcript`` refuses the file. ``warning`` problems
    are things that were left out on purpose and carry no story (an ignored cue
    setting, a cue without text).
    """

    line: int
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class Cue:
    """One timed piece of a transcript file, whatever its format (WebVTT or SRT).

    ``text`` is plain text (markup removed, character references decoded); ``raw_text``
    is the cue text as it was in the file. ``line`` is the line of the cue's timing
    line in the file it came from, for messages. Neither takes part in ``==``: two
    cues are the same when they say the same thing at the same time.
    """

    start: float
    end: float
    text: str
    speaker: str = ""
    raw_text: str = field(default="", compare=False)
    identifier: str = ""
    settings: dict | None = None
    line: int = field(default=0, compare=False)


@dataclass
class ParsedTranscript:
    cues: list[Cue]
    language: str = ""


@dataclass
class ParseResult:
    """What ``parse_transcript`` read: the format, the transcript and the problems.

    ``valid`` is False when the data is not a transcript at all (no WEBVTT signature,
    no SRT timing line).
    """

    format: str
    transcript: ParsedTranscript
    problems: list[Problem] = field(default_factory=list)
    valid: bool = True
    encoding: str = ""

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity != ERROR]


# --- validation -----------------------------------------------------------------------
def validate(transcript: ParsedTranscript) -> list[Problem]:
    """Refuse what a player or an editor would get wrong: cues out of order, cues that
    overlap, cues that end before they start or last no time at all."""
    problems: list[Problem] = []
    previous: Cue | None = None
    latest: Cue | None = None  # the cue that ends last so far
    previous_start = latest_end = 0
    for cue in transcript.cues:
        start, end = round(cue.start * 1000), round(cue.end * 1000)
        if end <= start:
            if end < start:
                message = (
                    f"the cue ends at {format_timestamp(cue.end)}, before it starts ({format_timestamp(cue.start)})"
                )
            else:
                message = f"the cue lasts no time: it starts and ends at {format_timestamp(cue.start)}"
            problems.append(Problem(cue.line, message))
        if previous is not None:
            if start < previous_start:
                problems.append(
                    Problem(
                        cue.line,
                        f"the cue starts at {format_timestamp(cue.start)}, before "
                        f"{_which(previous, cue)} starts "
                        f"({format_timestamp(previous.start)}): "
                        "cues must be in time order",
                    )
                )
            elif start < latest_end:
                problems.append(
                    Problem(
                        cue.line,
                        f"the cue starts at {format_timestamp(cue.start)}, before "
                        f"{_which(latest, cue, previous)} ends "
                        f"({format_timestamp(latest.end)})",
                    )
                )
        previous, previous_start = cue, start
        if latest is None or end > latest_end:
            latest, latest_end = cue, end
    return problems


def _which(other: Cue, cue: Cue, previous: Cue | None = None) -> str:
    if previous is None or other is previous:
        return "the previous cue"
    return f"the cue at line {other.line}" if other.line else "an earlier cue"


# --- WebVTT export --------------------------------------------------------------------
def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    text = repr(float(value))
    if "e" in text or "E" in text:
        text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text


def format_settings(settings: dict | None) -> str:
    """Cue settings (as the WebVTT parser returns them) back to ``name:value`` text."""
    if not settings:
        return ""
    parts = []
    if settings.get("vertical") in ("rl", "lr"):
        parts.append(f"vertical:{settings['vertical']}")
    line = settings.get("line", "auto")
    if line != "auto" and line is not None:
        text = _number(line) + ("%" if settings.get("snapToLines") is False else "")
        if settings.get("lineAlign", "start") != "start":
            text += f",{settings['lineAlign']}"
        parts.append(f"line:{text}")
    position = settings.get("position", "auto")
    if position != "auto" and position is not None:
        text = _number(position) + "%"
        if settings.get("positionAlign", "auto") != "auto":
            text += f",{settings['positionAlign']}"
        parts.append(f"position:{text}")
    if "size" in settings and settings["size"] != 100:
        parts.append(f"size:{_number(settings['size'])}%")
    if settings.get("align", "center") != "center":
        parts.append(f"align:{settings['align']}")
    if settings.get("region"):
        parts.append(f"region:{settings['region']}")
    return " ".join(parts)


def to_webvtt(transcript: ParsedTranscript) -> str:
    """A valid WebVTT file: ``<v Speaker>`` where a speaker is set, ``& < >`` escaped.

    Written from the plain ``text`` (styling from the source file is not kept). Cue
    text cannot hold an empty line in WebVTT, so empty lines inside a cue's text are
    left out; every word is kept. Identifiers that WebVTT cannot hold (with ``-->`` or
    a line break) are written without the offending characters.
    """
    out = ["WEBVTT"]
    if transcript.language:
        out.append(f"Language: {' '.join(transcript.language.split())}")
    out.append("")
    for cue in transcript.cues:
        identifier = " ".join(cue.identifier.replace("\x00", "\ufffd").splitlines())
        identifier = identifier.replace("-->", "- ->")
        if identifier.strip():
            out.append(identifier)
        timing = f"{format_timestamp(cue.start)} --> {format_timestamp(cue.end)}"
        settings = format_settings(cue.settings)
        out.append(f"{timing} {settings}" if settings else timing)
        text = cue.text.replace("\x00", "\ufffd").replace("\r\n", "\n").replace("\r", "\n")
        lines = [_escape(line) for line in text.split("\n") if line.strip()]
        speaker = " ".join(cue.speaker.split())
        if speaker:
            voice = f"<v {_escape(speaker)}>"
            lines = [voice + lines[0], *lines[1:]] if lines else [voice]
        out.extend(lines)
        out.append("")
    return "\n".join(out)
