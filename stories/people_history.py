"""The admin's history of people names only the people the reader may see.

Wagtail's site history (and its CSV export) lists a model's log entries to everyone who
has any permission on that model, labelled with the object's ``str()``. Curators may
edit their own community's people, so they had the permission, and the report showed
them every person's log entries: another community's pseudonymous narrator, by real
name. Wagtail filters log entries in one place, ``ModelLogEntryManager.viewable_by_user``;
``install`` wraps it so that Person entries are narrowed by
stories.services.people.people_visible_to, the rule every other person door asks.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast


def person_entries_not_visible(user) -> Q:
    """Log entries of people this user may not see (ModelLogEntry.object_id is text)."""
    from stories.models import Person
    from stories.services.people import people_visible_to

    visible = people_visible_to(user).annotate(key=Cast("pk", CharField())).values("key")
    return Q(content_type=ContentType.objects.get_for_model(Person)) & ~Q(object_id__in=visible)


def install() -> None:
    from wagtail.models.audit_log import ModelLogEntryManager

    if getattr(ModelLogEntryManager.viewable_by_user, "_brengkunst_people", False):
        return
    wagtails = ModelLogEntryManager.viewable_by_user

    def viewable_by_user(self, user):
        entries = wagtails(self, user)
        if user.is_superuser:
            return entries
        return entries.exclude(person_entries_not_visible(user))

    viewable_by_user._brengkunst_people = True
    ModelLogEntryManager.viewable_by_user = viewable_by_user
