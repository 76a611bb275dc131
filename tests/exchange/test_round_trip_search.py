"""The round trip with the real search node: the re-imported story is found, by a word of
its text and by a word spoken in its recording; the restricted and withdrawn ones are not."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from exchange.importer import import_community
from search import service
from search.params import parse
from tests.exchange.conftest import WORD, empty_the_site, export_bytes
from tests.search.conftest import engine, search_url  # noqa: F401

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


def public_titles(query):
    results = service.search(parse(RequestFactory().get("/", {"q": query}).GET), AnonymousUser())
    return {hit.title for hit in results.hits}


def test_search_finds_the_reimported_story(engine, given, community_a, tmp_path, django_capture_on_commit_callbacks):
    path = tmp_path / "export.zip"
    path.write_bytes(export_bytes(community_a))
    with django_capture_on_commit_callbacks(execute=True):
        empty_the_site()
    engine.refresh()
    assert public_titles(WORD) == set()

    with django_capture_on_commit_callbacks(execute=True):
        import_community(path)
    engine.refresh()

    assert public_titles(WORD) == {"Het lied van de overtocht"}
    assert "Het lied van de overtocht" in public_titles("moeder zong")  # from the transcript
    assert public_titles("Teruggetrokken") == set()
    assert public_titles("Alleen voor de gemeenschap") == set()
