"""The database has the last word on what the engine answers.

The index follows the database through the outbox, so it can be behind: a story
withdrawn or unpublished while the engine was down, or a page made private, stays in
the index until the waiting updates are sent. Every engine answer is therefore checked
against the access rule before it is shown: ``readable_keys`` asks the database, in one
query for the whole answer, which of its documents the reader may read now, and what
the engine answers but the database no longer allows is dropped.
"""

from __future__ import annotations

import logging

from django.db.models import CharField, Value

from search import registry

logger = logging.getLogger(__name__)


def _ids(keys, kind: str) -> list[int]:
    prefix = f"{kind}:"
    return [int(key[len(prefix) :]) for key in keys if key.startswith(prefix) and key[len(prefix) :].isdigit()]


def readable_keys(keys, reader) -> set[str]:
    """Those of these index keys ("story:12") whose row exists and the reader may read now.

    Each registered kind's database side says what the reader may read
    (``DatabaseKind.queryset``, the same rows the database search shows); the kinds are
    asked together, in one query.
    """
    keys = set(keys)
    parts = []
    for kind in registry.database_kinds():
        ids = _ids(keys, kind.name)
        if ids:
            rows = kind.queryset(reader).filter(pk__in=ids).order_by()
            parts.append(rows.annotate(kind=Value(kind.name, output_field=CharField())).values_list("kind", "pk"))
    if not parts:
        return set()
    query = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return {f"{kind}:{pk}" for kind, pk in query}


def unreadable(keys, reader) -> set[str]:
    """The keys the engine answered that the database does not let this reader read now.

    Only a read: the index catches up through the outbox (and the replay that an
    engine's answer starts after an outage, ``indexing.replay_if_waiting``). Queueing
    the dropped keys here would write on every search in the second before the engine
    refreshes after a send.
    """
    keys = [key for key in keys if key]
    if not keys:
        return set()
    dropped = set(keys) - readable_keys(keys, reader)
    if dropped:
        logger.info("the index is behind the database: %d hits dropped", len(dropped))
    return dropped
