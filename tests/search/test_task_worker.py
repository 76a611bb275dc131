"""Production's task setup: index updates wait in the database until `manage.py db_worker` sends them."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from search import indexing
from search.models import PendingIndexUpdate
from tests.factories import StoryPageFactory

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


def found(engine, title):
    engine.refresh()
    body = {"query": {"match_phrase": {"title": title}}, "size": 0, "track_total_hits": True}
    return engine.search(body)["hits"]["total"]["value"]


def test_updates_wait_for_the_worker_with_the_database_backend(
    engine, community_a, depot_index, settings, django_capture_on_commit_callbacks, monkeypatch
):
    # The worker closes idle connections between tasks; inside a test's transaction that
    # would close the test's own connection (PostgreSQL), so it keeps it here.
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    indexing.ensure_index()
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryPageFactory(parent=community_a, title="Wachten op de werker")
        story.save_revision().publish()
    assert found(engine, "Wachten op de werker") == 0  # nothing sent inside the request
    ours = DBTaskResult.objects.filter(task_path="search.tasks.process_index_updates")
    assert ours.filter(status="READY").count() == 1  # one run asked for, not one per change
    assert PendingIndexUpdate.objects.filter(key=f"story:{story.pk}").exists()

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    assert found(engine, "Wachten op de werker") == 1
    assert ours.get().status == "SUCCESSFUL"
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()  # Wagtail's own tasks ran too
    assert not PendingIndexUpdate.objects.exists()
