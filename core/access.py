"""Who may read which page: the one place the access rules live.

A story or object is readable when it is live and
- public and not under embargo, or
- community-level, not under embargo, and the reader belongs to its community, or
- the reader is museum staff, or a curator of its community (they also see embargoed
  and staff-level pages, since they edit them);
and, except for staff and the community's curators, when every Wagtail view restriction
(page privacy) on the page or an ancestor is met: "logged in" by any logged-in reader,
"groups" by a reader in one of the groups; a shared password only by the one request
that passed it (``can_read(..., request=...)``), never by a listing or the index.

The rule is written down once, as data: ``rule_for(reader)`` gives the grants a reader
holds. ``readable_filter`` turns them into a database filter, ``can_read`` applies them
to one page, and ``search.queries.access_filter`` into an engine filter, so the three
cannot drift apart. Every listing, page view and search filter is built from these
functions, on the server, from the user; never from the request's parameters.

It lives in core, below every app, so every door (pages, listings, search, files,
transcripts, choosers) can ask it without importing the app that owns the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.utils import timezone

from core.choices import AccessLevel

MUSEUM_STAFF_GROUP = "Museum staff"
PUBLIC, COMMUNITY, STAFF = AccessLevel.PUBLIC.value, AccessLevel.COMMUNITY.value, AccessLevel.STAFF.value


def community_model():
    """The page model that stands for a community (settings.COMMUNITY_PAGE_MODEL).

    Named in settings, the Django way (as AUTH_USER_MODEL names the user model), so the
    rule sits below the app that defines communities and never imports it. The rule
    needs three things of it: ``path`` (its subtree is the community), and
    ``curator_group`` and ``member_group`` (who belongs to it).
    """
    return apps.get_model(settings.COMMUNITY_PAGE_MODEL)


@dataclass(frozen=True)
class ViewRestriction:
    """A Wagtail PageViewRestriction, as the rule needs it: it covers the page at ``path``
    and everything below it."""

    pk: int
    path: str
    kind: str  # "login", "groups" or "password"
    group_ids: frozenset[int]

    def covers(self, path: str) -> bool:
        return path.startswith(self.path)


def view_restrictions() -> tuple[ViewRestriction, ...]:
    """Every page view restriction of the site, in one query ("public" ones are no restriction)."""
    from wagtail.models import PageViewRestriction

    rows: dict[int, list] = {}
    for pk, path, kind, group_id in (
        PageViewRestriction.objects.exclude(restriction_type=PageViewRestriction.NONE)
        .order_by("pk")
        .values_list("pk", "page__path", "restriction_type", "groups")
    ):
        entry = rows.setdefault(pk, [path, kind, set()])
        if group_id is not None:
            entry[2].add(group_id)
    return tuple(ViewRestriction(pk, path, kind, frozenset(groups)) for pk, (path, kind, groups) in rows.items())


def restrictions_on(path: str, restrictions) -> list[ViewRestriction]:
    """The restrictions covering a page (set on it or on an ancestor)."""
    return [r for r in restrictions if r.covers(path)]


@dataclass(frozen=True)
class Reader:
    """What the access rules need to know about a user, computed once per request."""

    user: object

    @property
    def is_authenticated(self) -> bool:
        return bool(self.user and self.user.is_authenticated)

    @cached_property
    def _groups(self) -> tuple[tuple[int, str], ...]:
        """(id, name) of the user's groups: one query serves staff, communities and restrictions."""
        if not self.is_authenticated:
            return ()
        return tuple(self.user.groups.values_list("pk", "name"))

    @property
    def group_ids(self) -> frozenset[int]:
        return frozenset(pk for pk, _ in self._groups)

    @cached_property
    def is_staff(self) -> bool:
        if not self.is_authenticated:
            return False
        return self.user.is_superuser or any(name == MUSEUM_STAFF_GROUP for _, name in self._groups)

    @cached_property
    def _communities(self) -> tuple[tuple[int, str, bool], ...]:
        """(id, tree path, is curator) of each community the user belongs to."""
        group_ids = self.group_ids
        if not group_ids:
            return ()
        rows = (
            community_model()
            .objects.filter(Q(curator_group_id__in=group_ids) | Q(member_group_id__in=group_ids))
            .values_list("pk", "path", "curator_group_id")
        )
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

    def meets(self, restriction: ViewRestriction) -> bool:
        """Whether who the reader is meets a restriction (a password is never met this way)."""
        if restriction.kind == "login":
            return self.is_authenticated
        if restriction.kind == "groups":
            return self.is_authenticated and (self.user.is_superuser or bool(self.group_ids & restriction.group_ids))
        return False

    @cached_property
    def unmet_restrictions(self) -> tuple[ViewRestriction, ...]:
        """The site's view restrictions this reader does not meet (one query per reader)."""
        return tuple(r for r in view_restrictions() if not self.meets(r))


def reader_for(user) -> Reader:
    """The Reader for a user (a Reader is passed through); anonymous when there is none."""
    if isinstance(user, Reader):
        return user
    return Reader(user or AnonymousUser())


@dataclass(frozen=True)
class Community:
    pk: int
    path: str


@dataclass(frozen=True)
class Grant:
    """One way to be allowed to read: pages of these access levels (None: any), in these
    communities (None: anywhere), not under embargo (unless ``ignores_embargo``), and not
    under a view restriction the reader does not meet (unless ``ignores_restrictions``)."""

    levels: tuple[str, ...] | None
    communities: tuple[Community, ...] | None
    ignores_embargo: bool = False
    ignores_restrictions: bool = False


@dataclass(frozen=True)
class Rule:
    """Everything a reader may read: everything (museum staff), or what one of the grants allows."""

    everything: bool
    grants: tuple[Grant, ...]
    unmet_restrictions: tuple[ViewRestriction, ...]
    today: object


def rule_for(user, today=None) -> Rule:
    reader = reader_for(user)
    today = today or timezone.localdate()
    if reader.is_staff:
        return Rule(True, (), (), today)
    grants = [Grant(levels=(PUBLIC,), communities=None)]
    members = tuple(Community(pk, path) for pk, path, _ in reader._communities)
    if members:
        grants.append(Grant(levels=(COMMUNITY,), communities=members))
    curated = tuple(Community(pk, path) for pk, path, curator in reader._communities if curator)
    if curated:
        grants.append(Grant(levels=None, communities=curated, ignores_embargo=True, ignores_restrictions=True))
    return Rule(False, tuple(grants), reader.unmet_restrictions, today)


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


def _grant_filter(grant: Grant, rule: Rule, access_fields: bool) -> Q:
    # Not an empty Q(): Django drops an empty Q from an OR (Q(pk__in=[]) | Q() is
    # Q(pk__in=[])), so a grant without conditions would grant nothing.
    condition = Q(live=True)
    if grant.levels is not None:
        if access_fields:
            condition &= Q(access_level__in=grant.levels)
        elif PUBLIC not in grant.levels:  # a page without access fields counts as public
            return Q(pk__in=[])
    if grant.communities is not None:
        condition &= _under(c.path for c in grant.communities)
    if access_fields and not grant.ignores_embargo:
        condition &= Q(embargo_until__isnull=True) | Q(embargo_until__lte=rule.today)
    if rule.unmet_restrictions and not grant.ignores_restrictions:
        condition &= ~_under(r.path for r in rule.unmet_restrictions)
    return condition


def _filter(user, today, access_fields: bool) -> Q:
    rule = rule_for(user, today)
    if rule.everything:
        return Q(live=True)
    condition = Q(pk__in=[])
    for grant in rule.grants:
        condition |= _grant_filter(grant, rule, access_fields)
    return Q(live=True) & condition


def readable_filter(user, today=None) -> Q:
    """A filter for StoryPage/HeritageObjectPage querysets: what this user may read.

    Only for models with ``access_level`` and ``embargo_until`` (AccessControlledPage);
    ``readable_page_filter`` is the same rule for other pages.
    """
    return _filter(user, today, access_fields=True)


def readable_page_filter(user) -> Q:
    """The rule for page types without access level and embargo (communities, say): live
    and not under a view restriction the reader does not meet."""
    return _filter(user, None, access_fields=False)


def _passed_password(restriction: ViewRestriction, request) -> bool:
    """Whether this browser session gave the restriction's shared password (Wagtail's form)."""
    if request is None or restriction.kind != "password" or not hasattr(request, "session"):
        return False
    from wagtail.models import PageViewRestriction

    return restriction.pk in request.session.get(PageViewRestriction.passed_view_restrictions_session_key, [])


def _grant_allows(grant: Grant, rule: Rule, page, request) -> bool:
    level = getattr(page, "access_level", PUBLIC)
    if grant.levels is not None and level not in grant.levels:
        return False
    if grant.communities is not None and not any(page.path.startswith(c.path) for c in grant.communities):
        return False
    embargo = getattr(page, "embargo_until", None)
    if not grant.ignores_embargo and embargo and embargo > rule.today:
        return False
    if not grant.ignores_restrictions:
        for restriction in restrictions_on(page.path, rule.unmet_restrictions):
            if not _passed_password(restriction, request):
                return False
    return True


def can_read(user, page, today=None, request=None) -> bool:
    """The single-page form of readable_filter, for any page type.

    With the request, a shared password the session has passed counts as met (serving
    the page itself); without it (listings, a link in a story's body) it never does.
    """
    if not page.live:
        return False
    rule = rule_for(user, today)
    if rule.everything:
        return True
    return any(_grant_allows(grant, rule, page, request) for grant in rule.grants)


def is_publicly_readable(page, today=None, request=None) -> bool:
    """True when anyone, logged in or not, may read the page (public cache headers, the
    sitemap): live, public, not under embargo and under no view restriction at all.

    With a request, the site's restrictions are read once for it (a sitemap asks this
    of every page)."""
    today = today or timezone.localdate()
    embargo = getattr(page, "embargo_until", None)
    if not page.live or getattr(page, "access_level", PUBLIC) != PUBLIC or (embargo and embargo > today):
        return False
    return not restrictions_on(page.path, _restrictions_for(request))


def _restrictions_for(request) -> tuple[ViewRestriction, ...]:
    if request is None:
        return view_restrictions()
    cached = getattr(request, "_brengkunst_view_restrictions", None)
    if cached is None:
        cached = request._brengkunst_view_restrictions = view_restrictions()
    return cached
