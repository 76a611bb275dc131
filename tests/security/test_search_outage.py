"""A withdrawal or unpublishing never waits for the index: the database has the last word.

While the engine is down, index updates wait in the outbox; when it answers again the
index is behind until they are sent. The answers must already be right then (every
engine hit is checked against the database), and the waiting updates must be sent
without anyone running ``search_replay``.
"""

import uuid

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from editorial.services.consent import record_consent, withdraw_consent
from search import engine as engine_module
from search import indexing, service
from search.models import PendingIndexUpdate
from stories.models import Licence, StoryPage
from stories.services import links
from tests.factories import DepotItemFactory, StoryPageFactory

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]

WORD = "funanaverhaal"


def publish(parent, title, tag):
    story = StoryPageFactory(parent=parent, title=title, summary=f"Over de {WORD} van Santiago.")
    story.tags.add(tag)
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def found(client, query=WORD):
    data = client.get("/search/", {"q": query, "format": "json"}).json()
    return data, {r["title"] for r in data["results"]}


def suggested(client, prefix):
    return {s["title"] for s in client.get("/search/autocomplete/", {"q": prefix}).json()["suggestions"]}


def test_a_hit_the_database_no_longer_allows_is_dropped_with_its_counts(client, engine, community_a, depot_index):
    """The index still holds an unpublished story (its update has not been sent): search,
    facets, autocomplete, related and the depot item's links leave it out all the same."""
    item = DepotItemFactory(title="Gaita")
    kept = publish(community_a, "Funana in de Bloemhof", "accordeon")
    gone = publish(community_a, "Funana op het plein", "verdwenen-label")
    for story in (kept, gone):
        story.depot_links.create(depot_item=item, relation="mentions")
        story.save()
    indexing.rebuild()
    engine.refresh()
    assert found(client)[1] == {kept.title, gone.title}

    gone.unpublish()  # the outbox row waits: on_commit callbacks do not run in this test
    assert PendingIndexUpdate.objects.filter(key=f"story:{gone.pk}").exists()
    data, titles = found(client)
    assert data["backend"] == "opensearch"
    assert titles == {kept.title}
    assert data["total"] == 1
    tags = {value["value"]: value["count"] for value in data["facets"]["tag"]}
    assert "verdwenen-label" not in tags and tags["accordeon"] == 1
    kinds = {value["value"]: value["count"] for value in data["facets"]["kind"]}
    assert kinds["story"] == 1
    assert suggested(client, "funana") == {kept.title}
    assert gone.title not in {hit.title for hit in service.related(kept, AnonymousUser(), size=10)}
    assert [s.title for s in links.depot_item_links(item, AnonymousUser())["linked_stories"]] == [kept.title]


def test_withdrawn_while_the_engine_is_down_is_gone_when_it_answers_again(
    client, private_node, settings, community_a, depot_index, staff_user, django_capture_on_commit_callbacks
):
    settings.SEARCH_URL = private_node.url
    settings.SEARCH_INDEX_PREFIX = f"outage_{uuid.uuid4().hex[:8]}_"
    settings.SEARCH_REPLAY_CHECK_SECONDS = 3600
    engine_module._engine_for.cache_clear()
    kept = publish(community_a, "Funana blijft", "blijft")
    withdrawn = publish(community_a, "Funana ingetrokken", "ingetrokken")
    unpublished = publish(community_a, "Funana offline", "offline")
    record = record_consent(
        given_by="Nha Bibinha",
        uses=["online"],
        licence=Licence.CC_BY.value,
        text_version="2026-1",
        method="form",
        pages=[withdrawn],
    )
    indexing.rebuild()
    engine_module.get_engine().refresh()
    assert found(client)[1] == {kept.title, withdrawn.title, unpublished.title}

    private_node.stop()
    with django_capture_on_commit_callbacks(execute=True):  # the send is tried, and fails
        withdraw_consent(record, user=staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        unpublished.unpublish()
    assert PendingIndexUpdate.objects.filter(attempts__gt=0).exists(), "the updates wait"

    private_node.start()
    settings.SEARCH_URL = private_node.url
    engine_module._engine_for.cache_clear()
    data, titles = found(client)  # the index is still behind here
    assert data["backend"] == "opensearch"
    assert titles == {kept.title}
    assert data["total"] == 1
    assert suggested(client, "funana") == {kept.title}
    # ... and that answer had the waiting updates sent: nobody ran search_replay.
    assert not PendingIndexUpdate.objects.exists()
    engine = engine_module.get_engine()
    engine.refresh()
    assert engine.count({"query": {"ids": {"values": [f"story:{withdrawn.pk}", f"story:{unpublished.pk}"]}}}) == 0
    assert found(client)[1] == {kept.title}
    connection.close()
