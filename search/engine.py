"""One small adapter per search engine, so the rest of search/ never imports a client.

Queries and mappings are plain dicts built with elasticsearch-dsl; an adapter only
sends them. ``get_engine()`` returns None when no SEARCH_URL is configured: callers
then answer from the database.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from django.conf import settings

logger = logging.getLogger(__name__)


class EngineUnavailable(Exception):
    """The engine did not answer (down, unreachable, timing out, or refusing)."""


class BaseAdapter:
    """What search/ needs from an engine; subclasses translate to their client's calls."""

    name = "base"
    alias = ""

    def __init__(self, url: str, alias: str, timeout: float = 5.0):
        self.url = url
        self.alias = alias
        self.timeout = timeout
        self.client = self._make_client(url, timeout)

    def _make_client(self, url, timeout):
        raise NotImplementedError

    def _errors(self) -> tuple[type[BaseException], ...]:
        raise NotImplementedError

    def _call(self, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except self._errors() as error:
            raise EngineUnavailable(f"{self.name}: {error}") from error

    # --- what search/ uses -------------------------------------------------------
    def ping(self) -> bool:
        try:
            return bool(self.client.ping())
        except Exception:  # any failure means "not available"
            return False

    def create_index(self, name: str, body: dict) -> None:
        self._call(self.client.indices.create, index=name, body=body)

    def delete_index(self, name: str) -> None:
        self._call(self.client.indices.delete, index=name, ignore_unavailable=True)

    def index_exists(self, name: str) -> bool:
        return bool(self._call(self.client.indices.exists, index=name))

    def alias_targets(self) -> list[str]:
        """The concrete indexes behind the alias (empty when it does not exist)."""
        if not self._call(self.client.indices.exists_alias, name=self.alias):
            return []
        return sorted(self._call(self.client.indices.get_alias, name=self.alias).keys())

    def swap_alias(self, new_index: str) -> list[str]:
        """Point the alias at new_index in one atomic step; return the indexes it left."""
        old = self.alias_targets()
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self._call(self.client.indices.update_aliases, body={"actions": actions})
        return old

    def list_indexes(self, pattern: str) -> list[str]:
        return sorted(self._call(self.client.indices.get, index=pattern, ignore_unavailable=True).keys())

    def refresh(self, index: str | None = None) -> None:
        self._call(self.client.indices.refresh, index=index or self.alias)

    def set_refresh_interval(self, index: str, interval: str | None) -> None:
        self._put_settings(index, {"refresh_interval": interval})

    def set_bulk_loading(self, index: str, loading: bool) -> None:
        """Tune a new index for a bulk fill, or give it back its normal settings.

        While a rebuild fills an index nobody searches yet, refreshes and a translog
        fsync per request are wasted work: the index is thrown away if the rebuild
        fails, so it need not survive a crash half-way.
        """
        if loading:
            self._put_settings(index, {"refresh_interval": "-1", "translog.durability": "async"})
        else:
            self._put_settings(index, {"refresh_interval": None, "translog.durability": None})

    def _put_settings(self, index: str, values: dict) -> None:
        self._call(self.client.indices.put_settings, index=index, body={"index": values})

    def bulk(self, operations: list[dict], index: str | None = None, timeout: float | None = None) -> int:
        """Send a bulk body (action/source lines); return how many items; raise on item errors.

        ``timeout`` overrides the client's (short, search-sized) timeout: a rebuild's
        large bulks may take longer on a busy node without anything being wrong.
        """
        if not operations:
            return 0
        extra = {"request_timeout": timeout} if timeout else {}
        result = self._call(self.client.bulk, body=operations, index=index or self.alias, **extra)
        if result.get("errors"):
            failures = [
                item
                for item in result["items"]
                if next(iter(item.values())).get("status", 200) >= 300
                and next(iter(item.values())).get("status") != 404
            ]
            if failures:
                raise EngineUnavailable(f"{self.name}: bulk failed for {len(failures)} items: {failures[:3]}")
        return len(result["items"])

    def search(self, body: dict, index: str | None = None) -> dict:
        return self._call(self.client.search, index=index or self.alias, body=body)

    def count(self, body: dict | None = None, index: str | None = None) -> int:
        return self._call(self.client.count, index=index or self.alias, body=body or {})["count"]


class OpenSearchAdapter(BaseAdapter):
    """OpenSearch 2 and 3, through opensearch-py."""

    name = "opensearch"

    def _make_client(self, url, timeout):
        from opensearchpy import OpenSearch

        # pool_maxsize: a rebuild keeps two bulk requests in flight besides searches.
        return OpenSearch(hosts=[url], timeout=timeout, max_retries=0, retry_on_timeout=False, pool_maxsize=4)

    def _errors(self):
        from opensearchpy.exceptions import OpenSearchException

        return (OpenSearchException, OSError)


class ElasticsearchAdapter(BaseAdapter):
    """Elasticsearch 8, through elasticsearch-py (which speaks only to Elastic's own server)."""

    name = "elasticsearch"

    def _make_client(self, url, timeout):
        from elasticsearch import Elasticsearch

        return Elasticsearch(
            hosts=[url], request_timeout=timeout, max_retries=0, retry_on_timeout=False, connections_per_node=4
        )

    def _errors(self):
        from elastic_transport import TransportError
        from elasticsearch import ApiError

        return (ApiError, TransportError, OSError)

    def create_index(self, name, body):
        self._call(self.client.indices.create, index=name, **body)

    def swap_alias(self, new_index):
        old = self.alias_targets()
        actions = [{"remove": {"index": n, "alias": self.alias}} for n in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self._call(self.client.indices.update_aliases, actions=actions)
        return old

    def _put_settings(self, index, values):
        self._call(self.client.indices.put_settings, index=index, settings={"index": values})

    def bulk(self, operations, index=None, timeout=None):
        if not operations:
            return 0
        client = self.client.options(request_timeout=timeout) if timeout else self.client
        result = self._call(client.bulk, operations=operations, index=index or self.alias)
        if result.get("errors"):
            failures = [
                i
                for i in result["items"]
                if next(iter(i.values())).get("status", 200) >= 300 and next(iter(i.values())).get("status") != 404
            ]
            if failures:
                raise EngineUnavailable(f"{self.name}: bulk failed for {len(failures)} items: {failures[:3]}")
        return len(result["items"])

    def search(self, body, index=None):
        return dict(self._call(self.client.search, index=index or self.alias, **body))

    def count(self, body=None, index=None):
        return self._call(self.client.count, index=index or self.alias, **(body or {}))["count"]


ADAPTERS = {
    "opensearch": OpenSearchAdapter,
    "opensearch2": OpenSearchAdapter,
    "opensearch3": OpenSearchAdapter,
    "elasticsearch": ElasticsearchAdapter,
    "elasticsearch8": ElasticsearchAdapter,
}


def public_alias() -> str:
    return f"{settings.SEARCH_INDEX_PREFIX}public"


@lru_cache(maxsize=4)
def _engine_for(url: str, engine: str, alias: str, timeout: float) -> BaseAdapter:
    try:
        adapter = ADAPTERS[engine]
    except KeyError as error:
        raise ValueError(f"SEARCH_ENGINE must be one of {', '.join(ADAPTERS)}, not {engine!r}") from error
    return adapter(url, alias, timeout)


def get_engine() -> BaseAdapter | None:
    """The configured engine's adapter, or None when the site runs on database search."""
    url = getattr(settings, "SEARCH_URL", "")
    if not url:
        return None
    return _engine_for(url, settings.SEARCH_ENGINE, public_alias(), float(settings.SEARCH_TIMEOUT))
