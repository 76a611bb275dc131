"""Wagtail's own search (admin, simple lookups) runs on the same engine when one is configured."""

import uuid

import pytest
from django.core.management import call_command

from config.settings.base import _wagtail_search_backend
from stories.models import StoryPage
from tests.factories import StoryPageFactory

pytestmark = [pytest.mark.search_engine, pytest.mark.django_db]


def test_admin_page_search_answers_from_the_engine(client, search_url, settings, staff_user, community_a):
    prefix = f"test_{uuid.uuid4().hex[:8]}_wagtail_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": _wagtail_search_backend("opensearch"), "URLS": [search_url], "INDEX_PREFIX": prefix}
    }
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    assert type(backend).__module__.startswith("modelsearch.backends.opensearch")
    StoryPageFactory(parent=community_a, title="Zeemanshuis aan de Maas")
    try:
        call_command("update_index", verbosity=0)
        backend.get_index_for_model(StoryPage).refresh()
        assert [p.title for p in StoryPage.objects.search("zeemanshuis")] == ["Zeemanshuis aan de Maas"]
        client.force_login(staff_user)
        response = client.get("/admin/pages/search/", {"q": "zeemanshuis"})
        assert "Zeemanshuis aan de Maas" in response.content.decode()
    finally:
        from search.engine import OpenSearchAdapter

        cleaner = OpenSearchAdapter(search_url, "unused")
        for name in cleaner.list_indexes(f"{prefix}*"):
            cleaner.delete_index(name)
