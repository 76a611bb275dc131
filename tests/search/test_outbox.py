"""The outbox: changes are recorded in the transaction that makes them, one worker run per transaction."""

import pytest
from django.db import transaction

from search import indexing
from search.models import PendingIndexUpdate

pytestmark = pytest.mark.django_db


def test_queue_records_each_key_once_and_bumps_waiting_versions():
    indexing.queue(["story:1", "story:2", "story:2", ""])
    assert dict(PendingIndexUpdate.objects.values_list("key", "version")) == {"story:1": 1, "story:2": 1}
    indexing.queue(["story:2", "story:3"])
    assert dict(PendingIndexUpdate.objects.values_list("key", "version")) == {"story:1": 1, "story:2": 2, "story:3": 1}


def test_many_keys_are_queued_in_a_few_queries(django_assert_max_num_queries):
    keys = [f"depot:{n}" for n in range(1, 2_001)]
    # 4 chunks of 500: an UPDATE and one executemany INSERT each.
    with django_assert_max_num_queries(12):  # one at a time it was 2-4 queries per key
        indexing.queue(keys)
    assert PendingIndexUpdate.objects.count() == 2_000


def test_one_waiting_worker_run_serves_a_whole_transaction(settings, django_capture_on_commit_callbacks):
    """With the database task backend, fifty changes in one transaction leave one waiting run."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            for n in range(50):
                indexing.queue([f"story:{n}"])
    runs = DBTaskResult.objects.filter(task_path="search.tasks.process_index_updates")
    assert runs.count() == 1
    assert PendingIndexUpdate.objects.count() == 50
    runs.update(status="RUNNING")  # a worker took it: the next change asks for a new run
    with django_capture_on_commit_callbacks(execute=True):
        indexing.queue(["story:99"])
    assert runs.count() == 2


def test_a_rolled_back_savepoint_keeps_no_rows(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        with transaction.atomic():
            try:
                with transaction.atomic():
                    indexing.queue(["story:1"])
                    raise RuntimeError
            except RuntimeError:
                pass
            indexing.queue(["story:2"])
    assert set(PendingIndexUpdate.objects.values_list("key", flat=True)) == {"story:2"}


def test_new_keys_get_a_full_row_and_waiting_keys_a_new_version(django_capture_on_commit_callbacks):
    PendingIndexUpdate.objects.create(key="depot:1", version=3)
    with django_capture_on_commit_callbacks() as callbacks:
        indexing.queue(["depot:1", "depot:2", "depot:2", "", None])
    rows = {r.key: r for r in PendingIndexUpdate.objects.all()}
    assert set(rows) == {"depot:1", "depot:2"}
    assert rows["depot:1"].version == 4  # a worker busy with version 3 will not remove it
    assert rows["depot:2"].version == 1
    assert rows["depot:2"].attempts == 0 and rows["depot:2"].last_error == ""
    assert rows["depot:2"].created_at is not None and rows["depot:2"].updated_at >= rows["depot:2"].created_at
    assert len(callbacks) == 1  # the worker is asked once, after the commit


def test_more_keys_than_one_statement_holds():
    indexing.queue([f"depot:{n}" for n in range(1234)])
    assert PendingIndexUpdate.objects.count() == 1234
    indexing.queue([f"depot:{n}" for n in range(1234)])
    assert set(PendingIndexUpdate.objects.values_list("version", flat=True)) == {2}
