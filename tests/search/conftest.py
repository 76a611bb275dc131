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


class PrivateNode:
    """A second, throwaway OpenSearch node that a test may stop and start (bin/search-node)."""

    def __init__(self, home):
        from django.conf import settings

        self.home = home
        self.script = str(settings.BASE_DIR / "bin" / "search-node")
        shared_lib = settings.BASE_DIR / ".search" / "lib"
        home.mkdir(parents=True, exist_ok=True)
        if shared_lib.is_dir() and not (home / "lib").exists():
            (home / "lib").symlink_to(shared_lib)  # reuse the jars bin/test fetched
        self.url = ""

    def _run(self, command):
        import subprocess

        env = {**os.environ, "SEARCH_NODE_HOME": str(self.home), "SEARCH_NODE_PORT": "9240"}
        return subprocess.run([self.script, command], env=env, capture_output=True, text=True, timeout=240, check=False)

    def start(self):
        result = self._run("start")
        if result.returncode != 0:
            raise RuntimeError(f"private node did not start: {result.stderr[-2000:]}")
        self.url = result.stdout.strip().split("=", 1)[1]
        return self.url

    def stop(self):
        self._run("stop")


@pytest.fixture
def private_node(search_url, tmp_path_factory):
    node = PrivateNode(tmp_path_factory.mktemp("search-node"))
    node.start()
    yield node
    node.stop()
