"""Who may read which story or object: the one place the access rules live.

A page is readable when it is live and
- public and not under embargo, or
- community-level, not under embargo, and the reader belongs to its community, or
- the reader is museum staff, or a curator of its community (they also see embargoed
  and staff-level pages, since they edit them).
Every listing, page view and search filter is built from these functions, on the
server, from the user; never from the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.utils import timezone

MUSEUM_STAFF_GROUP = "Museum staff"


@dataclass(frozen=True)
class Reader:
    """What the access rules need to know about a user, computed once per request."""

    user: object

    @cached_property
    def is_staff(self) -> bool:
        user = self.user
        if not user or not user.is_authenticated:
            return False
        return user.is_superuser or user.groups.filter(name=MUSEUM_STAFF_GROUP).exists()

    @cached_property
    def _communities(self) -> tuple[tuple[int, str, bool], ...]:
        """(id, tree path, is curator) of each community the user belongs to."""
        user = self.user
        if not user or not user.is_authenticated:
            return ()
        from stories.models import CommunityPage

        group_ids = list(user.groups.values_list("pk", flat=True))
        if not group_ids:
            return ()
        rows = CommunityPage.objects.filter(
            Q(curator_group_id__in=group_ids) | Q(member_group_id__in=group_ids)
        ).values_list("pk", "path", "curator_group_id")
        return tuple((pk, path, curators in group_ids) for pk, path, curators in rows)

    @property
    def member_paths(self) -> tuple[str, ...]:
        """Tree paths of the communities the user belongs to (as member or curator)."""
        return tuple(path for _, path, _ in self._communities)

    @property
    def curator_paths(self) -> tuple[str, ...]:
        return tuple(path for _, path, curator in self._communities if curator)

    @property
    def member_community_ids(self) -> tuple[int, ...]:
        return tuple(pk for pk, _, _ in self._communities)

    @property
    def curator_community_ids(self) -> tuple[int, ...]:
        return tuple(pk for pk, _, curator in self._communities if curator)


def reader_for(user) -> Reader:
    """The Reader for a user; anonymous when there is none."""
    return Reader(user or AnonymousUser())


_PATH_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's materialised-path steps


def _next_path(path: str) -> str:
    """The first path after every descendant of `path` (its last step plus one)."""
    chars = list(path)
    for i in range(len(chars) - 1, -1, -1):
        position = _PATH_ALPHABET.index(chars[i])
        if position + 1 < len(_PATH_ALPHABET):
            chars[i] = _PATH_ALPHABET[position + 1]
            return "".join(chars)
        chars[i] = _PATH_ALPHABET[0]
    return path + _PATH_ALPHABET[-1]


def subtree(path: str, field: str = "path") -> Q:
    """A page and its descendants, as a range on the path index.

    The same rows as ``path__startswith``, but a range lets SQLite and PostgreSQL use
    the unique index on path, where LIKE 'x%' does not (case-insensitive LIKE,
    non-C collations).
    """
    return Q(**{f"{field}__gte": path, f"{field}__lt": _next_path(path)})


def _under(paths, field="path") -> Q:
    condition = Q(pk__in=[])
    for path in paths:
        condition |= subtree(path, field)
    return condition


def readable_filter(user, today=None) -> Q:
    """A filter for StoryPage/HeritageObjectPage querysets: what this user may read.

    Only for models with ``access_level`` and ``embargo_until`` (AccessControlledPage).
    """
    from stories.models.choices import AccessLevel

    reader = user if isinstance(user, Reader) else reader_for(user)
    today = today or timezone.localdate()
    if reader.is_staff:
        return Q(live=True)
    not_embargoed = Q(embargo_until__isnull=True) | Q(embargo_until__lte=today)
    condition = Q(access_level=AccessLevel.PUBLIC) & not_embargoed
    if reader.member_paths:
        condition |= (
            Q(access_level=AccessLevel.COMMUNITY) & not_embargoed & _under(reader.member_paths)
        )
    if reader.curator_paths:
        condition |= _under(reader.curator_paths)
    return Q(live=True) & condition


def is_publicly_readable(page, today=None) -> bool:
    """True when anyone, logged in or not, may read the page."""
    from stories.models.choices import AccessLevel

    today = today or timezone.localdate()
    return (
        page.live
        and page.access_level == AccessLevel.PUBLIC
        and not (page.embargo_until and page.embargo_until > today)
    )


def can_read(user, page, today=None) -> bool:
    """The single-page form of readable_filter."""
    from stories.models.choices import AccessLevel

    reader = user if isinstance(user, Reader) else reader_for(user)
    today = today or timezone.localdate()
    if not page.live:
        return False
    if reader.is_staff:
        return True
    if any(page.path.startswith(p) for p in reader.curator_paths):
        return True
    if page.embargo_until and page.embargo_until > today:
        return False
    if page.access_level == AccessLevel.PUBLIC:
        return True
    if page.access_level == AccessLevel.COMMUNITY:
        return any(page.path.startswith(p) for p in reader.member_paths)
    return False
