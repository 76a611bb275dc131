"""Benchmark: exporting a community of 2,000 stories and 5 GB of files streams in flat memory.

    .venv/bin/python tests/benchmarks/export_community.py [--stories 10000] [--gb 5] [--files 250]
                                                          [--output PATH] [--database-url URL]

Seeds a throwaway SQLite database with bulk_seed.py (--stories over five communities),
takes the community with the most stories, and gives --files of its stories a recording of
--gb / --files gigabytes each (real files on disk: an MP3 tone padded with random bytes).
Then runs exchange.export.stream_export and writes the archive to --output (default: a
temporary file, deleted after), sampling the process's resident memory (VmRSS) at every
chunk. It prints the stories and bytes exported, the time, the throughput, and the growth
of resident memory from the start of the export to its highest point. The target is a
growth under 100 MB whatever the size of the files. A script, not a test: it prints.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bulk_seed import ROOT, seed, setup_django  # noqa: E402

MB = 1024 * 1024


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def make_recordings(community, folder: Path, count: int, size: int):
    from django.core.files import File
    from wagtail.models import Collection

    from media.models import OralHistoryMedia
    from stories.models import StoryPage

    tone = subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=5", "-f", "mp3", "pipe:1"],
        capture_output=True,
        check=True,
    ).stdout
    block = os.urandom(MB)
    stories = list(StoryPage.objects.descendant_of(community).order_by("path").values_list("pk", flat=True)[:count])
    collection = Collection.get_first_root_node()
    for number, story_id in enumerate(stories):
        source = folder / f"opname-{number}.mp3"
        with open(source, "wb") as out:
            out.write(tone)
            out.write(number.to_bytes(8, "big"))  # every file its own bytes
            written = len(tone) + 8
            while written < size:
                part = block[: min(MB, size - written)]
                out.write(part)
                written += len(part)
        with open(source, "rb") as handle:
            recording = OralHistoryMedia.objects.create(
                title=f"Opname {number}", type="audio", duration=5, collection=collection,
                file=File(handle, name=f"opname-{number}.mp3"),
            )  # fmt: skip
        source.unlink()
        StoryPage.objects.filter(pk=story_id).update(main_media=recording)
    return len(stories)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--gb", type=float, default=5.0)
    parser.add_argument("--files", type=int, default=250)
    parser.add_argument("--output", default="")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    (ROOT / "var").mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="bench-export-", dir=ROOT / "var"))
    os.environ["UPLOADS_DIR"] = str(folder / "uploads")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    setup_django(args.database_url or f"sqlite:///{folder / 'db.sqlite3'}")
    from django.conf import settings

    settings.MEDIA_ROOT = str(folder / "uploads")
    from exchange.export import stream_export
    from stories.models import CommunityPage, StoryPage

    seed(args.stories, log=lambda line: print(line, flush=True))
    counts = {
        community.pk: StoryPage.objects.descendant_of(community).count() for community in CommunityPage.objects.all()
    }
    community = CommunityPage.objects.get(pk=max(counts, key=counts.get))
    started = time.perf_counter()
    made = make_recordings(community, folder, args.files, int(args.gb * 1024 * MB / args.files))
    print(f"files: {made} recordings of {args.gb / args.files * 1024:.0f} MB in {time.perf_counter() - started:.0f} s")

    output = Path(args.output) if args.output else folder / "export.zip"
    base = rss_mb()
    highest = base
    size = 0
    last_print = time.perf_counter()
    started = time.perf_counter()
    with open(output, "wb") as out:
        for chunk in stream_export(community):
            out.write(chunk)
            size += len(chunk)
            highest = max(highest, rss_mb())
            if time.perf_counter() - last_print > 10:
                last_print = time.perf_counter()
                print(f"  … {size / 1024**3:.2f} GB, rss {rss_mb():.0f} MB", flush=True)
    elapsed = time.perf_counter() - started
    print(f"community: {community.title}, {counts[community.pk]:,} stories, {made} recordings")
    print(f"export: {size / 1024**3:.2f} GB in {elapsed:.1f} s ({size / MB / elapsed:.0f} MB/s) to {output}")
    print(f"resident memory: {base:.0f} MB at the start, {highest:.0f} MB at most: growth {highest - base:.0f} MB")
    print(f"target: growth under 100 MB: {'met' if highest - base < 100 else 'NOT met'}")
    if not args.output:
        import shutil

        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
