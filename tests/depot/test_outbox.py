"""The sync's bulk outbox writer keeps search.indexing.queue()'s meaning for a whole batch."""

import pytest

from depot.importers.sync import queue_index_updates
from search.models import PendingIndexUpdate

pytestmark = pytest.mark.django_db


def test_new_keys_get_a_row_and_waiting_keys_a_new_version(django_capture_on_commit_callbacks):
    PendingIndexUpdate.objects.create(key="depot:1", version=3)
    with django_capture_on_commit_callbacks() as callbacks:
        queue_index_updates(["depot:1", "depot:2", "depot:2", "", None])
    rows = {r.key: r for r in PendingIndexUpdate.objects.all()}
    assert set(rows) == {"depot:1", "depot:2"}
    assert rows["depot:1"].version == 4  # a worker busy with version 3 will not remove it
    assert rows["depot:2"].version == 1
    assert rows["depot:2"].attempts == 0 and rows["depot:2"].last_error == ""
    assert rows["depot:2"].created_at is not None and rows["depot:2"].updated_at >= rows["depot:2"].created_at
    assert len(callbacks) == 1  # the worker is asked once, after the commit


def test_more_keys_than_one_statement_holds():
    queue_index_updates([f"depot:{n}" for n in range(1234)])
    assert PendingIndexUpdate.objects.count() == 1234
    queue_index_updates([f"depot:{n}" for n in range(1234)])
    assert set(PendingIndexUpdate.objects.values_list("version", flat=True)) == {2}
