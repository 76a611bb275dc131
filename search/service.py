"""The public search service: one entry point per read, answered by the chosen backend.

``search(params, user)`` always returns SearchResults, from the engine or, when there is
none or it does not answer, from the database (the results then carry a notice). Which
backend answers is decided once, in ``search.backends.get_backend``; this module turns
a user into a reader and leaves the rest to it.
"""

from __future__ import annotations

from core.access import reader_for
from search.backends import get_backend
from search.params import SearchParams
from search.results import KIND_LABELS, Hit, SearchResults


def search(params: SearchParams, user) -> SearchResults:
    return get_backend().search(params, reader_for(user))


def autocomplete(prefix: str, user, size: int = 8) -> list[dict]:
    """Suggestions as you type: title, kind and URL of readable documents."""
    prefix = " ".join((prefix or "").split())[:100]
    if len(prefix) < 2:
        return []
    suggestions = get_backend().autocomplete(prefix, reader_for(user), size)
    for suggestion in suggestions:
        suggestion["kind_label"] = str(KIND_LABELS.get(suggestion["kind"], suggestion["kind"]))
    return suggestions


def related(page, user, size: int = 4) -> list[Hit]:
    """Stories and objects like this page (more-like-this), readable by the user."""
    return get_backend().related(page, reader_for(user), size)
