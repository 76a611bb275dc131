"""manage.py import_catalogue FILE: upsert depot items from a collection-system export.

    manage.py import_catalogue export.xml --collection schilderijen --withdraw-missing
    manage.py import_catalogue tate.csv --mapping depot/importers/mappings/tate.toml \
        --collection tate --collection-name Tate --report var/tate-report.csv --dry-run

Formats: csv and jsonl (with a TOML column mapping, see depot/importers/mapping.py;
without one, columns named like the fields are used) and lido (LIDO XML). Progress
goes to stderr, the summary to stdout. Bad records are reported, not fatal: the
exit code is 0 unless the file, its format or the mapping cannot be used at all.
"""

import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from depot.importers import (
    FORMATS,
    MAPPINGS_DIR,
    MappingError,
    SourceError,
    open_source,
)
from depot.importers.sync import BATCH_SIZE, describe, sync_catalogue

SHOW_PROBLEMS = 10  # on stderr when there is no --report file


class Command(BaseCommand):
    help = "Import and sync depot items from a catalogue export (CSV, JSON Lines or LIDO XML)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the export file")
        parser.add_argument("--format", choices=FORMATS, help="default: from the file's extension")
        parser.add_argument(
            "--mapping",
            help=f"TOML column mapping for csv/jsonl (a path, or a name in {MAPPINGS_DIR}, e.g. tate)",
        )
        parser.add_argument("--collection", help="slug of the depot collection the records belong to")
        parser.add_argument("--collection-name", help="name for --collection when it has to be created")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="count what would change; write nothing",
        )
        parser.add_argument(
            "--withdraw-missing",
            action="store_true",
            help="the file is the full export: withdraw items of the collection that are not in it",
        )
        parser.add_argument(
            "--report",
            help="write a CSV of failed records, warnings and withdrawals here",
        )
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="leave the search indexes alone (for a first load of a big export); "
            "run manage.py search_rebuild afterwards",
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help=f"default {BATCH_SIZE}")
        parser.add_argument(
            "--source",
            help="name of the export or collection system, kept on every item "
            "(default: the mapping's name, else the format, e.g. tate or lido)",
        )

    def handle(self, *args, **options):
        from depot.models import DepotCollection

        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"file not found: {path}")
        mapping = self._mapping_path(options["mapping"])
        try:
            source = open_source(path, options["format"], mapping)
        except (SourceError, MappingError) as error:
            raise CommandError(str(error)) from None

        with source:
            collection = None
            if options["collection"]:
                slug = options["collection"]
                collection = DepotCollection.objects.filter(slug=slug).first()
                if collection is None:
                    collection = DepotCollection(slug=slug, name=options["collection_name"] or slug)
                    if not options["dry_run"]:
                        try:
                            collection.full_clean()
                        except ValidationError as error:
                            raise CommandError(f"cannot create the collection {slug!r}: {error}") from None
                        collection.save()
                        self.stderr.write(f"created the collection {collection.name!r} ({slug})")
            if (
                options["withdraw_missing"]
                and collection is None
                and "collection" not in getattr(getattr(source, "mapping", None), "fields", {})
            ):
                raise CommandError(
                    "--withdraw-missing needs --collection (or a collection column in the mapping), "
                    "so it only withdraws items of the collection this export covers"
                )
            started = time.perf_counter()
            progress = _Progress(self.stderr, source, started)
            try:
                result = sync_catalogue(
                    source,
                    collection=collection,
                    dry_run=options["dry_run"],
                    withdraw_missing=options["withdraw_missing"],
                    report=options["report"],
                    progress=progress,
                    batch_size=max(1, options["batch_size"]),
                    reindex=not options["skip_index"],
                    source_name=options["source"] or _source_name(source, mapping),
                )
            except SourceError as error:
                progress.finish()
                partial = getattr(error, "result", None)
                if partial is not None:
                    self.stdout.write(describe(partial))
                raise CommandError(str(error)) from None
            progress.finish()

        elapsed = time.perf_counter() - started
        self.stdout.write(describe(result))
        self.stdout.write(
            f"{result.read:,} records in {elapsed:.1f} s "
            f"({result.read / max(elapsed, 1e-6):,.0f} records/s)"
            + (f", {result.warnings} with warnings" if result.warnings else "")
        )
        if options["skip_index"] and not options["dry_run"]:
            self.stdout.write("the search index was not updated: run manage.py search_rebuild (when SEARCH_URL is set)")
        if options["report"]:
            self.stdout.write(f"report: {options['report']}")
        elif result.problems:
            shown = [p for p in result.problems if p.outcome == "failed"][:SHOW_PROBLEMS]
            for problem in shown:
                self.stderr.write(f"{problem.position}: {problem.inventory_number or '-'}: {problem.reason}")
            if result.failed > len(shown):
                self.stderr.write("... use --report FILE.csv for the full list")

    def _mapping_path(self, value):
        if not value:
            return None
        path = Path(value)
        if not path.is_file() and not path.suffix and (MAPPINGS_DIR / f"{value}.toml").is_file():
            path = MAPPINGS_DIR / f"{value}.toml"
        if not path.is_file():
            raise CommandError(f"mapping file not found: {value}")
        return path


def _source_name(source, mapping) -> str:
    """A stable default for DepotItem.source: not the file name, which often carries a date."""
    if mapping is not None:
        return Path(mapping).stem
    return getattr(source, "format_name", "") or ""


class _Progress:
    """One line on stderr, rewritten after every batch: records read, share of the file, rate."""

    def __init__(self, stream, source, started):
        self.stream = stream
        self.source = source
        self.started = started
        self.shown = False
        self.tty = stream.isatty()

    def __call__(self, done: int):
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        fraction = self.source.fraction_done()
        share = f" {fraction:5.1%}" if fraction is not None else ""
        bar = ""
        if fraction is not None:
            filled = int(30 * fraction)
            bar = f"[{'#' * filled}{'.' * (30 - filled)}]"
        line = f"{bar}{share} {done:,} records ({done / elapsed:,.0f} records/s)"
        self.stream.write(("\r" if self.tty else "") + line, ending="" if self.tty else "\n")
        self.shown = True
        self.stream.flush()

    def finish(self):
        if self.shown and self.tty:
            self.stream.write("")
