"""Wagtail's own engine indexes (admin search, choosers) exist with their mappings.

Wagtail's search backend adds a document to its index on every save; when that index
does not exist yet, the engine creates it with a guessed (dynamic) mapping, in which the
``pk`` field has no doc values. Every admin search on it then fails (modelsearch reads
``hit["fields"]["pk"]``: KeyError, a 500), until someone runs ``update_index``, which
nothing in the project did. So after ``migrate`` (a post_migrate receiver) every missing
index is created empty, with the mapping of its models, before the first save fills it.

Existing indexes are left alone (no data is thrown away on a deploy); an index that was
already created by guessing is repaired by ``manage.py update_index`` once.
"""

import logging

logger = logging.getLogger(__name__)


def engine_backends():
    """Wagtail's configured search backends that keep indexes on an engine (not the database)."""
    from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
    from wagtail.search.backends import get_search_backends

    return [b for b in get_search_backends(with_auto_update=True) if isinstance(b, ElasticsearchBaseSearchBackend)]


def ensure_wagtail_indexes(**kwargs) -> list[str]:
    """Create each missing Wagtail index with its mapping; returns the names created.

    An engine that does not answer is logged, not raised: migrate must not fail for it,
    and the next migrate (or update_index) creates the indexes.
    """
    from modelsearch.index import get_indexed_models

    created = []
    for backend in engine_backends():
        try:
            models_by_index = {}
            for model in get_indexed_models():
                index = backend.get_index_for_model(model)
                models_by_index.setdefault(index.name, (index, []))[1].append(model)
            for name, (index, models) in models_by_index.items():
                if index.exists():
                    continue
                index.put()
                for model in models:
                    index.add_model(model)
                created.append(name)
        except Exception:  # the engine is down or refused: say so, go on with migrate
            logger.warning("could not create Wagtail's search indexes", exc_info=True)
    return created
