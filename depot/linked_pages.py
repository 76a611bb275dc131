"""What the depot's pages show about the stories and communities that link to its catalogue.

Stories and heritage objects link to depot items (their link tables subclass
``AbstractDepotLink``); the catalogue itself knows nothing of them. In the layers the
depot sits below stories: stories may import depot, never the reverse. So a depot page
cannot ask stories which communities link to a collection, or which stories link to
an item. Stories answers instead: it registers its two reads here when it starts
(``StoriesConfig.ready``), the way the content apps register their document types into
search.

Why a registration and not the alternatives: the collection and item routes and their
templates are the depot's (one routable page holds every depot address), so moving the
routes into stories would split the depot's pages over two apps.

Asking before stories has registered is a configuration error, raised as one: an empty
answer would hide a missing app behind an empty list on a public page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

CommunitiesOfCollection = Callable[..., list]

_communities_of_collection: CommunitiesOfCollection | None = None
_links_to_item: Callable[..., dict] | None = None


def register(communities_of_collection: CommunitiesOfCollection, links_to_item: Callable[..., dict]) -> None:
    """Stories registers its two reads (see the two functions below). Registering again
    replaces them (``ready()`` may run more than once in tests)."""
    global _communities_of_collection, _links_to_item
    _communities_of_collection = communities_of_collection
    _links_to_item = links_to_item


def communities_linked_to_collection(collection, user) -> list:
    """The communities shown on a depot collection's page, as the registered read gives them."""
    if _communities_of_collection is None:
        raise ImproperlyConfigured(
            "No read for the communities linked to a depot collection: the stories app registers it "
            "in StoriesConfig.ready (is 'stories' in INSTALLED_APPS?)."
        )
    return _communities_of_collection(collection, user)


def links_to_item(item, user) -> dict:
    """What a depot item's page shows of what links to it: ``linked_stories``,
    ``linked_objects`` and ``linked_communities``, readable by the user."""
    if _links_to_item is None:
        raise ImproperlyConfigured(
            "No read for the stories linked to a depot item: the stories app registers it "
            "in StoriesConfig.ready (is 'stories' in INSTALLED_APPS?)."
        )
    return _links_to_item(item, user)
