"""Benchmark: parsing a three-hour, ~4,000-cue oral-history transcript.

    .venv/bin/python tests/benchmarks/transcript_parse.py [--cues 4000] [--hours 3]
        [--runs 20] [--profile]

Generates the same interview as WebVTT (voice tags, cue ids, a NOTE and a STYLE block,
CRLF line endings) and as SRT (cue numbers, ',' milliseconds, some <i> markup), then
prints the median and best of N runs for: the spec WebVTT parser, the SRT parser, and
the import entry point (decode + sniff + parse + validate) for each, plus to_webvtt.
A script, not a test: numbers are reported, not asserted. Target: well under 0.2 s.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core.timecodes import format_timestamp  # noqa: E402
from media.transcripts import load_transcript, parse_srt, parse_webvtt, to_webvtt  # noqa: E402

SPEAKERS = ["Interviewer", "Maria Lopes", "Ana dos Santos"]
LINES = [
    "Ik kwam in 1962 met de boot naar Rotterdam,",
    "en we woonden eerst boven een café op Katendrecht.",
    "Mijn vader werkte in de haven — bij de kolenoverslag.",
    "Dat was zwaar werk & slecht betaald, maar er was werk.",
]


def make_cues(cues: int, hours: float) -> list[tuple[int, int, str, list[str]]]:
    step = int(hours * 3600 * 1000) // cues
    out = []
    for number in range(cues):
        start = number * step
        text = [LINES[number % 4], LINES[(number + 1) % 4]][: 1 + number % 2]
        out.append((start, start + step - 150, SPEAKERS[number % 3], text))
    return out


def make_webvtt(cues) -> bytes:
    out = [
        "WEBVTT - interview",
        "Language: nl",
        "",
        "STYLE",
        "::cue { color: white }",
        "",
        "NOTE gegenereerd voor de benchmark",
        "",
    ]
    for number, (start, end, speaker, text) in enumerate(cues, 1):
        out.append(f"c{number}")
        out.append(
            f"{format_timestamp(start / 1000)} --> {format_timestamp(end / 1000)}"
            + (" align:start" if number % 10 == 0 else "")
        )
        escaped = [line.replace("&", "&amp;") for line in text]
        out.append(f"<v {speaker}>{escaped[0]}")
        out.extend(escaped[1:])
        out.append("")
    return "\r\n".join(out).encode("utf-8")


def make_srt(cues) -> bytes:
    out = []
    for number, (start, end, _speaker, text) in enumerate(cues, 1):
        out.append(str(number))
        out.append(f"{format_timestamp(start / 1000, ',')} --> {format_timestamp(end / 1000, ',')}")
        out.extend(f"<i>{line}</i>" if number % 7 == 0 else line for line in text)
        out.append("")
    return "\r\n".join(out).encode("utf-8")


def timed(function, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return statistics.median(times), min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cues", type=int, default=4000)
    parser.add_argument("--hours", type=float, default=3.0)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    cues = make_cues(args.cues, args.hours)
    vtt, srt = make_webvtt(cues), make_srt(cues)
    # The data is real: every cue comes back, the last one at the right time.
    for name, data in (("vtt", vtt), ("srt", srt)):
        transcript = load_transcript(data, f"interview.{name}")
        assert len(transcript.cues) == args.cues, name
        assert transcript.cues[-1].start == cues[-1][0] / 1000, name
    transcript = load_transcript(vtt, "interview.vtt")

    print(  # noqa: T201
        f"{args.cues} cues over {args.hours:g} h; WebVTT {len(vtt) / 1024:.0f} KiB, "
        f"SRT {len(srt) / 1024:.0f} KiB; median and best of {args.runs} runs"
    )
    print(f"{'step':<44}{'median ms':>10}{'best ms':>10}")  # noqa: T201
    rows = [
        ("parse_webvtt (spec parser, bytes)", lambda: parse_webvtt(vtt)),
        ("parse_srt (bytes)", lambda: parse_srt(srt)),
        (
            "load_transcript WebVTT (+ sniff, validate)",
            lambda: load_transcript(vtt, "i.vtt"),
        ),
        (
            "load_transcript SRT (+ sniff, validate)",
            lambda: load_transcript(srt, "i.srt"),
        ),
        ("to_webvtt", lambda: to_webvtt(transcript)),
    ]
    for label, function in rows:
        median, best = timed(function, args.runs)
        print(f"{label:<44}{median * 1000:>10.1f}{best * 1000:>10.1f}")  # noqa: T201

    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(load_transcript, vtt, "i.vtt")
        pstats.Stats(profile).sort_stats("cumulative").print_stats(15)


if __name__ == "__main__":
    main()
