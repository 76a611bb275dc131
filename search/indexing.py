"""Keeping the public index in step with the database.

Changes are recorded as PendingIndexUpdate rows (``queue``) and sent to the engine by
``process_pending`` (run as a background task, and by ``manage.py search_replay``).
``rebuild`` fills a fresh versioned index and swaps the alias, so search keeps
answering from the old index until the new one is complete.
"""

from __future__ import annotations

import datetime
import logging
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from search import registry
from search.documents import index_body
from search.engine import EngineUnavailable, get_engine
from search.models import IndexBuild, PendingIndexUpdate

logger = logging.getLogger(__name__)
BULK_SIZE = 500
QUEUE_CHUNK = 500
# A rebuild keeps this many bulk requests in flight while it builds the next one:
# the engine indexes one while it parses another, so both cores stay busy.
REBUILD_BULKS_IN_FLIGHT = 2
REBUILD_BULK_TIMEOUT = 120.0  # seconds; a busy node may take long over a bulk, that is no failure


def queue(keys: Iterable[str]) -> None:
    """Record that these documents changed, and ask a worker to send them once committed.

    Two statements per 500 keys, so a catalogue import queues thousands of items in a
    few queries: an UPDATE bumps the version of keys already waiting (so a worker busy
    sending the old version does not remove them), then an INSERT of every key that
    skips conflicts adds the others, with no SELECT. The INSERT is plain SQL with
    executemany: bulk_create spent more time building and compiling model instances
    than the database spent writing them (a fifth of a catalogue import's time).
    """
    keys = sorted({k for k in keys if k})
    if not keys:
        return
    connection = transaction.get_connection()
    now = timezone.now()
    insert = _outbox_insert_sql(connection)
    stamp = connection.ops.adapt_datetimefield_value(now)
    for start in range(0, len(keys), QUEUE_CHUNK):
        chunk = keys[start : start + QUEUE_CHUNK]
        PendingIndexUpdate.objects.filter(key__in=chunk).update(version=F("version") + 1, updated_at=now)
        if insert is None:
            PendingIndexUpdate.objects.bulk_create(
                [PendingIndexUpdate(key=key) for key in chunk], ignore_conflicts=True
            )
        else:
            with connection.cursor() as cursor:
                cursor.executemany(insert, [(key, stamp, stamp) for key in chunk])
    _enqueue_on_commit()


def _outbox_insert_sql(connection) -> str | None:
    """INSERT of one new outbox row that skips keys already waiting.

    None on databases without ``ON CONFLICT ... DO NOTHING`` (the project runs on
    SQLite and PostgreSQL; anything else takes bulk_create's slower path).
    """
    if connection.vendor not in ("sqlite", "postgresql"):
        return None
    meta = PendingIndexUpdate._meta
    q = connection.ops.quote_name
    column = {
        name: q(meta.get_field(name).column)
        for name in ("key", "version", "created_at", "updated_at", "attempts", "last_error")
    }
    return (
        f"INSERT INTO {q(meta.db_table)} ({column['key']}, {column['version']}, {column['created_at']}, "
        f"{column['updated_at']}, {column['attempts']}, {column['last_error']}) "
        f"VALUES (%s, 1, %s, %s, 0, '') ON CONFLICT ({column['key']}) DO NOTHING"
    )


def _enqueue_on_commit() -> None:
    transaction.on_commit(_enqueue_worker)


def _enqueue_worker() -> None:
    """Ask a worker to send the outbox, unless a run that has not started yet will do it.

    Runs after commit, so the rows are visible to any run that starts later: with the
    database task backend one waiting run serves every change of a transaction (or of
    an import), instead of one task row per change. Other backends (immediate in
    development and tests) run each time; a run that finds the outbox empty costs a query.
    """
    from search.tasks import process_index_updates

    try:
        if _a_run_is_waiting(process_index_updates):
            return
        process_index_updates.enqueue()
    except Exception:  # the rows wait for the next worker or replay
        logger.exception("could not enqueue the index update task")


def _a_run_is_waiting(task) -> bool:
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.ready().filter(task_path=task.module_path).exists()


def _target_indexes(engine) -> list[str]:
    """The alias plus any index a running rebuild is filling."""
    building = list(IndexBuild.objects.filter(finished_at__isnull=True).values_list("name", flat=True))
    return [engine.alias, *building]


def _operations(pairs, index: str | None = None) -> list[dict]:
    ops: list[dict] = []
    for key, document in pairs:
        meta = {"_id": key}
        if index:
            meta["_index"] = index
        if document is None:
            ops.append({"delete": meta})
        else:
            ops.append({"index": meta})
            ops.append(document)
    return ops


def ensure_index(engine=None) -> str:
    """Make sure the alias points at an index (creating an empty one the first time)."""
    engine = engine or get_engine()
    targets = engine.alias_targets()
    if targets:
        return targets[0]
    name = _new_index_name(engine)
    engine.create_index(name, index_body())
    engine.swap_alias(name)
    return name


def process_pending(limit: int | None = None) -> int:
    """Send waiting updates to the engine; returns how many were sent. Keeps them on failure."""
    engine = get_engine()
    if engine is None:
        PendingIndexUpdate.objects.all().delete()  # database search reads the database itself
        return 0
    sent = 0
    try:
        ensure_index(engine)
        targets = _target_indexes(engine)
        while True:
            rows = list(PendingIndexUpdate.objects.order_by("updated_at", "pk")[:BULK_SIZE])
            if not rows:
                break
            pairs = [(row.key, registry.document_for(row.key)) for row in rows]
            for target in targets:
                engine.bulk(_operations(pairs), index=target)
            for row in rows:
                PendingIndexUpdate.objects.filter(pk=row.pk, version=row.version).delete()
            sent += len(rows)
            if limit and sent >= limit:
                break
    except EngineUnavailable as error:
        PendingIndexUpdate.objects.all().update(attempts=F("attempts") + 1, last_error=str(error)[:2000])
        logger.warning("search engine unavailable, %s updates wait: %s", pending_count(), error)
        _expect_replay(engine)
        return sent
    return sent


def pending_count() -> int:
    return PendingIndexUpdate.objects.count()


_next_replay_check: dict[str, float] = {}  # per alias, this process: when to look again


def _replay_check_key(engine) -> str:
    return f"search:replay-checked:{engine.alias}"


def _expect_replay(engine) -> None:
    """A send failed: the next answer of the engine should look for waiting updates at
    once, not when the interval is over (other processes look within their interval)."""
    from django.core.cache import cache

    _next_replay_check.pop(engine.alias, None)
    cache.delete(_replay_check_key(engine))


def replay_if_waiting() -> bool:
    """Called when the engine has just answered a search: if updates wait that should have
    been sent (a send failed, or they are older than SEARCH_REPLAY_AFTER_SECONDS), ask a
    worker to send them. So an outage ends without anyone running search_replay.

    Looks at most once per SEARCH_REPLAY_CHECK_SECONDS: a clock in this process spares
    the shared cache on every search, and the cache makes it once for all processes. A
    failed send resets both here (``_expect_replay``), so the first answer after an outage
    looks at once; other processes look within their interval. Returns whether a replay
    was queued.
    """
    from django.conf import settings
    from django.core.cache import cache
    from django.db.models import Q

    engine = get_engine()
    if engine is None:
        return False
    interval = float(settings.SEARCH_REPLAY_CHECK_SECONDS)
    now = time.monotonic()
    if now < _next_replay_check.get(engine.alias, 0.0):
        return False
    _next_replay_check[engine.alias] = now + interval
    if interval > 0 and not cache.add(_replay_check_key(engine), True, timeout=interval):
        return False
    overdue = timezone.now() - datetime.timedelta(seconds=settings.SEARCH_REPLAY_AFTER_SECONDS)
    if not PendingIndexUpdate.objects.filter(Q(attempts__gt=0) | Q(updated_at__lt=overdue)).exists():
        return False
    logger.info("the search engine answers again: sending %s waiting updates", pending_count())
    _enqueue_worker()
    return True


def _new_index_name(engine) -> str:
    return f"{engine.alias}_v{timezone.now():%Y%m%d%H%M%S%f}"


def rebuild(progress: Callable[[int, int], None] | None = None, keep_old: bool = False) -> dict:
    """Fill a new versioned index from the database and swap the alias to it.

    Searches keep answering from the old index until the swap; updates made during
    the rebuild go to both. Returns numbers for the caller to report.
    """
    engine = get_engine()
    if engine is None:
        raise EngineUnavailable("no SEARCH_URL configured: the database is searched directly")
    started = time.perf_counter()
    name = _new_index_name(engine)
    engine.create_index(name, index_body())
    engine.set_bulk_loading(name, True)
    build = IndexBuild.objects.create(name=name)
    total = registry.count_documents()
    done = 0
    # Building documents (Python) and indexing them (the engine) overlap: bulks are in
    # flight while the next is built. Memory stays bounded: at most
    # REBUILD_BULKS_IN_FLIGHT + 1 bulks exist at any moment.
    in_flight = []
    with ThreadPoolExecutor(max_workers=REBUILD_BULKS_IN_FLIGHT, thread_name_prefix="bulk") as sender:

        def send(batch):
            in_flight.append(sender.submit(engine.bulk, _operations(batch), name, REBUILD_BULK_TIMEOUT))

        try:
            batch: list[tuple[str, dict | None]] = []
            for pair in registry.iter_documents():
                if pair[1] is None:
                    continue
                batch.append(pair)
                if len(batch) >= BULK_SIZE:
                    send(batch)
                    batch = []
                    while len(in_flight) > REBUILD_BULKS_IN_FLIGHT:
                        done += in_flight.pop(0).result()
                        if progress:
                            progress(done, total)
            if batch:
                send(batch)
            while in_flight:
                done += in_flight.pop(0).result()
            if progress:
                progress(done, total)
            engine.set_bulk_loading(name, False)
            engine.refresh(name)
            old = engine.swap_alias(name)
        except BaseException:
            for future in in_flight:
                future.cancel()
            build.delete()
            engine.delete_index(name)
            raise
    build.finished_at = timezone.now()
    build.documents = done
    build.save(update_fields=["finished_at", "documents"])
    if not keep_old:
        for index in old:
            engine.delete_index(index)
    process_pending()
    elapsed = time.perf_counter() - started
    return {"index": name, "documents": done, "seconds": elapsed, "replaced": old}


class ProgressBar:
    """A plain progress bar for management commands (stderr, one line, no dependency)."""

    def __init__(self, stream=None, width=40):
        self.stream = stream or sys.stderr
        self.width = width
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int):
        total = max(total, done, 1)
        filled = int(self.width * done / total)
        rate = done / max(time.perf_counter() - self.started, 1e-6)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} ({rate:,.0f} docs/s)")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
