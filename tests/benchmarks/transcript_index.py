"""Benchmark: a three-hour interview transcript (~4,000 cues) from file to search hit.

    bin/search-node start                       # a real OpenSearch node (prints SEARCH_URL)
    .venv/bin/python tests/benchmarks/transcript_index.py [--cues 4000] [--hours 3]
        [--runs 5] [--queries 200] [--database-url postgres://…/bench]
        [--search-url http://127.0.0.1:9201]

Builds a separate database (default var/bench-transcript.sqlite3, migrated on first
use) with one community and one story whose recording gets the transcript, generated
as WebVTT with voice tags, cue ids, NOTE/STYLE blocks and CRLF line endings (the same
generator as transcript_parse.py), with one rare word spoken in minute 42. Then, median
and best of --runs:

1. parse: ``load_transcript`` (decode, sniff, parse, validate);
2. save: ``replace_segments`` (delete the old segments, bulk-insert the new, queue the
   story in the search outbox, one transaction), which is what the admin import does
   after parsing (tasks go to a dummy backend here, so the worker does not run inside);
3. index: what the outbox worker does, ``indexing.process_pending`` (build the story's
   document with its 4,000 nested segments, send it, clear the outbox row), then a
   refresh so it is searchable;

and the sum (target: well under 2 s). Then the search latency for the rare word over
--queries queries (p50/p95): the engine call alone, and through Django (the search
page on the engine, including rendering), and the database fallback. Each hit is
checked to link to 42:xx. Last, the story page itself (the player with all segments,
server-rendered). A script, not a test: numbers are reported, not asserted.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from transcript_parse import make_cues, make_webvtt  # noqa: E402  (this folder)

RARE_WORD = "kolenkitverhaal"
TARGET_SECONDS = 2.0


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] if ordered else float("nan")


def setup_django(database_url: str, search_url: str, prefix: str):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DATABASE_URL"] = database_url
    os.environ["SEARCH_URL"] = search_url
    os.environ["SEARCH_INDEX_PREFIX"] = prefix
    os.environ["DEBUG"] = "0"
    # The outbox row is written by the save step; the worker's job (building and sending
    # the document) is the index step, measured on its own, not run inside the save.
    os.environ["TASKS_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def interview(cues: int, hours: float) -> bytes:
    """The generated interview, with the rare word in the first cue that starts in minute 42."""
    rows = make_cues(cues, hours)
    for index, (start, end, speaker, _text) in enumerate(rows):
        if start // 60_000 == 42:
            rows[index] = (start, end, speaker, [f"Toen kwam het {RARE_WORD} van mijn vader op tafel."])
            break
    return make_webvtt(rows)


def story_with_recording():
    """One community and one published story with a recording (made once, reused)."""
    from django.core.files.base import ContentFile
    from wagtail.models import Collection, Site

    from media.models import OralHistoryMedia
    from stories.models import CommunityIndexPage, CommunityPage, StoryPage

    story = StoryPage.objects.filter(slug="bench-transcript").first()
    if story is not None:
        return story
    home = Site.objects.get(is_default_site=True).root_page
    index = CommunityIndexPage.objects.first() or home.add_child(
        instance=CommunityIndexPage(title="Gemeenschappen", slug="gemeenschappen")
    )
    community = CommunityPage.objects.first() or index.add_child(
        instance=CommunityPage(title="Bench", slug="bench", short_description="Benchmark")
    )
    recording = OralHistoryMedia(
        title="Drie uur interview", type="audio", duration=3 * 3600, collection=Collection.get_first_root_node()
    )
    recording.file.save("bench-interview.wav", ContentFile(b"RIFF"), save=False)
    recording.save()
    story = community.add_child(
        instance=StoryPage(
            title="Het interview", slug="bench-transcript", summary="Drie uur verteld.", main_media=recording
        )
    )
    story.save_revision().publish()
    return story


def timed(function, runs):
    times, result = [], None
    for _ in range(runs):
        began = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - began)
    return statistics.median(times), min(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues", type=int, default=4000)
    parser.add_argument("--hours", type=float, default=3.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-transcript.sqlite3'}"),
    )
    parser.add_argument("--search-url", default=os.environ.get("SEARCH_URL", "http://127.0.0.1:9201"))
    args = parser.parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    prefix = f"bench_transcript_{uuid.uuid4().hex[:6]}_"
    setup_django(args.database_url, args.search_url, prefix)

    from django.test import Client
    from django.test.utils import override_settings

    from media.models import Transcript
    from media.transcript_service import replace_segments
    from media.transcripts import load_transcript
    from search import indexing, registry
    from search.engine import get_engine

    engine = get_engine()
    if engine is None or not engine.ping():
        sys.exit(f"no search engine answers at {args.search_url} (bin/search-node start)")
    data = interview(args.cues, args.hours)
    story = story_with_recording()
    transcript, _ = Transcript.objects.get_or_create(media=story.main_media, language="nl")
    indexing.ensure_index(engine)
    key = f"story:{story.pk}"

    def index_once():
        from search.models import PendingIndexUpdate

        PendingIndexUpdate.objects.get_or_create(key=key)  # as the save step left it
        indexing.process_pending()
        engine.refresh()
        assert not PendingIndexUpdate.objects.filter(key=key).exists()

    try:
        parse_median, parse_best, parsed = timed(lambda: load_transcript(data, "interview.vtt"), args.runs)
        save_median, save_best, _ = timed(lambda: replace_segments(transcript, parsed), args.runs)
        index_median, index_best, _ = timed(index_once, args.runs)
        document = registry.document_for(key)
        assert len(document["transcript"]) == args.cues, len(document["transcript"])
        total_median = parse_median + save_median + index_median
        total_best = parse_best + save_best + index_best
        db = args.database_url.split(":")[0]
        print(  # noqa: T201
            f"{args.cues} cues over {args.hours:g} h, WebVTT {len(data) / 1024:.0f} KiB; {db}, "
            f"{engine.name} at {args.search_url}; median and best of {args.runs} runs; "
            f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
        )
        print(f"{'step':<58}{'median ms':>10}{'best ms':>10}")  # noqa: T201
        for label, median, best in (
            ("parse (load_transcript: decode, sniff, parse, validate)", parse_median, parse_best),
            ("save segments (delete + bulk insert, one transaction)", save_median, save_best),
            ("index (outbox worker: build document, bulk; refresh)", index_median, index_best),
            ("parse + save + index", total_median, total_best),
        ):
            print(f"{label:<58}{median * 1000:>10.1f}{best * 1000:>10.1f}")  # noqa: T201
        verdict = "met" if total_median < TARGET_SECONDS else "MISSED"
        print(f"target: parse + save + index under {TARGET_SECONDS:g} s: {verdict}")  # noqa: T201

        # --- search latency for the rare word --------------------------------------------
        from django.contrib.auth.models import AnonymousUser
        from django.http import QueryDict

        from search import queries
        from search.params import parse as parse_params

        params = parse_params(QueryDict(f"q={RARE_WORD}"))
        body = queries.search_body(
            params, __import__("core.access", fromlist=["reader_for"]).reader_for(AnonymousUser())
        )
        engine_times = []
        for _ in range(args.queries):
            began = time.perf_counter()
            response = engine.search(body)
            engine_times.append(time.perf_counter() - began)
        hit = response["hits"]["hits"][0]
        moment = hit["inner_hits"]["transcript"]["hits"]["hits"][0]["_source"]["start_ms"]
        assert 42 * 60_000 <= moment < 43 * 60_000, moment

        client = Client()
        page_times = []
        for _ in range(args.queries):
            began = time.perf_counter()
            html = client.get("/search/", {"q": RARE_WORD}).content.decode()
            page_times.append(time.perf_counter() - began)
        assert "?t=42:" in html, "the search page does not link to 42:xx"

        database_times = []
        with override_settings(SEARCH_URL=""):
            from search import engine as engine_module

            engine_module._engine_for.cache_clear()
            for _ in range(args.queries):
                began = time.perf_counter()
                html = client.get("/search/", {"q": RARE_WORD}).content.decode()
                database_times.append(time.perf_counter() - began)
            database_found = "?t=42:" in html
            engine_module._engine_for.cache_clear()

        render_times = []
        for _ in range(max(5, args.queries // 20)):
            began = time.perf_counter()
            response = client.get(story.url, {"t": "42:00"})
            render_times.append(time.perf_counter() - began)
        assert response.status_code == 200 and response.content.count(b'class="transcript__segment"') == args.cues

        print(f"\nsearch for {RARE_WORD!r} (spoken at minute 42), {args.queries} queries each")  # noqa: T201
        print(f"{'path':<58}{'p50 ms':>10}{'p95 ms':>10}")  # noqa: T201
        for label, values in (
            ("engine call alone (search.queries body)", engine_times),
            ("search page through Django, engine", page_times),
            (
                f"search page through Django, database fallback{'' if database_found else ' (NO 42:xx link)'}",
                database_times,
            ),
        ):
            print(f"{label:<58}{percentile(values, 50) * 1000:>10.1f}{percentile(values, 95) * 1000:>10.1f}")  # noqa: T201
        print(  # noqa: T201
            f"{f'story page with the {args.cues}-segment transcript ({len(render_times)} requests)':<58}"
            f"{percentile(render_times, 50) * 1000:>10.1f}{percentile(render_times, 95) * 1000:>10.1f}"
        )
    finally:
        for name in engine.list_indexes(f"{prefix}*"):
            engine.delete_index(name)


if __name__ == "__main__":
    main()
