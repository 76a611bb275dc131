"""Rebuilds swap an alias while searches keep answering; updates survive an engine outage."""

import threading

import pytest
from django.core.management import call_command
from django.db import connection

from search import engine as engine_module
from search import indexing
from search.models import PendingIndexUpdate
from tests.factories import StoryPageFactory

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


def story_titles(client, q):
    return [r["title"] for r in client.get("/search/", {"q": q, "format": "json"}).json()["results"]]


def test_rebuild_swaps_the_alias_while_searches_keep_answering(engine, community_a, depot_index):
    for i in range(60):
        StoryPageFactory(
            parent=community_a, title=f"Havenverhaal {i}", summary="Over de haven."
        ).save_revision().publish()
    first = indexing.rebuild()["index"]
    engine.refresh()
    body = {"query": {"match": {"title": "havenverhaal"}}, "size": 0, "track_total_hits": True}

    answers, errors, stop = [], [], threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                answers.append(engine.search(body)["hits"]["total"]["value"])
            except Exception as error:  # noqa: BLE001 - any failure is what this test looks for
                errors.append(error)

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        indexing.BULK_SIZE, old_size = 7, indexing.BULK_SIZE  # many small bulks: a longer rebuild
        second = indexing.rebuild()
    finally:
        indexing.BULK_SIZE = old_size
        stop.set()
        searcher.join()
    assert second["index"] != first
    assert engine.alias_targets() == [second["index"]]
    assert not engine.index_exists(first)
    assert errors == []
    assert len(answers) > 5
    assert set(answers) == {60}, "every search during the rebuild saw the complete old or new index"


def test_rebuild_command_prints_progress_and_numbers(engine, community_a, depot_index, capsys):
    StoryPageFactory(parent=community_a, title="Een verhaal").save_revision().publish()
    call_command("search_rebuild")
    out, err = capsys.readouterr()
    assert "Indexed" in out and "documents" in out
    assert "docs/s" in err  # the progress bar


def test_engine_down_mid_run_site_keeps_working_and_updates_are_replayed(
    client, private_node, settings, community_a, depot_index, django_capture_on_commit_callbacks
):
    settings.SEARCH_URL = private_node.url
    settings.SEARCH_INDEX_PREFIX = "outage_"
    engine_module._engine_for.cache_clear()
    StoryPageFactory(parent=community_a, title="Voor de storing").save_revision().publish()
    indexing.rebuild()
    engine_module.get_engine().refresh()
    assert story_titles(client, "storing") == ["Voor de storing"]

    private_node.stop()
    with django_capture_on_commit_callbacks(execute=True):
        story = StoryPageFactory(parent=community_a, title="Tijdens de storing geschreven")
        story.save_revision().publish()
    assert PendingIndexUpdate.objects.filter(key=f"story:{story.pk}").exists(), "the update waits"
    page = client.get("/search/", {"q": "storing"})
    assert page.status_code == 200
    assert f'href="{story.url}"' in page.content.decode()  # answered by the database
    fallback = client.get("/search/", {"q": "storing", "format": "json"}).json()
    assert fallback["backend"] == "database" and fallback["notice"]
    assert "Tijdens de storing geschreven" in [r["title"] for r in fallback["results"]]
    assert client.get(story.url).status_code == 200

    private_node.start()
    settings.SEARCH_URL = private_node.url
    engine_module._engine_for.cache_clear()
    call_command("search_replay")
    engine_module.get_engine().refresh()
    assert not PendingIndexUpdate.objects.exists()
    data = client.get("/search/", {"q": "storing", "format": "json"}).json()
    assert data["backend"] == "opensearch"
    assert {"Voor de storing", "Tijdens de storing geschreven"} <= {r["title"] for r in data["results"]}
    connection.close()
