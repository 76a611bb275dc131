"""Benchmark: catalogue import speed and peak memory for CSV and LIDO exports.

    .venv/bin/python tests/benchmarks/catalogue_import.py [--records 100000] [--formats csv lido]
        [--skip-index] [--keep]

Writes N generated records as a Tate-style CSV (read with depot/importers/mappings/
tate.toml, JSON cells included) and as a LIDO lidoWrap into a temporary folder,
streaming both (a generator and buffered writes; nothing is held in memory). Each
format is then imported by ``manage.py import_catalogue`` in its own process, into its
own fresh SQLite database (DATABASE_URL set before django.setup(), then migrate), twice:
the first run creates every item, the second finds them all unchanged. Printed per
format and run: records per second and peak memory (VmHWM from /proc/self/status,
reset before the import where the kernel allows, and ru_maxrss for the whole process).

With --skip-index the imports leave the search indexes alone (a first load, followed
by search_rebuild and update_index). Targets: CSV at least 2,000 records/s; peak
memory under 300 MB. This is a script,
not a test: numbers are reported, not asserted.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TATE_MAPPING = ROOT / "depot" / "importers" / "mappings" / "tate.toml"

WORDS = (
    "draagdoek kom schaal beeld foto brief koffer pan trommel jurk doek hoed kam lamp spiegel "
    "rood blauw groen oud nieuw klein groot zilveren houten katoenen gevlochten geborduurde "
    "haven schip markt keuken familie reis feest kerk straat moeder vader kind"
).split()
MAKERS = [
    "Onbekend",
    "Maria da Silva",
    "Jan de Vries",
    "Fatma Yilmaz",
    "Kwame Mensah",
    "Li Wei",
    "Anna Janssen",
]
ROLES = ["maker", "ontwerper", "fotograaf", "vervaardiger", "after", "attributed to"]
TYPES = [
    "textiel",
    "foto",
    "aardewerk",
    "meubel",
    "gereedschap",
    "document",
    "muziekinstrument",
]
MEDIA = ["katoen", "zilver", "hout, verf", "papier", "klei, glazuur", "wol", "messing"]


def _text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def generate(n, seed=1):
    """One plain dict per record; deterministic."""
    rng = random.Random(seed)
    for i in range(n):
        start = rng.randint(1850, 2020)
        end = start + rng.choice((0, 0, 1, 5, 10))
        makers = rng.sample(MAKERS, rng.choice((1, 1, 1, 2)))
        yield {
            "id": str(100000 + i),
            "number": f"BK-{i // 10000:02d}.{i:06d}" if i % 7 else f"BK {i:06d}",  # some need a hashed slug
            "title": _text(rng, rng.randint(2, 8)).capitalize() + (', "bijnaam"' if i % 50 == 0 else ""),
            "title_en": _text(rng, 3).capitalize(),
            "makers": [(m, rng.choice(ROLES)) for m in makers],
            "date_text": f"c.{start}" if start != end else str(start),
            "start": start,
            "end": end,
            "type": rng.choice(TYPES),
            "medium": rng.choice(MEDIA),
            "dimensions": f"{rng.randint(5, 200)} x {rng.randint(5, 200)} cm",
            "description": _text(rng, rng.randint(20, 60)).capitalize() + ".\nTweede alinea: " + _text(rng, 10),
            "image": f"https://collectie.example.org/images/{i:06d}.jpg",
            "rights": "CC BY 4.0",
            "credit": f"Schenking familie {rng.choice(MAKERS)} {rng.randint(1950, 2024)}",
        }


TATE_COLUMNS = [
    "acno",
    "id",
    "title",
    "contributors",
    "dateText",
    "dateRange",
    "classification",
    "medium",
    "dimensions",
    "thumbnailUrl",
    "thumbnailCopyright",
    "creditLine",
    "url",
]


def write_csv(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeff")
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(TATE_COLUMNS)
        for r in generate(n):
            contributors = [
                {"fc": name, "role": role, "displayOrder": k + 1} for k, (name, role) in enumerate(r["makers"])
            ]
            writer.writerow(
                [
                    r["number"],
                    r["id"],
                    r["title"],
                    json.dumps(contributors, separators=(",", ":")),
                    r["date_text"],
                    json.dumps(
                        {
                            "startYear": r["start"],
                            "endYear": r["end"],
                            "text": r["date_text"],
                        }
                    ),
                    r["type"],
                    r["medium"],
                    r["dimensions"],
                    r["image"],
                    "",
                    r["credit"],
                    f"https://collectie.example.org/object/{r['number']}",
                ]
            )


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_lido(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8", buffering=1 << 20) as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<lido:lidoWrap xmlns:lido="http://www.lido-schema.org" '
            'xmlns:skos="http://www.w3.org/2004/02/skos/core#" '
            'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        )
        for r in generate(n):
            actors = "".join(
                f"<lido:eventActor><lido:actorInRole><lido:actor><lido:nameActorSet>"
                f'<lido:appellationValue lido:pref="preferred">{_x(name)}</lido:appellationValue>'
                f"</lido:nameActorSet></lido:actor><lido:roleActor><lido:term>{_x(role)}</lido:term>"
                f"</lido:roleActor></lido:actorInRole></lido:eventActor>"
                for name, role in r["makers"]
            )
            out.write(f"""<lido:lido>
  <lido:lidoRecID lido:type="local">rec-{_x(r["number"])}</lido:lidoRecID>
  <lido:descriptiveMetadata xml:lang="nl">
    <lido:objectClassificationWrap><lido:objectWorkTypeWrap><lido:objectWorkType>
      <lido:term>{r["type"]}</lido:term>
    </lido:objectWorkType></lido:objectWorkTypeWrap></lido:objectClassificationWrap>
    <lido:objectIdentificationWrap>
      <lido:titleWrap><lido:titleSet>
        <lido:appellationValue lido:pref="preferred">{_x(r["title"])}</lido:appellationValue>
        <lido:appellationValue lido:pref="preferred" xml:lang="en">{_x(r["title_en"])}</lido:appellationValue>
      </lido:titleSet></lido:titleWrap>
      <lido:repositoryWrap><lido:repositorySet lido:type="current">
        <lido:workID lido:type="inventory number">{_x(r["number"])}</lido:workID>
      </lido:repositorySet></lido:repositoryWrap>
      <lido:objectDescriptionWrap><lido:objectDescriptionSet>
        <lido:descriptiveNoteValue>{_x(r["description"])}</lido:descriptiveNoteValue>
      </lido:objectDescriptionSet></lido:objectDescriptionWrap>
      <lido:objectMeasurementsWrap><lido:objectMeasurementsSet>
        <lido:displayObjectMeasurements>{r["dimensions"]}</lido:displayObjectMeasurements>
      </lido:objectMeasurementsSet></lido:objectMeasurementsWrap>
    </lido:objectIdentificationWrap>
    <lido:eventWrap>
      <lido:eventSet><lido:event>
        <lido:eventType><skos:Concept rdf:about="http://terminology.lido-schema.org/lido00007">
          <skos:prefLabel xml:lang="en">Production</skos:prefLabel></skos:Concept></lido:eventType>
        {actors}
        <lido:eventDate><lido:displayDate>{r["date_text"]}</lido:displayDate>
          <lido:date><lido:earliestDate>{r["start"]}</lido:earliestDate><lido:latestDate>{r["end"]}</lido:latestDate></lido:date>
        </lido:eventDate>
        <lido:eventMaterialsTech><lido:displayMaterialsTech>{_x(r["medium"])}</lido:displayMaterialsTech></lido:eventMaterialsTech>
      </lido:event></lido:eventSet>
      <lido:eventSet><lido:event>
        <lido:eventType><lido:term>verwerving</lido:term></lido:eventType>
        <lido:eventDate><lido:displayDate>2005</lido:displayDate></lido:eventDate>
      </lido:event></lido:eventSet>
    </lido:eventWrap>
  </lido:descriptiveMetadata>
  <lido:administrativeMetadata xml:lang="nl">
    <lido:rightsWorkWrap><lido:rightsWorkSet><lido:rightsType>
      <lido:conceptID>https://creativecommons.org/licenses/by/4.0/</lido:conceptID>
      <lido:term>{r["rights"]}</lido:term></lido:rightsType>
      <lido:creditLine>{_x(r["credit"])}</lido:creditLine>
    </lido:rightsWorkSet></lido:rightsWorkWrap>
    <lido:recordWrap><lido:recordID lido:type="local">{i_of(r)}</lido:recordID></lido:recordWrap>
    <lido:resourceWrap><lido:resourceSet><lido:resourceRepresentation>
      <lido:linkResource>{r["image"]}</lido:linkResource>
    </lido:resourceRepresentation></lido:resourceSet></lido:resourceWrap>
  </lido:administrativeMetadata>
</lido:lido>
""")
        out.write("</lido:lidoWrap>\n")


def i_of(record) -> str:
    return record["number"].split(".")[-1].split(" ")[-1]


# --- the child process: one format, one database ---------------------------------------


def _status(field: str) -> int:
    """A VmXXX value from /proc/self/status, in kB."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")  # resets VmHWM to the current RSS (Linux 4.0+)
        return True
    except OSError:
        return False


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(args) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["DEBUG"] = "0"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from io import StringIO

    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    runs = []
    for label in ("first run (all new)", "second run (all unchanged)"):
        reset = _reset_peak()
        before = _status("VmRSS")
        out, err = StringIO(), StringIO()
        options = [
            "--collection",
            "bench",
            "--collection-name",
            "Benchmark",
            "--report",
            args.report,
        ]
        if args.format == "csv":
            options += ["--mapping", str(TATE_MAPPING)]
        if args.skip_index:
            options.append("--skip-index")
        cpu_before = _cpu()
        started = time.perf_counter()
        call_command("import_catalogue", args.file, *options, stdout=out, stderr=err)
        seconds = time.perf_counter() - started
        cpu = _cpu() - cpu_before
        runs.append(
            {
                "run": label,
                "seconds": seconds,
                "rate": args.records / seconds,
                "cpu_rate": args.records / cpu,
                "rss_before_mb": before / 1024,
                "peak_mb": _status("VmHWM") / 1024,
                "peak_reset": reset,
                "summary": out.getvalue().splitlines()[0],
            }
        )
    from depot.models import DepotItem

    result = {
        "format": args.format,
        "runs": runs,
        "chooser": _chooser_timings(),
        "items": DepotItem.objects.count(),
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print("RESULT " + json.dumps(result))


CHOOSER_QUERIES = ["BK-05.0500", "BK 00", "koffer", "Silva"]  # a number prefix, a title word, a maker


def _chooser_timings() -> dict:
    """Milliseconds for the depot chooser's search (count + first page) over the imported items."""
    from depot.models import DepotItem
    from depot.views import DepotItemFilterForm

    timings = {}
    for query in CHOOSER_QUERIES:
        form = DepotItemFilterForm({"q": query})
        form.is_valid()
        items = form.filter(DepotItem.objects.filter(withdrawn=False).select_related("collection"))
        started = time.perf_counter()
        count = items.count()
        list(items[:20])
        timings[query] = ((time.perf_counter() - started) * 1000, count)
    return timings


# --- the parent ---------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--formats", nargs="+", choices=["csv", "lido"], default=["csv", "lido"])
    parser.add_argument("--keep", action="store_true", help="keep the generated files and databases")
    parser.add_argument(
        "--skip-index",
        action="store_true",
        help="import with --skip-index (no search index bookkeeping), as for a first load",
    )
    parser.add_argument("--child", choices=["csv", "lido"], help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--report", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.format = args.child
        child(args)
        return

    folder = Path(tempfile.mkdtemp(prefix="bench-catalogue-"))
    print(f"{args.records:,} records per format in {folder}" + (" (--skip-index)" if args.skip_index else ""))
    results = []
    try:
        for fmt in args.formats:
            path = folder / ("export.csv" if fmt == "csv" else "export.xml")
            started = time.perf_counter()
            (write_csv if fmt == "csv" else write_lido)(path, args.records)
            print(
                f"{fmt}: wrote {path.stat().st_size / 2**20:,.0f} MB in {time.perf_counter() - started:.0f} s",
                flush=True,
            )
            database = folder / f"{fmt}.sqlite3"
            command = [
                sys.executable,
                __file__,
                "--child",
                fmt,
                "--records",
                str(args.records),
                "--file",
                str(path),
                "--database-url",
                f"sqlite:///{database}",
                "--report",
                str(folder / f"{fmt}-report.csv"),
                *(["--skip-index"] if args.skip_index else []),
            ]
            done = subprocess.run(command, capture_output=True, text=True)
            line = next(
                (row for row in done.stdout.splitlines() if row.startswith("RESULT ")),
                None,
            )
            if done.returncode or line is None:
                print(done.stdout[-3000:], done.stderr[-3000:])
                raise SystemExit(f"{fmt}: the import failed")
            results.append(json.loads(line[len("RESULT ") :]))
            if not args.keep:
                path.unlink()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)

    load = os.getloadavg()[0]
    print(f"\n{'format':7} {'run':28} {'seconds':>8} {'records/s':>10} {'per CPU s':>10} {'peak MB':>8}  summary")
    for result in results:
        for run in result["runs"]:
            print(
                f"{result['format']:7} {run['run']:28} {run['seconds']:8.1f} {run['rate']:10,.0f} "
                f"{run['cpu_rate']:10,.0f} {run['peak_mb']:8.0f}  {run['summary']}"
            )
        print(
            f"{'':7} {'(whole process, ru_maxrss)':28} {'':8} {'':10} {'':10} {result['maxrss_mb']:8.0f}"
            f"  {result['items']:,} items"
        )
        for query, (ms, count) in result.get("chooser", {}).items():
            print(f"{'':7} depot chooser search {query!r}: {ms:.0f} ms ({count:,} matches, first page of 20)")
    print(f"\nload average at the end: {load:.1f} on {os.cpu_count()} CPUs (records/s suffers when it is high)")
    print("targets: CSV >= 2,000 records/s, peak memory < 300 MB")


if __name__ == "__main__":
    main()
