"""The admin's person search (listing and chooser) answers on every backend, without a 500.

With the engine configured it failed three ways: Wagtail's person index had never been
created with its mapping (the first save let the engine guess one, and every search then
raised KeyError 'fields'), and sorting a search by a column or filtering it (by name
display, or by the curator's communities) asked the engine for fields Person did not
index as filters. On SQLite the listing asked the database backend to search named
columns, which its full-text table does not have.
"""

import uuid

import pytest
from django.core.management import call_command
from django.urls import reverse

from config.settings.base import _wagtail_search_backend
from stories.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

LIST = reverse("wagtailsnippets_stories_person:list")
RESULTS = reverse("wagtailsnippets_stories_person:list_results")
CHOOSE = reverse("wagtailsnippetchoosers_stories_person:choose_results")


@pytest.fixture
def wagtail_engine(search_url, settings):
    """Wagtail's own backend on the node, under a test-private prefix; its indexes removed after."""
    from search.engine import OpenSearchAdapter

    prefix = f"test_{uuid.uuid4().hex[:10]}_wagtail_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": _wagtail_search_backend("opensearch"), "URLS": [search_url], "INDEX_PREFIX": prefix}
    }
    from wagtail.search.backends import get_search_backend

    yield get_search_backend()
    cleaner = OpenSearchAdapter(search_url, "unused")
    for name in cleaner.list_indexes(f"{prefix}*"):
        cleaner.delete_index(name)


@pytest.fixture
def people(community_a, community_b):
    return [
        PersonFactory(full_name="Rosa Lopes", pseudonym="Tia Rosa", name_display="pseudonym", community=community_a),
        PersonFactory(full_name="Rosalia Brito", community=community_a),
        PersonFactory(full_name="Rosa van Katendrecht", community=community_b),
    ]


def _names(response):
    body = response.content.decode()
    return sorted(name for name in ("Rosa Lopes", "Rosalia Brito", "Rosa van Katendrecht") if name in body)


@pytest.mark.search_engine
def test_migrate_creates_wagtails_indexes_so_the_first_person_search_answers(client, wagtail_engine, staff_user):
    call_command("migrate", verbosity=0)  # a fresh install: migrate, then the first people
    PersonFactory(full_name="Rosa Lopes")
    wagtail_engine.get_index_for_model(Person).refresh()
    client.force_login(staff_user)
    response = client.get(LIST, {"q": "rosa"})
    assert response.status_code == 200
    assert "Rosa Lopes" in response.content.decode()


@pytest.mark.search_engine
@pytest.mark.parametrize(
    "url, params",
    [
        (LIST, {"q": "rosa"}),
        (LIST, {"q": "rosa", "ordering": "full_name"}),
        (RESULTS, {"q": "rosa", "ordering": "-pseudonym"}),
        (RESULTS, {"q": "rosa", "ordering": "name_display"}),
        (LIST, {"q": "rosa", "name_display": "full"}),
        (CHOOSE, {"q": "rosa"}),
    ],
)
def test_person_search_sorts_and_filters_on_the_engine(
    client, wagtail_engine, staff_user, curator_a, community_a, url, params
):
    call_command("migrate", verbosity=0)
    created = [
        PersonFactory(full_name="Rosa Lopes", pseudonym="Tia Rosa", name_display="pseudonym", community=community_a),
        PersonFactory(full_name="Rosalia Brito", community=community_a),
    ]
    other = PersonFactory(full_name="Rosa van Katendrecht")
    wagtail_engine.get_index_for_model(Person).refresh()

    def matching(people):
        return sorted(p.full_name for p in people if params.get("name_display") in (None, p.name_display))

    client.force_login(staff_user)
    response = client.get(url, params)
    assert response.status_code == 200
    assert _names(response) == matching([*created, other])

    # A curator's search is filtered to their communities on the engine as well.
    client.force_login(curator_a)
    response = client.get(url, params)
    assert response.status_code == 200
    assert _names(response) == matching(created)


@pytest.mark.parametrize("url", [LIST, RESULTS, CHOOSE])
def test_person_search_answers_on_the_database_backend(client, staff_user, curator_a, people, url):
    client.force_login(staff_user)
    response = client.get(url, {"q": "rosa"})
    assert response.status_code == 200
    assert _names(response) == ["Rosa Lopes", "Rosa van Katendrecht", "Rosalia Brito"]
    client.force_login(curator_a)
    assert _names(client.get(url, {"q": "rosa"})) == ["Rosa Lopes", "Rosalia Brito"]
