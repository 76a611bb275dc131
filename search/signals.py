"""Signal receivers: each records which index documents a change touches, nothing more."""

from django.db.models.signals import post_save, pre_delete
from wagtail.signals import page_unpublished, post_page_move

from search import sources
from search.indexing import queue


def keys_touched_by(page) -> set[str]:
    """A page's own document plus those that show its links (depot items, its community)."""
    from stories.models import CommunityPage, HeritageObjectPage, StoryPage

    page = page.specific
    key = sources.key_for(page)
    if key is None:
        return set()
    keys = {key}
    if isinstance(page, StoryPage | HeritageObjectPage):
        keys |= {f"depot:{pk}" for pk in page.depot_links.values_list("depot_item_id", flat=True)}
        if isinstance(page, HeritageObjectPage) and page.depot_item_id:
            keys.add(f"depot:{page.depot_item_id}")
        parent = CommunityPage.objects.filter(path=page.path[: -page.steplen]).values_list("pk", flat=True).first()
        if parent:
            keys.add(f"community:{parent}")
    return keys


def queue_page(page) -> None:
    """Queue the documents a page touches; the publish pipeline (editorial/publishing.py) calls it."""
    queue(keys_touched_by(page))


def on_page_changed(sender, instance, **kwargs):
    queue_page(instance)


def on_page_moved(sender, instance, **kwargs):
    keys = keys_touched_by(instance)
    for page in instance.get_descendants().specific():
        keys |= keys_touched_by(page)
    queue(keys)


def on_deleted(sender, instance, **kwargs):
    queue(keys_touched_by(instance) if hasattr(instance, "path") else {sources.key_for(instance)})


def on_depot_item_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        queue({sources.key_for(instance)})


def connect():
    from depot.models import DepotItem
    from stories.models import CommunityPage, HeritageObjectPage, StoryPage

    # Publishing is queued by the publish pipeline, after the consent guard (editorial/publishing.py).
    page_unpublished.connect(on_page_changed, dispatch_uid="search-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search-moved")
    for model in (StoryPage, HeritageObjectPage, CommunityPage, DepotItem):
        pre_delete.connect(on_deleted, sender=model, dispatch_uid=f"search-deleted-{model.__name__}")
    post_save.connect(on_depot_item_saved, sender=DepotItem, dispatch_uid="search-depot-saved")
