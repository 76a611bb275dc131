"""Signal receivers: each records which index documents a change touches, nothing more."""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
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


def keys_under(path: str) -> set[str]:
    """Every document of a subtree, and the depot items and communities showing its links:
    a few queries however large the subtree (a restriction may cover a whole community)."""
    from core.access import subtree
    from stories.models import CommunityPage, HeritageObjectPage, ObjectDepotLink, StoryDepotLink, StoryPage

    stories = StoryPage.objects.filter(subtree(path)).values("pk")
    objects = HeritageObjectPage.objects.filter(subtree(path))
    keys = {f"story:{pk}" for pk in stories.values_list("pk", flat=True)}
    keys |= {f"object:{pk}" for pk in objects.values_list("pk", flat=True)}
    keys |= {f"community:{pk}" for pk in CommunityPage.objects.filter(subtree(path)).values_list("pk", flat=True)}
    depot_ids = set(StoryDepotLink.objects.filter(story__in=stories).values_list("depot_item_id", flat=True))
    depot_ids |= set(
        ObjectDepotLink.objects.filter(object_page__in=objects.values("pk")).values_list("depot_item_id", flat=True)
    )
    depot_ids |= set(objects.exclude(depot_item=None).values_list("depot_item_id", flat=True))
    return keys | {f"depot:{pk}" for pk in depot_ids}


def on_view_restriction_changed(sender, instance, **kwargs):
    """A page's privacy was set, changed or removed: its documents and those below it carry
    the restriction's id (and depot items and communities count only public links)."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # gone with its page: the page's own deletion queued it
        queue(keys_touched_by(page) | keys_under(page.path))


def on_deleted(sender, instance, **kwargs):
    queue(keys_touched_by(instance) if hasattr(instance, "path") else {sources.key_for(instance)})


def on_depot_item_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        queue({sources.key_for(instance)})


def keys_showing_person(person, names=()) -> set[str]:
    """Every story and object document that shows this person, by whichever relation:
    narrator, interviewer, bringer, or a transcript speaker label written as one of their
    names (``names``: also the names they had before this change, since a label matches
    a person by name, in any spelling; see media.speakers)."""
    from media.access import story_ids_presenting
    from media.speakers import recordings_naming
    from stories.models import HeritageObjectPage, StoryNarrator, StoryPage

    story_ids = set(StoryNarrator.objects.filter(person_id=person.pk).values_list("story_id", flat=True))
    story_ids |= set(StoryPage.objects.filter(interviewer_id=person.pk).values_list("pk", flat=True))
    object_ids = set(HeritageObjectPage.objects.filter(brought_by_id=person.pk).values_list("pk", flat=True))
    for media_id in recordings_naming((person.full_name, person.pseudonym, *names)):
        story_ids.update(story_ids_presenting(media_id))
    return {f"story:{pk}" for pk in story_ids} | {f"object:{pk}" for pk in object_ids}


def on_person_changing(sender, instance, raw=False, **kwargs):
    """Remember the names before the change: a transcript label may match only the old one."""
    if raw or instance.pk is None:
        return
    instance._names_before_save = (
        sender.objects.filter(pk=instance.pk).values_list("full_name", "pseudonym").first() or ()
    )


def on_person_saved(sender, instance, raw=False, **kwargs):
    """A person's name or choice of display changed: every document showing them is stale.

    Without this, a person who became a pseudonym or anonymous stayed findable by their
    real name in search and autocomplete until the pages were published again.
    """
    if not raw:
        queue(keys_showing_person(instance, getattr(instance, "_names_before_save", ())))


def on_person_deleted(sender, instance, **kwargs):
    # pre_delete: the interviewer and bringer relations are cleared after this.
    queue(keys_showing_person(instance))


def connect():
    from wagtail.models import PageViewRestriction

    from depot.models import DepotItem
    from stories.models import CommunityPage, HeritageObjectPage, Person, StoryPage

    # Publishing is queued by the publish pipeline, after the consent guard (editorial/publishing.py).
    page_unpublished.connect(on_page_changed, dispatch_uid="search-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search-moved")
    for model in (StoryPage, HeritageObjectPage, CommunityPage, DepotItem):
        pre_delete.connect(on_deleted, sender=model, dispatch_uid=f"search-deleted-{model.__name__}")
    post_save.connect(on_depot_item_saved, sender=DepotItem, dispatch_uid="search-depot-saved")
    pre_save.connect(on_person_changing, sender=Person, dispatch_uid="search-person-changing")
    post_save.connect(on_person_saved, sender=Person, dispatch_uid="search-person-saved")
    pre_delete.connect(on_person_deleted, sender=Person, dispatch_uid="search-person-deleted")
    post_save.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-privacy-saved")
    post_delete.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-privacy-deleted")
