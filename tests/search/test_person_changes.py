"""A person who changes how their name is shown disappears from search under the old name.

The documents of stories and objects carry the people's public names, so a change of
a Person (to a pseudonym, to anonymous, a new name) must queue every document showing
them: narrators, interviewers, bringers, and transcripts whose speaker label is one of
their names. Tested on the real node, through the outbox and the worker, like a change
in the admin.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from media.models import Segment, Transcript
from search import indexing, service
from search.models import PendingIndexUpdate
from search.params import parse
from stories.models import StoryNarrator
from tests.factories import HeritageObjectPageFactory, PersonFactory, StoryPageFactory
from tests.media.conftest import make_recording

pytestmark = pytest.mark.django_db


def query(string):
    return service.search(parse(RequestFactory().get("/search/?" + string).GET), AnonymousUser())


def titles(string):
    return sorted(hit.title for hit in query(string).hits)


def suggested(prefix):
    return sorted(s["title"] for s in service.autocomplete(prefix, AnonymousUser()))


@pytest.fixture
def ramona(community_a):
    """One person shown four ways: narrator, interviewer, bringer, and speaker in a transcript."""
    person = PersonFactory(full_name="Ramona Brito Fontes", name_display="full")
    narrated = StoryPageFactory(parent=community_a, title="De haven bij nacht", summary="Over de nachtdienst.")
    StoryNarrator.objects.create(story=narrated, person=person)
    narrated.save_revision().publish()
    interviewed = StoryPageFactory(
        parent=community_a, title="Het koor van Delfshaven", summary="Zingen op zondag.", interviewer=person
    )
    interviewed.save_revision().publish()
    brought = HeritageObjectPageFactory(parent=community_a, title="Een hutkoffer", brought_by=person)
    brought.save_revision().publish()
    recording = make_recording(title="Opname")
    transcript = Transcript.objects.create(media=recording, language="nl")
    Segment.objects.create(transcript=transcript, start_ms=0, end_ms=2000, speaker="Ramona Brito Fontes", text="Ja.")
    spoken = StoryPageFactory(parent=community_a, title="Een zondag", summary="Over de kerk.", main_media=recording)
    spoken.save_revision().publish()
    return {"person": person, "stories": [narrated, interviewed, spoken], "object": brought}


def test_a_person_change_queues_every_document_that_shows_them(ramona, django_capture_on_commit_callbacks):
    PendingIndexUpdate.objects.all().delete()
    person = ramona["person"]
    person.name_display = "anonymous"
    with django_capture_on_commit_callbacks():  # keep the rows: no worker run
        person.save()
    expected = {f"story:{s.pk}" for s in ramona["stories"]} | {f"object:{ramona['object'].pk}"}
    assert set(PendingIndexUpdate.objects.values_list("key", flat=True)) == expected


def test_a_renamed_speaker_label_is_found_by_the_old_name_too(ramona, django_capture_on_commit_callbacks):
    """A transcript label matches a person by name: the old name finds the story as well."""
    PendingIndexUpdate.objects.all().delete()
    person = ramona["person"]
    person.full_name = "Ramona Fontes"
    with django_capture_on_commit_callbacks():
        person.save()
    assert f"story:{ramona['stories'][2].pk}" in set(PendingIndexUpdate.objects.values_list("key", flat=True))


@pytest.mark.search_engine
def test_a_person_turned_pseudonym_is_no_longer_found_by_their_real_name(
    engine, ramona, django_capture_on_commit_callbacks
):
    indexing.rebuild()
    engine.refresh()
    shown = sorted(["De haven bij nacht", "Het koor van Delfshaven", "Een hutkoffer"])
    assert titles("q=Fontes") == shown
    assert suggested("ramona bri") == shown

    person = ramona["person"]
    person.pseudonym = "Nha Mona"
    person.name_display = "pseudonym"
    with django_capture_on_commit_callbacks(execute=True):  # commit: the worker sends the outbox
        person.save()
    engine.refresh()

    assert PendingIndexUpdate.objects.count() == 0
    assert titles("q=Fontes") == []
    assert titles("q=Ramona") == []
    assert suggested("ramona") == []
    assert titles('q="Nha Mona"') == shown
    assert suggested("nha mo") == shown
    # The transcript shows the pseudonym as the speaker now.
    spoken = engine.client.get(index=engine.alias, id=f"story:{ramona['stories'][2].pk}")["_source"]
    assert [segment["speaker"] for segment in spoken["transcript"]] == ["Nha Mona"]


@pytest.mark.search_engine
def test_a_person_turned_anonymous_leaves_no_name(engine, ramona, django_capture_on_commit_callbacks):
    indexing.rebuild()
    engine.refresh()
    person = ramona["person"]
    person.name_display = "anonymous"
    with django_capture_on_commit_callbacks(execute=True):
        person.save()
    engine.refresh()
    assert titles("q=Fontes") == []
    assert suggested("ramona bri") == []
