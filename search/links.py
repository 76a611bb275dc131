"""The index's side of the linking pages: what links communities, stories and depot items.

The index answers when an engine is configured (one aggregation, whatever the number
of stories, its answer checked against the database); these functions answer None when
the database must answer instead (no engine, or the engine is down), and the caller reads
its own tables (``stories/services/links.py``, which turns either answer into the same
model instances, so templates render the same cards). Only keys, slugs and counts leave
search: it knows no content models.
"""

from __future__ import annotations

from core.access import reader_for
from search.backends import LINK_LIMIT, ItemLinks, get_backend

__all__ = ["LINK_LIMIT", "ItemLinks", "collection_counts", "item_links"]


def collection_counts(community_slug: str, user) -> dict[str, int] | None:
    """Per depot collection slug, how many of the community's readable stories and objects
    link to its items; None when the database must answer."""
    return get_backend().collection_counts(community_slug, reader_for(user))


def item_links(inventory_number: str, user) -> ItemLinks | None:
    """The readable stories and objects linking to a depot item; None when the database must answer."""
    return get_backend().item_links(inventory_number, reader_for(user))
