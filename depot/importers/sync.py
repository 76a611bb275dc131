"""Bring DepotItem in step with a catalogue export: upsert by inventory number.

``sync_catalogue`` reads records from any source (an iterable of CatalogueRecord),
in batches of BATCH_SIZE: one query loads the batch's existing items, fields are
compared one by one, new items are bulk-created (with their url_slug, which save()
would otherwise compute) and changed ones bulk-updated, all in one transaction per
batch. Bulk writes skip post_save, so each batch queues its changed items for the
public index itself (the outbox, search.indexing.queue, in bulk). Depot
items are not in Wagtail's own search index: the admin finds them with database
lookups.

Only the fields the source fills are compared and written (a CSV mapping without a
description column leaves descriptions alone). A record that comes back after being
withdrawn is un-withdrawn.

A bad record never stops the run: it is counted as failed and written to the report
(a CSV file: position, inventory number, outcome, reason). Running the same file
twice changes nothing the second time.

Every item the sync writes is marked ``from_catalogue`` with its ``source`` (the
export or system, when the caller names it) and, when the export has one, the source
system's own record id. Every record that appears in a run gets ``last_seen_at`` set
to the run's batch time, unchanged ones too (one UPDATE per batch; their content and
``updated_at`` stay as they are).

With ``withdraw_missing`` the file is taken to be the full export of the collections
it touched: every item of those collections that came from the catalogue, is not
withdrawn and whose inventory number did not occur in the file is marked withdrawn.
Items made by hand (``from_catalogue`` False) are never withdrawn. Records that failed
but had an inventory number count as seen, so a typo in a year does not withdraw an
item.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from core.spreadsheets import neutralise_row
from depot.importers.base import SourceError
from depot.importers.records import ITEM_FIELDS, YEAR_FIELDS, CatalogueRecord, one_line
from search import indexing

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
KEEP_PROBLEMS = 1000  # problems kept on the result; the report file has them all
REPORT_HEADER = ["position", "inventory_number", "outcome", "reason"]


@dataclass(frozen=True)
class Problem:
    position: str
    inventory_number: str
    outcome: str  # "failed", "warning" or "withdrawn"
    reason: str


@dataclass
class SyncResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    failed: int = 0
    warnings: int = 0
    read: int = 0
    dry_run: bool = False
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    aborted: str = ""

    def summary(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
            f"withdrawn {self.withdrawn}, failed {self.failed}"
        )


class _Report:
    """The problems as they happen: kept on the result (the first ones) and written out."""

    def __init__(self, target, result: SyncResult):
        self.result = result
        self._file = None
        self._owns = False
        if target is None:
            self._writer = None
        else:
            if isinstance(target, (str, os.PathLike)):
                self._file = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115
                self._owns = True
            else:
                self._file = target
            self._writer = csv.writer(self._file)
            self._writer.writerow(REPORT_HEADER)

    def add(self, problem: Problem):
        if len(self.result.problems) < KEEP_PROBLEMS:
            self.result.problems.append(problem)
        if self._writer:
            # Inventory numbers and reasons come from the outside export: never a formula.
            self._writer.writerow(
                neutralise_row([problem.position, problem.inventory_number, problem.outcome, problem.reason])
            )

    def flush(self):
        if self._file is not None:
            self._file.flush()

    def close(self):
        if self._owns:
            self._file.close()
        else:
            self.flush()


@dataclass
class _Planned:
    record: CatalogueRecord
    number: str
    values: dict
    collection: str | None  # a name from the record, when the source gave one


def _limits():
    from depot.models import DepotItem

    return {
        f.name: f.max_length
        for f in DepotItem._meta.get_fields()
        if getattr(f, "max_length", None) and f.name in (*ITEM_FIELDS, "inventory_number")
    }


_WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)


def _prepare(record: CatalogueRecord, fields: frozenset, limits: dict) -> tuple[str, dict]:
    """Check one record and make the values to write; appends to record.problems/warnings."""
    number = one_line(record.inventory_number)
    if not number:
        if not any("inventory number" in p for p in record.problems):
            record.problems.insert(0, "no inventory number")
    elif len(number) > limits["inventory_number"]:
        record.problems.append(f"the inventory number is longer than {limits['inventory_number']} characters")
    values = {}
    for name in ITEM_FIELDS:
        if name not in fields:
            continue
        value = getattr(record, name)
        if name in YEAR_FIELDS:
            values[name] = value
            continue
        value = (value or "").strip()
        limit = limits.get(name)
        if limit and len(value) > limit:
            value = value[: limit - 1].rstrip() + "…"
            record.warnings.append(f"{name} was shortened to {limit} characters")
        values[name] = value
    start, end = values.get("year_from"), values.get("year_to")
    if start is not None and end is not None and end < start:
        record.problems.append(f"the end year ({end}) is before the start year ({start})")
    if values.get("image_url") and not _WEB_ADDRESS.match(values["image_url"]):
        record.warnings.append(f"image_url {values['image_url'][:80]!r} is not a web address; left empty")
        values["image_url"] = ""
    if "title" in values and not values["title"]:
        values["title"] = (values.get("object_type") or number)[: limits["title"]]
        record.warnings.append(f"no title; {values['title']!r} used instead")
    return number, values


class _Collections:
    """Collection ids for the records: the command's --collection, or names from the export."""

    def __init__(self, fixed, dry_run: bool):
        from depot.models import DepotCollection

        self.model = DepotCollection
        self.fixed = fixed
        self.dry_run = dry_run
        self._ids: dict[str, int] = {}

    def id_for(self, name: str | None) -> tuple[bool, int | None]:
        """(whether the collection is set by this import, its id); a negative id is a dry-run stand-in."""
        if self.fixed is not None:
            return True, self.fixed.pk if self.fixed.pk is not None else -1
        if not name:
            return False, None
        if name not in self._ids:
            slug = slugify(name)[:100] or "collection"
            found = (
                self.model.objects.filter(slug=name).first()
                or self.model.objects.filter(slug=slug).first()
                or self.model.objects.filter(name=name).first()
            )
            if found is None and not self.dry_run:
                found = self.model.objects.create(slug=slug, name=name[:200])
            self._ids[name] = found.pk if found is not None else -(len(self._ids) + 2)
        return True, self._ids[name]


@dataclass
class _Run:
    """What every batch of one sync needs to know."""

    result: SyncResult
    out: _Report
    collections: _Collections
    dry_run: bool
    reindex: bool
    # what every item written by this run gets (from_catalogue, source)
    marks: dict = field(default_factory=dict)
    # the collections the export covers (for withdraw_missing)
    scope: set = field(default_factory=set)


def sync_catalogue(
    records: Iterable[CatalogueRecord],
    *,
    collection=None,
    dry_run: bool = False,
    withdraw_missing: bool = False,
    report=None,
    progress: Callable[[int], None] | None = None,
    fields: Iterable[str] | None = None,
    batch_size: int = BATCH_SIZE,
    reindex: bool = True,
    source_name: str = "",
) -> SyncResult:
    """Upsert the records by inventory number; see the module docstring.

    collection: a DepotCollection every record goes into (an unsaved one in a dry run
    stands for one that would be created). report: a path or a text file for the CSV
    report. progress: called with the number of records read after every batch.
    fields: the DepotItem fields the source fills (default ``records.fields``, else
    all). reindex=False skips the search index bookkeeping, for a first load that is
    followed by ``manage.py search_rebuild`` and ``manage.py update_index``.
    source_name: the export or system the records come from (DepotItem.source);
    empty leaves the items' source as it is.
    """
    if collection is not None and collection.pk is None and not dry_run:
        raise ValueError("save the collection first (an unsaved one is for dry runs)")
    if fields is None:
        fields = getattr(records, "fields", None) or ITEM_FIELDS
    fields = frozenset(fields) & frozenset(ITEM_FIELDS)
    result = SyncResult(dry_run=dry_run)
    run = _Run(
        result=result,
        out=_Report(report, result),
        collections=_Collections(collection, dry_run),
        dry_run=dry_run,
        reindex=reindex,
        marks={"from_catalogue": True, **({"source": source_name[:100]} if source_name else {})},
    )
    limits = _limits()
    seen: set[str] = set()
    batch: list[_Planned] = []
    try:
        try:
            for record in records:
                result.read += 1
                number, values = _prepare(record, fields, limits)
                if number and not record.problems and number in seen:
                    record.problems.append("the inventory number occurs earlier in the file too; skipped")
                elif number:
                    seen.add(number)
                if record.problems:
                    result.failed += 1
                    for reason in record.problems:
                        run.out.add(Problem(record.position, number, "failed", reason))
                    continue
                if record.warnings:
                    result.warnings += 1
                    for warning in record.warnings:
                        run.out.add(Problem(record.position, number, "warning", warning))
                batch.append(_Planned(record, number, values, record.collection or None))
                if len(batch) >= batch_size:
                    _write_batch(batch, run)
                    batch = []
                    run.out.flush()
                    if progress:
                        progress(result.read)
        except SourceError as error:
            if batch:
                _write_batch(batch, run)
            result.aborted = str(error)
            result.notes.append("the file could not be read to the end, so nothing was withdrawn")
            run.out.add(Problem("", "", "failed", f"reading stopped: {error}"))
            error.result = result
            raise
        if batch:
            _write_batch(batch, run)
        if progress:
            progress(result.read)
        if withdraw_missing:
            if collection is not None:
                run.scope = {collection.pk if collection.pk is not None else -1}
            _withdraw_missing(seen, run)
    finally:
        run.out.close()
    return result


def _changes(item, values: dict) -> list[str]:
    return [name for name, value in values.items() if getattr(item, name) != value]


def _values_for(planned: _Planned, run: _Run) -> dict:
    values = {**planned.values, **run.marks}
    has_collection, collection_id = run.collections.id_for(planned.collection)
    if has_collection:
        values["collection_id"] = collection_id
    return values


def _write_batch(batch: list[_Planned], run: _Run) -> None:
    from depot.models import DepotItem, url_slug_for

    numbers = [p.number for p in batch]
    existing = {i.inventory_number: i for i in DepotItem.objects.filter(inventory_number__in=numbers)}
    now = timezone.now()
    to_create, to_update, changed_fields = [], [], set()
    unchanged = []  # pks: only their last_seen_at is written
    for planned in batch:
        values = _values_for(planned, run)
        item = existing.get(planned.number)
        if item is None:
            values.setdefault("title", planned.record.object_type or planned.number)
            item = DepotItem(
                inventory_number=planned.number,
                url_slug=url_slug_for(planned.number),
                last_seen_at=now,
                **values,
            )
            to_create.append(item)
        else:
            values["withdrawn"] = False  # a record that comes back is un-withdrawn
            changed = _changes(item, values)
            if changed:
                for name in changed:
                    setattr(item, name, values[name])
                item.updated_at = now  # bulk_update does not apply auto_now
                item.last_seen_at = now
                to_update.append(item)
                changed_fields.update(changed)
            else:
                unchanged.append(item.pk)
        run.scope.add(item.collection_id)
    if not run.dry_run and (to_create or to_update or unchanged):
        try:
            with transaction.atomic():
                created = DepotItem.objects.bulk_create(to_create)
                if any(item.pk is None for item in created):  # no RETURNING on this database
                    ids = dict(
                        DepotItem.objects.filter(
                            inventory_number__in=[i.inventory_number for i in created]
                        ).values_list("inventory_number", "pk")
                    )
                    for item in created:
                        item.pk = ids[item.inventory_number]
                if to_update:
                    DepotItem.objects.bulk_update(to_update, sorted(changed_fields | {"updated_at", "last_seen_at"}))
                if unchanged:
                    DepotItem.objects.filter(pk__in=unchanged).update(last_seen_at=now)
                if run.reindex:
                    _reindex(created + to_update)
        except DatabaseError as error:
            # someone created one of these numbers meanwhile, or a url_slug clashes:
            # go through the batch one record at a time so only the culprit fails
            logger.warning("batch write failed (%s); retrying record by record", error)
            _write_one_by_one(batch, run)
            return
    run.result.created += len(to_create)
    run.result.updated += len(to_update)
    run.result.unchanged += len(unchanged)


def _write_one_by_one(batch: list[_Planned], run: _Run) -> None:
    """The slow path: save() each record in its own savepoint (signals do the indexing)."""
    from depot.models import DepotItem

    result = run.result
    now = timezone.now()
    for planned in batch:
        values = _values_for(planned, run)
        try:
            with transaction.atomic():
                item = DepotItem.objects.filter(inventory_number=planned.number).first()
                if item is None:
                    values.setdefault("title", planned.record.object_type or planned.number)
                    item = DepotItem(inventory_number=planned.number, last_seen_at=now, **values)
                    item.save()
                    result.created += 1
                else:
                    values["withdrawn"] = False
                    changed = _changes(item, values)
                    if changed:
                        for name in changed:
                            setattr(item, name, values[name])
                        item.last_seen_at = now
                        item.save()
                        result.updated += 1
                    else:
                        DepotItem.objects.filter(pk=item.pk).update(last_seen_at=now)
                        result.unchanged += 1
                run.scope.add(item.collection_id)
        except DatabaseError as error:
            result.failed += 1
            reason = f"could not be saved: {error}"
            run.out.add(Problem(planned.record.position, planned.number, "failed", reason))


def _reindex(items) -> None:
    """What post_save would have done: queue the items for the public index (search/)."""
    if items:
        indexing.queue({f"depot:{item.pk}" for item in items})


def _withdraw_missing(seen: set[str], run: _Run) -> None:
    from depot.models import DepotItem

    result = run.result
    if not seen:
        result.notes.append("no record with an inventory number was read, so nothing was withdrawn")
        return
    ids = [c for c in run.scope if c is not None and c > 0]
    if not ids and None not in run.scope:
        return  # a dry run into a collection that does not exist yet
    condition = Q(collection_id__in=ids)
    if None in run.scope:
        condition |= Q(collection__isnull=True)
    rows = DepotItem.objects.filter(condition, withdrawn=False, from_catalogue=True).values_list(
        "pk", "inventory_number"
    )
    missing = [(pk, number) for pk, number in rows.iterator(chunk_size=5000) if number not in seen]
    result.withdrawn = len(missing)
    for _pk, number in missing:
        run.out.add(Problem("", number, "withdrawn", "not in the export"))
    if run.dry_run:
        return
    now = timezone.now()
    for start in range(0, len(missing), BATCH_SIZE):
        pks = [pk for pk, _number in missing[start : start + BATCH_SIZE]]
        with transaction.atomic():
            DepotItem.objects.filter(pk__in=pks).update(withdrawn=True, updated_at=now)
            if run.reindex:
                indexing.queue({f"depot:{pk}" for pk in pks})


def describe(result: SyncResult) -> str:
    """The summary line plus notes, for a command's output."""
    text = io.StringIO()
    text.write(result.summary())
    if result.dry_run:
        text.write(" (dry run: nothing was written)")
    for note in result.notes:
        text.write(f"\n{note}")
    return text.getvalue()
