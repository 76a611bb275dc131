"""The real search node for engine tests: SEARCH_URL from the environment (bin/test starts one).

Each test gets its own index prefix, so tests never see each other's documents.
"""

import os
import uuid

import pytest

from search import engine as engine_module


def _unavailable(reason):
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"search engine required but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def search_url():
    from django.conf import settings

    url = settings.TEST_SEARCH_URL
    if not url:
        _unavailable("SEARCH_URL is not set (start a node with bin/search-node start)")
    adapter = engine_module.ADAPTERS[os.environ.get("SEARCH_ENGINE", "opensearch")](url, "probe", 5)
    if not adapter.ping():
        _unavailable(f"no search engine answers at {url}")
    return url


@pytest.fixture
def engine(search_url, settings):
    """The public index adapter on a fresh, test-private alias; deleted afterwards."""
    settings.SEARCH_URL = search_url
    settings.SEARCH_INDEX_PREFIX = f"test_{uuid.uuid4().hex[:10]}_"
    engine_module._engine_for.cache_clear()
    adapter = engine_module.get_engine()
    yield adapter
    for name in adapter.list_indexes(f"{settings.SEARCH_INDEX_PREFIX}*"):
        adapter.delete_index(name)
    engine_module._engine_for.cache_clear()
