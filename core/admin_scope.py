"""Which pages the admin may name to a user: the subtrees they hold page permissions on,
and the pages on the way down to them.

Wagtail's explorer and its page search already stop there, but its page chooser, the
"chosen" answer of the multiple chooser and the bulk-action confirmation pages print the
title and URL of any page whose id they are given, so a curator of one community could
read the titles of another community's restricted and embargoed stories. Those views are
filtered with this one rule (`stories/admin/`), the same rule as the explorer's, so what a
user can reach in the chooser is what they can reach in the explorer.

The rule is a filter on tree paths, not a subquery, so it also works inside Wagtail's
search backends (``path`` is a filter field of every page).
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

_NOTHING = Q(pk__in=[])  # matches no row, whatever the model


def _ancestor_paths(path: str) -> list[str]:
    step = Page.steplen
    return [path[:end] for end in range(step, len(path), step)]


def admin_scope(user, field: str = "path") -> Q | None:
    """The Q of pages the admin may show `user`; None when that is every page (superusers).

    `field` names the tree path as seen from the model filtered ("pages__path" for content types).
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return _NOTHING
    if user.is_superuser:
        return None
    paths = {perm.page.path for perm in PagePermissionPolicy().get_cached_permissions_for_user(user)}
    # A subtree inside another one adds nothing.
    roots = sorted(path for path in paths if not any(path != other and path.startswith(other) for other in paths))
    if not roots:
        return _NOTHING
    scope = Q(**{f"{field}__in": sorted({ancestor for path in roots for ancestor in _ancestor_paths(path)})})
    for path in roots:
        scope |= Q(**{f"{field}__startswith": path})
    return scope


def scoped(pages, user):
    """`pages` (a page queryset) limited to what the admin may show `user`."""
    scope = admin_scope(user)
    return pages if scope is None else pages.filter(scope)


def in_scope(page, user) -> bool:
    """Whether the admin may show `user` this page at all (its title, its URL, that it exists)."""
    return scoped(Page.objects.filter(pk=page.pk), user).exists()
