"""Benchmark: public search at scale — rebuild throughput and query latency, engine vs Django vs database.

    bin/search-node start        # a real OpenSearch node (prints SEARCH_URL)
    .venv/bin/python tests/benchmarks/search_bench.py --stories 100000 [--queries 500]
        [--database-url postgres://…/bench] [--search-url http://127.0.0.1:9201]
        [--skip-rebuild] [--skip-database] [--profile]

1. Seeds a separate database (default var/bench-search.sqlite3) with N stories of
   realistic length (summary ~60 words, body ~300 words, tags, places, narrators,
   languages, depot links) using the bulk seeder in bulk_seed.py, run as a subprocess
   so this process starts clean. Seeding is skipped when the stories are already
   there, so reruns measure only. A few seeded pages are rendered through the Django
   test client (status 200) to show the data is real.
2. Rebuilds the public index (``search.indexing.rebuild``) into indexes prefixed
   ``bench_`` and reports documents per second and the process's resident memory
   (VmRSS) sampled every 10,000 documents. Below 1,500 docs/s, or with --profile,
   a 10,000-document slice of ``iter_documents()`` + ``engine.bulk`` is profiled.
   Then the engine's own indexing rate is measured on 10,000 prebuilt documents, with
   one or two bulk requests in flight and with mapping variants (the cost of each
   field).
3. Times 500 queries of each kind (plain text; text with two facets; autocomplete;
   related) directly against the engine (the bodies from search.queries, only the
   engine call timed), through Django (test client / service.related) on the engine,
   and through Django on the database fallback (SEARCH_URL=""). Kinds slower than
   2 s a query on the database are capped by a time budget, and say so.

Prints plain-text tables to paste into an issue. A script, not a test: numbers are
reported, not asserted. Target: p95 through Django <= 1.5 x the engine's p95 + 10 ms.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import math
import os
import pstats
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import bulk_seed  # noqa: E402  (this folder, also runnable on its own)

REBUILD_TARGET = 1_500  # documents per second on 2 cores
SLOW_QUERY = 2.0  # seconds: database kinds slower than this get a time budget
KINDS = ["plain text", "text + 2 facets", "autocomplete", "related"]


# --- small helpers ------------------------------------------------------------------------
def rss_mib() -> float:
    """This process's resident set size, from /proc (MiB)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def table(headers: list[str], rows: list[list], align: str | None = None) -> str:
    """A plain-text table; align is one letter per column, 'l' or 'r' (default: first l, rest r)."""
    align = align or "l" + "r" * (len(headers) - 1)
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row):
        return "  ".join(
            c.ljust(w) if a == "l" else c.rjust(w) for c, w, a in zip(row, widths, align, strict=False)
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *map(line, cells[1:])])


class Report(list):
    """The report's sections, printed as soon as each is ready (a long run may be cut short)."""

    def add(self, *sections: str):
        for section in sections:
            print(section, flush=True)
            self.append(section)


def load(when: str) -> str:
    """The machine's load average: other processes on 2 cores move every number here."""
    one, five, fifteen = os.getloadavg()
    return f"load average {when}: {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def ms(seconds: float) -> str:
    return "-" if seconds != seconds else f"{seconds * 1000:,.1f}"  # nan -> "-"


# --- 1. seed ----------------------------------------------------------------------------------
def seed_in_subprocess(stories: int, database_url: str) -> float:
    """Run bulk_seed.py in its own process (so this one's memory is not the seeder's); seconds."""
    started = time.perf_counter()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    subprocess.run(
        [sys.executable, str(HERE / "bulk_seed.py"), "--stories", str(stories), "--database-url", database_url],
        check=True,
        env=env,
    )
    return time.perf_counter() - started


def verify_pages(rng) -> list[str]:
    """Render a few seeded pages through the test client; every one must answer 200."""
    from django.test import Client

    from depot.models import DepotIndexPage, DepotItem
    from stories.models import CommunityPage, StoryPage

    client = Client()
    public = StoryPage.objects.filter(access_level="public", embargo_until__isnull=True)
    last = public.order_by("-pk").values_list("pk", flat=True).first()
    urls = [s.url for s in public.filter(pk__in=[rng.randint(1, last) for _ in range(40)])[:3]]
    urls.append(public.get(pk=last).url)
    urls.append(CommunityPage.objects.first().url)
    item = DepotItem.objects.filter(withdrawn=False, story_links__isnull=False).first()
    urls.append(f"{DepotIndexPage.objects.first().url}{item.url_key}/")
    lines = []
    for url in urls:
        t0 = time.perf_counter()
        status = client.get(url).status_code
        lines.append(f"  {status}  {(time.perf_counter() - t0) * 1000:7.1f} ms  {url}")
        if status != 200:
            raise SystemExit(f"seeded page {url} answered {status}:\n" + "\n".join(lines))
    return lines


# --- 2. rebuild -------------------------------------------------------------------------------
def measure_rebuild(every: int = 10_000) -> dict:
    """rebuild() with RSS sampled every `every` documents from the progress callback."""
    from search import indexing, registry
    from search.engine import get_engine

    total = registry.count_documents()
    samples: list[tuple[int, float, float]] = []  # (documents, RSS MiB, seconds)
    started = time.perf_counter()
    samples.append((0, rss_mib(), 0.0))
    cpu_started = time.process_time()

    def progress(done, _total):
        if done == samples[-1][0]:
            return
        if done // every > samples[-1][0] // every or done >= total:
            samples.append((done, rss_mib(), time.perf_counter() - started))
            print(
                f"rebuild: {done:,}/{total:,} documents, {done / samples[-1][2]:,.0f}/s, RSS {samples[-1][1]:,.0f} MiB",
                flush=True,
            )

    result = indexing.rebuild(progress=progress)
    result["cpu_seconds"] = time.process_time() - cpu_started
    result["samples"] = samples
    result["total"] = total
    try:  # the engine's own view: time spent indexing and refreshing this index
        stats = get_engine().client.indices.stats(index=result["index"])["_all"]["primaries"]
        result["engine_index_ms"] = stats["indexing"]["index_time_in_millis"]
        result["engine_refresh_ms"] = stats["refresh"]["total_time_in_millis"]
        result["engine_merge_ms"] = stats["merges"]["total_time_in_millis"]
    except Exception as error:  # informative only
        result["engine_stats_error"] = str(error)
    return result


def rebuild_report(result: dict) -> str:
    samples = result["samples"]
    docs, seconds = result["documents"], result["seconds"]

    def at(fraction):  # the sample nearest to that share of the documents
        return min(samples, key=lambda s: abs(s[0] - fraction * result["total"]))

    rows = [
        ["documents", f"{docs:,}"],
        ["wall time", f"{seconds:,.1f} s"],
        [
            "throughput",
            f"{docs / seconds:,.0f} docs/s (target >= {REBUILD_TARGET:,}: "
            f"{'ok' if docs / seconds >= REBUILD_TARGET else 'MISSED'})",
        ],
        ["Django process CPU", f"{result['cpu_seconds']:,.1f} s ({result['cpu_seconds'] / seconds:.0%} of wall)"],
    ]
    if "engine_index_ms" in result:
        rows.append(
            [
                "engine indexing time",
                f"{result['engine_index_ms'] / 1000:,.1f} s "
                f"(+ refresh {result['engine_refresh_ms'] / 1000:,.1f} s, merges {result['engine_merge_ms'] / 1000:,.1f} s)",  # noqa: E501
            ]
        )
    for label, fraction in (
        ("RSS at start", 0),
        ("RSS after 10%", 0.1),
        ("RSS after 50%", 0.5),
        ("RSS after 100%", 1.0),
    ):
        done, rss, _ = at(fraction) if fraction else samples[0]
        rows.append([label, f"{rss:,.0f} MiB (at {done:,} docs)"])
    rows.append(["RSS max", f"{max(s[1] for s in samples):,.0f} MiB"])
    growth = samples[-1][1] - at(0.1)[1]
    rows.append(["RSS growth 10% -> 100%", f"{growth:+,.0f} MiB over {samples[-1][0] - at(0.1)[0]:,} docs"])
    series = " ".join(f"{s[1]:.0f}" for s in samples)
    return table(["rebuild", ""], rows, "ll") + f"\nRSS samples (MiB, every 10,000 docs): {series}"


def profile_slice(n_docs: int = 10_000, top: int = 25) -> str:
    """cProfile of n_docs documents from iter_documents() bulk-sent to a scratch index."""
    from search import indexing, registry
    from search.documents import index_body
    from search.engine import get_engine

    engine = get_engine()
    scratch = f"{engine.alias}_profile_scratch"
    engine.delete_index(scratch)
    engine.create_index(scratch, index_body())
    engine.set_refresh_interval(scratch, "-1")
    profiler = cProfile.Profile()
    bulk_seconds = 0.0
    started = time.perf_counter()
    try:
        profiler.enable()
        batch = []
        for pair in itertools.islice(registry.iter_documents(), n_docs):
            batch.append(pair)
            if len(batch) >= indexing.BULK_SIZE:
                t0 = time.perf_counter()
                engine.bulk(indexing._operations(batch), index=scratch)
                bulk_seconds += time.perf_counter() - t0
                batch = []
        if batch:
            t0 = time.perf_counter()
            engine.bulk(indexing._operations(batch), index=scratch)
            bulk_seconds += time.perf_counter() - t0
        profiler.disable()
    finally:
        engine.delete_index(scratch)
    wall = time.perf_counter() - started
    out = io.StringIO()
    out.write(
        f"profile: {n_docs:,} documents in {wall:.1f} s under cProfile "
        f"({n_docs / wall:,.0f}/s); engine.bulk {bulk_seconds:.1f} s, building {wall - bulk_seconds:.1f} s\n"
    )
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(15)
    return out.getvalue()


# --- 2b. where the engine's time goes ----------------------------------
def engine_capacity(n_docs: int = 10_000) -> str:
    """Engine-only indexing rates: n_docs documents built once, then bulk-sent to scratch indexes
    with variants of the sending and of the mapping (the mapping variants drop fields, so they
    change what search can do: they show the cost of each field, they are not proposals as such)."""
    import copy
    from concurrent.futures import ThreadPoolExecutor

    from search import indexing, registry
    from search.documents import index_body
    from search.engine import get_engine

    engine = get_engine()
    documents = [pair for pair in itertools.islice(registry.iter_documents(), n_docs) if pair[1] is not None]
    size = indexing.BULK_SIZE
    batches = [indexing._operations(documents[i : i + size]) for i in range(0, len(documents), size)]

    def without(*paths):
        body = copy.deepcopy(index_body())
        properties = body["mappings"]["properties"]
        for path in paths:  # "title.en" drops a sub-field, "names_suggest" a field and its copy_to
            field, _, sub = path.partition(".")
            if sub:
                del properties[field]["fields"][sub]
                continue
            del properties[field]
            for other in properties.values():
                if other.get("copy_to") in (field, [field]):
                    del other["copy_to"]
        return body

    def rate(body, in_flight=1):
        name = f"{engine.alias}_capacity_scratch"
        engine.delete_index(name)
        engine.create_index(name, body)
        engine.set_bulk_loading(name, True)  # as rebuild does
        try:
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=in_flight) as pool:
                list(pool.map(lambda operations: engine.bulk(operations, index=name), batches))
            seconds = time.perf_counter() - started
            stats = engine.client.indices.stats(index=name)["_all"]["primaries"]["indexing"]
        finally:
            engine.delete_index(name)
        return len(documents) / seconds, stats["index_time_in_millis"] / len(documents)

    variants = [
        ("current mapping, 1 bulk at a time", index_body(), 1),
        ("current mapping, 2 bulks in flight (as rebuild sends)", index_body(), 2),
        ("without title.en and summary.en", without("title.en", "summary.en"), 2),
        ("without title.suggest", without("title.suggest"), 2),
        ("without names_suggest (people, tags, places as you type)", without("names_suggest"), 2),
    ]
    rows = []
    for label, body, in_flight in variants:
        docs_per_second, engine_ms = rate(body, in_flight)
        rows.append([label, f"{docs_per_second:,.0f}", f"{engine_ms:.2f}"])
    started = time.perf_counter()
    sum(1 for _ in itertools.islice(registry.iter_documents(), n_docs))
    building = n_docs / (time.perf_counter() - started)
    return (
        f"Engine capacity: the first {len(documents):,} documents, built once, then only sent "
        f"(bulks of {size}); building the same documents alone: {building:,.0f} docs/s\n"
        + table(["variant", "docs/s", "engine ms/doc"], rows)
    )


# --- 3. latency -------------------------------------------------------------------------------
def query_inputs(rng: random.Random, n: int) -> dict[str, list]:
    """n inputs per kind, drawn from the seeding vocabulary and from real facet values."""
    from taggit.models import Tag

    from stories.models import CommunityPage, StoryPage

    nl = list(dict.fromkeys(bulk_seed.DUTCH_WORDS))
    en = list(dict.fromkeys(bulk_seed.ENGLISH_WORDS))
    places = [p[0] for p in bulk_seed.PLACES]

    def words(k):
        if rng.random() < 0.1:
            return " ".join([rng.choice(places)] + rng.sample(nl, k - 1))
        return " ".join(rng.sample(en if rng.random() < 0.15 else nl, k))

    public = StoryPage.objects.filter(access_level="public", embargo_until__isnull=True)
    tags = list(Tag.objects.filter(stories_taggedpage_items__isnull=False).distinct().values_list("name", flat=True))
    years = public.exclude(period_start_year=None).values_list("period_start_year", flat=True)
    decades = sorted({y - y % 10 for y in years.distinct()})
    communities = list(CommunityPage.objects.live().values_list("slug", flat=True))
    through = StoryPage.languages.through
    languages = list(through.objects.values_list("language__code", flat=True).distinct())

    plain = [{"q": words(rng.choice([1, 1, 2, 2, 3]))} for _ in range(n)]
    faceted = []
    for i in range(n):
        params = {"q": words(rng.choice([1, 2]))}
        if i % 2:
            params.update(tag=rng.choice(tags), decade=str(rng.choice(decades)))
        else:
            params.update(community=rng.choice(communities), language=rng.choice(languages))
        faceted.append(params)
    titles = public.order_by("?").values_list("title", flat=True)[:3000]
    function = set(bulk_seed.DUTCH_FUNCTION) | set(bulk_seed.ENGLISH_FUNCTION) | {"over", "brieven", "letters"}
    title_words = [w.lower() for t in titles for w in t.split() if len(w) >= 4 and w.lower() not in function]
    prefixes = []
    for _ in range(n):
        word = rng.choice(title_words)
        prefixes.append(word[: rng.randint(3, min(6, len(word)))])
    last = public.order_by("-pk").values_list("pk", flat=True).first()
    candidates = set()
    while len(candidates) < n:  # random public stories, by random id probes
        ids = [rng.randint(1, last) for _ in range(2 * n)]
        candidates.update(public.filter(pk__in=ids).values_list("pk", flat=True))
    related_ids = rng.sample(sorted(candidates), n)
    pages = {p.pk: p for p in StoryPage.objects.filter(pk__in=related_ids)}
    return {
        "plain text": plain,
        "text + 2 facets": faceted,
        "autocomplete": prefixes,
        "related": [pages[pk] for pk in related_ids],
    }


def _engine_body(kind: str, item, reader) -> dict:
    from django.http import QueryDict

    from search import params as search_params
    from search import queries

    if kind in ("plain text", "text + 2 facets"):
        return queries.search_body(search_params.parse(QueryDict(urlencode(item))), reader)
    if kind == "autocomplete":
        return queries.autocomplete_body(" ".join(item.split())[:100], reader, 8)
    return queries.related_body(f"story:{item.pk}", reader, 4)


def _through_django(kind: str, item, client):
    """One request (or, for related, one service call) through Django; returns a hit count."""
    from django.contrib.auth.models import AnonymousUser

    from search import service

    if kind == "related":
        return len(service.related(item, AnonymousUser()))
    if kind == "autocomplete":
        response = client.get("/search/autocomplete/?" + urlencode({"q": item}))
        key = "suggestions"
    else:
        response = client.get("/search/?" + urlencode({**item, "format": "json"}))
        key = "total"
    if response.status_code != 200:
        raise RuntimeError(f"{kind} {item!r}: status {response.status_code}")
    data = response.json()[key]
    return len(data) if isinstance(data, list) else data


def measure_engine_and_django(inputs: dict[str, list], warmup: dict[str, list]) -> dict:
    """Engine-direct and through-Django, interleaved per input (alternating which goes first)."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import Client

    from core.access import reader_for
    from search.engine import get_engine

    engine = get_engine()
    reader = reader_for(AnonymousUser())
    client = Client()
    out = {}
    for kind in KINDS:
        for item in warmup[kind]:
            engine.search(_engine_body(kind, item, reader))
            _through_django(kind, item, client)
        engine_times, took, django_times, hits = [], [], [], []
        started = time.perf_counter()
        for i, item in enumerate(inputs[kind]):
            body = _engine_body(kind, item, reader)  # built before the clock starts

            def direct():
                t0 = time.perf_counter()
                response = engine.search(body)
                engine_times.append(time.perf_counter() - t0)
                took.append(response.get("took", 0) / 1000)
                total = response["hits"]["total"]
                hits.append(total["value"] if isinstance(total, dict) else total)

            def django():
                t0 = time.perf_counter()
                _through_django(kind, item, client)
                django_times.append(time.perf_counter() - t0)

            for step in (direct, django) if i % 2 == 0 else (django, direct):
                step()
        out[kind] = {
            "engine": engine_times,
            "took": took,
            "django": django_times,
            "hits": hits,
            "seconds": time.perf_counter() - started,
        }
        print(
            f"latency: {kind}: engine p95 {ms(percentile(engine_times, 95))} ms, "
            f"Django p95 {ms(percentile(django_times, 95))} ms",
            flush=True,
        )
    return out


def measure_database(inputs: dict[str, list], budget: float) -> dict:
    """Through Django with SEARCH_URL="" (the database fallback); slow kinds get a time budget."""
    from django.conf import settings
    from django.test import Client

    from search import engine as engine_module

    saved = settings.SEARCH_URL
    settings.SEARCH_URL = ""
    engine_module._engine_for.cache_clear()
    client = Client()
    out = {}
    try:
        for kind in KINDS:
            items = inputs[kind]
            _through_django(kind, items[-1], client)  # warm up
            times, hits, cap = [], [], len(items)
            started = time.perf_counter()
            for item in items:
                if len(times) >= cap:
                    break
                t0 = time.perf_counter()
                hits.append(_through_django(kind, item, client))
                times.append(time.perf_counter() - t0)
                if len(times) == 5 and statistics.mean(times) > SLOW_QUERY:
                    cap = max(10, min(len(items), int(budget / statistics.mean(times))))
                if time.perf_counter() - started > 2 * budget:  # a hard stop, even below 2 s a query
                    break
            out[kind] = {
                "times": times,
                "hits": hits,
                "capped": len(times) < len(items),
                "seconds": time.perf_counter() - started,
            }
            print(
                f"latency: database {kind}: p95 {ms(percentile(times, 95))} ms over {len(times)} queries"
                f"{' (capped)' if out[kind]['capped'] else ''}",
                flush=True,
            )
    finally:
        settings.SEARCH_URL = saved
        engine_module._engine_for.cache_clear()
    return out


def latency_report(engine_django: dict, database: dict | None, n: int) -> str:
    rows, notes = [], []
    for kind in KINDS:
        e, d = engine_django[kind]["engine"], engine_django[kind]["django"]
        e95, d95 = percentile(e, 95), percentile(d, 95)
        target = 1.5 * e95 + 0.010
        row = [kind, f"{ms(percentile(e, 50))} / {ms(e95)}", f"{ms(percentile(d, 50))} / {ms(d95)}"]
        if database is not None:
            db = database[kind]
            cell = f"{ms(percentile(db['times'], 50))} / {ms(percentile(db['times'], 95))}"
            if db["capped"]:
                cell += f" (n={len(db['times'])})"
                notes.append(
                    f"database {kind}: capped at {len(db['times'])} of {n} queries "
                    f"(> {SLOW_QUERY:.0f} s a query; mean {statistics.mean(db['times']):.1f} s)"
                )
            row.append(cell)
        row += [ms(target), "yes" if d95 <= target else "NO"]
        rows.append(row)
    headers = ["query kind", "engine p50 / p95", "Django+engine p50 / p95"]
    if database is not None:
        headers.append("Django+database p50 / p95")
    headers += ["target p95", "met"]
    text = table(headers, rows)
    text += "\n(ms; target: Django+engine p95 <= 1.5 x engine p95 + 10 ms)"
    if notes:
        text += "\n" + "\n".join(notes)
    detail = []
    for kind in KINDS:
        r = engine_django[kind]
        detail.append(
            [
                kind,
                f"{ms(percentile(r['took'], 50))} / {ms(percentile(r['took'], 95))}",
                ms(percentile(r["django"], 50) - percentile(r["engine"], 50)),
                f"{min(r['hits']):,} / {int(statistics.median(r['hits'])):,} / {max(r['hits']):,}",
            ]
            + ([f"{int(statistics.median(database[kind]['hits'])):,}"] if database is not None else [])
        )
    headers = ["query kind", "engine 'took' p50 / p95", "Django overhead p50", "engine hits min / median / max"]
    if database is not None:
        headers.append("database hits median (autocomplete, related: results)")
    return text + "\n\n" + table(headers, detail)


# --- main -------------------------------------------------------------------------------------
def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500, help="per query kind")
    parser.add_argument("--database-url", default=bulk_seed.default_database_url())
    parser.add_argument("--search-url", default=os.environ.get("SEARCH_URL") or "http://127.0.0.1:9201")
    parser.add_argument(
        "--database-budget",
        type=float,
        default=300,
        help="seconds per query kind on the database fallback, once it is slower than 2 s a query",
    )
    parser.add_argument(
        "--rebuild-timeout",
        type=float,
        default=None,
        help="SEARCH_TIMEOUT (s) during rebuilds only (default: the setting, 5 s)",
    )
    parser.add_argument("--skip-rebuild", action="store_true", help="measure latency on the existing bench_ index")
    parser.add_argument("--skip-database", action="store_true", help="do not measure the database fallback")
    parser.add_argument("--profile", action="store_true", help="profile a 10k-document slice even when fast enough")
    args = parser.parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    report = Report()
    phases = []
    run_started = time.perf_counter()

    seconds = seed_in_subprocess(args.stories, args.database_url)
    phases.append(["seed (subprocess, incl. migrate)", f"{seconds:,.0f} s"])

    os.environ["SEARCH_INDEX_PREFIX"] = "bench_"
    t0 = time.perf_counter()
    bulk_seed.setup_django(args.database_url, search_url=args.search_url)
    from django.conf import settings
    from django.db import connection

    from search import engine as engine_module
    from search.engine import EngineUnavailable, get_engine
    from stories.models import StoryPage

    engine = get_engine()
    if not engine.ping():
        raise SystemExit(f"no search engine answers at {args.search_url} (bin/search-node start)")
    info = engine.client.info()
    phases.append(["setup", f"{time.perf_counter() - t0:,.1f} s"])
    header = (
        f"Search benchmark: {StoryPage.objects.count():,} stories on {connection.vendor} "
        f"({args.database_url.split('://')[0]}), {info['version'].get('distribution', 'elasticsearch')} "
        f"{info['version']['number']} at {args.search_url}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
    )
    report.add(header, load("at start"), "")

    query_timeout = settings.SEARCH_TIMEOUT
    if not args.skip_rebuild and args.rebuild_timeout:
        settings.SEARCH_TIMEOUT = args.rebuild_timeout
        engine_module._engine_for.cache_clear()
        report.add(f"rebuilds run with SEARCH_TIMEOUT={args.rebuild_timeout:g} s (queries: {query_timeout:g} s)")
    if not args.skip_rebuild:
        try:
            result = measure_rebuild()
        except EngineUnavailable as error:  # e.g. the final refresh outlasting SEARCH_TIMEOUT
            note = f"rebuild FAILED with SEARCH_TIMEOUT={settings.SEARCH_TIMEOUT:g} s: {str(error)[:200]}"
            print(note + "; retrying with SEARCH_TIMEOUT=120", flush=True)
            report.add(note, "retried with SEARCH_TIMEOUT=120 s (numbers below are from the retry)")
            settings.SEARCH_TIMEOUT = 120
            engine_module._engine_for.cache_clear()
            result = measure_rebuild()
        phases.append(["rebuild", f"{result['seconds']:,.1f} s"])
        report.add("Rebuild (search.indexing.rebuild as it is)", rebuild_report(result), load("after rebuild"), "")
        if args.profile or result["documents"] / result["seconds"] < REBUILD_TARGET:
            t0 = time.perf_counter()
            report.add(profile_slice(), "")
            phases.append(["profile (10k docs)", f"{time.perf_counter() - t0:,.1f} s"])
            t0 = time.perf_counter()
            report.add(engine_capacity(), load("after engine capacity"), "")
            phases.append(["engine capacity (10k docs x 5)", f"{time.perf_counter() - t0:,.1f} s"])

    settings.SEARCH_TIMEOUT = query_timeout
    engine_module._engine_for.cache_clear()
    t0 = time.perf_counter()
    rendered = verify_pages(random.Random(1))
    report.add("Seeded pages through the test client (status, time, URL):", *rendered, "")
    phases.append(["page checks", f"{time.perf_counter() - t0:,.1f} s"])

    rng = random.Random(7)
    t0 = time.perf_counter()
    inputs = query_inputs(rng, args.queries)
    warmup = {kind: values[:20] for kind, values in query_inputs(random.Random(8), 20).items()}
    phases.append(["query inputs", f"{time.perf_counter() - t0:,.1f} s"])
    t0 = time.perf_counter()
    engine_django = measure_engine_and_django(inputs, warmup)
    phases.append(["latency: engine + Django", f"{time.perf_counter() - t0:,.0f} s"])
    database = None
    if not args.skip_database:
        t0 = time.perf_counter()
        database = measure_database(inputs, args.database_budget)
        phases.append(["latency: database fallback", f"{time.perf_counter() - t0:,.0f} s"])
    report.add(
        f"Search latency, {args.queries} queries per kind, anonymous reader",
        latency_report(engine_django, database, args.queries),
        load("after latency"),
        "",
    )
    phases.append(["total", f"{time.perf_counter() - run_started:,.0f} s"])
    report.add(table(["phase", "time"], phases, "lr"))
    print("\n" + "=" * 100 + "\n" + "\n".join(report))


if __name__ == "__main__":
    main()
