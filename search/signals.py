"""The page receivers search connects itself: unpublishing and moves, for every page type
a content app registered (search/registry.py). The receivers for the content apps' own
rows (deletions, people, depot items, page privacy) are declared beside those models, in
each app's search_documents module.
"""

from wagtail.signals import page_unpublished, post_page_move

from search import registry
from search.indexing import queue


def keys_touched_by(page) -> set[str]:
    """The documents a page's change makes stale; empty for a page type that is not indexed."""
    return registry.keys_touched_by(page.specific)


def queue_page(page) -> None:
    """Queue the documents a page touches; the publish pipeline (editorial/publishing.py) calls it."""
    queue(keys_touched_by(page))


def on_page_changed(sender, instance, **kwargs):
    queue_page(instance)


def on_page_moved(sender, instance, **kwargs):
    keys = keys_touched_by(instance)
    for page in instance.get_descendants().specific():
        keys |= registry.keys_touched_by(page)
    queue(keys)


def connect():
    # Publishing is queued by the publish pipeline, after the consent guard (editorial/publishing.py).
    page_unpublished.connect(on_page_changed, dispatch_uid="search-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search-moved")
