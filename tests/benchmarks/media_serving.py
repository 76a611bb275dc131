"""Benchmark: what the access check costs when serving uploads, and that streaming stays flat.

    .venv/bin/python tests/benchmarks/media_serving.py [--mb 200] [--requests 200]

Builds a throwaway SQLite database (migrations run), a community with a public story
and a community-only story, each with a real recording padded to --mb megabytes, then
through Django's test client (the whole middleware stack, in-process):
- the check alone: a 1-byte range request, public and restricted (a member), and a
  refused anonymous request to the restricted file (404), each --requests times;
- seeking: 1 MB ranges at random offsets;
- a full download of the big file, next to reading the same file from disk, with the
  process's peak memory before and after (ru_maxrss), to show the bytes are streamed.
This is a script, not a test: it prints numbers, it asserts nothing.
"""

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label, count, call):
    start = time.perf_counter()
    for _ in range(count):
        call()
    elapsed = time.perf_counter() - start
    print(f"{label:<52} {elapsed / count * 1000:8.2f} ms/request  ({count} requests)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-serving-"))
    os.environ.update(
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        DJANGO_SETTINGS_MODULE="config.settings.test",
        UPLOADS_DIR=str(folder / "uploads"),
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = str(folder / "uploads")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    import subprocess

    from django.core.files import File
    from django.test import Client
    from wagtail.models import Collection, Site

    from media.models import OralHistoryMedia
    from tests.factories import CommunityIndexPageFactory, CommunityPageFactory, StoryPageFactory, UserFactory

    home = Site.objects.get(is_default_site=True).root_page.specific
    index = CommunityIndexPageFactory(parent=home)
    community = CommunityPageFactory(parent=index, title="Kaapverdianen")
    community.refresh_from_db()
    member = UserFactory(username="member", groups=[community.member_group])

    source = folder / "recording.mp3"
    tone = subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=5", "-f", "mp3", "pipe:1"],
        capture_output=True,
        check=True,
    ).stdout
    with open(source, "wb") as out:
        out.write(tone)
        block = os.urandom(MB)
        for _ in range(args.mb - 1):
            out.write(block)

    def recording(title):
        with open(source, "rb") as handle:
            return OralHistoryMedia.objects.create(
                title=title,
                type="audio",
                duration=5,
                file=File(handle, name="opname.mp3"),
                collection=Collection.get_first_root_node(),
            )

    public = recording("Openbaar")
    restricted = recording("Besloten")
    StoryPageFactory(parent=community, title="Openbaar", main_media=public)
    StoryPageFactory(parent=community, title="Besloten", main_media=restricted, access_level="community")
    size = public.file.size

    anonymous, logged_in = Client(), Client()
    logged_in.force_login(member)

    def drain(response, expected):
        assert response.status_code == expected, response.status_code
        for _ in response.streaming_content if response.streaming else []:
            pass

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    print(f"file: {size / MB:.0f} MB, SQLite, in-process test client")
    for label, client, url, status in (
        ("public, anonymous", anonymous, public.url, 206),
        ("community, member", logged_in, restricted.url, 206),
        ("community, anonymous", anonymous, restricted.url, 404),
    ):
        with CaptureQueriesContext(connection) as queries:
            drain(client.get(url, HTTP_RANGE="bytes=0-0"), status)
        print(f"queries per request, {label}: {len(queries)}")
    timed(
        "baseline: the public story page itself",
        args.requests // 4,
        lambda: drain(anonymous.get("/gemeenschappen/kaapverdianen/openbaar/"), 200),
    )
    timed(
        "check + 1 byte, public file, anonymous",
        args.requests,
        lambda: drain(anonymous.get(public.url, HTTP_RANGE="bytes=0-0"), 206),
    )
    timed(
        "check + 1 byte, community file, member",
        args.requests,
        lambda: drain(logged_in.get(restricted.url, HTTP_RANGE="bytes=0-0"), 206),
    )
    timed("refused: community file, anonymous (404)", args.requests, lambda: drain(anonymous.get(restricted.url), 404))
    rng = random.Random(1)

    def seek():
        start = rng.randrange(0, size - MB)
        drain(anonymous.get(public.url, HTTP_RANGE=f"bytes={start}-{start + MB - 1}"), 206)

    timed("seek: 1 MB range at a random offset", args.requests, seek)

    before = peak_mb()
    start = time.perf_counter()
    drain(anonymous.get(public.url), 200)
    served = time.perf_counter() - start
    after = peak_mb()
    start = time.perf_counter()
    with open(public.file.path, "rb") as handle:
        while handle.read(MB):
            pass
    plain = time.perf_counter() - start
    print(f"full download through the view: {served:.2f} s; plain read of the file: {plain:.2f} s")
    print(f"peak memory before {before:.0f} MB, after the download {after:.0f} MB (growth {after - before:.0f} MB)")


if __name__ == "__main__":
    main()
