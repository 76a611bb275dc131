"""What the depot's pages show about the stories and communities that link to its catalogue.

Stories and heritage objects link to depot items (their link tables subclass
``AbstractDepotLink``); the catalogue itself knows nothing of them. In the layers the
depot sits below stories: stories may import depot, never the reverse. So a depot page
cannot ask stories which communities link to a collection. Stories answers instead: it
registers its read here when it starts (``StoriesConfig.ready``), the way the content
apps register their document types into search.

Why a registration and not the alternatives: the collection route and its template are
the depot's (one routable page holds every depot address), so moving the route into
stories would split the depot's pages over two apps; and search's link reads answer
from the index, while this list has always been a plain database read, which should
not change in a move. A depot item's page keeps reading its links from search
(``search.links.depot_item_links``), which the layers allow.

Asking before stories has registered is a configuration error, raised as one: an empty
answer would hide a missing app behind an empty list on a public page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

CommunitiesOfCollection = Callable[..., list]

_communities_of_collection: CommunitiesOfCollection | None = None


def register_communities_of_collection(read: CommunitiesOfCollection) -> None:
    """Stories registers ``read(collection, user)``: the communities whose stories or
    objects the user may read link to items of the collection. Registering again
    replaces the read (``ready()`` may run more than once in tests)."""
    global _communities_of_collection
    _communities_of_collection = read


def communities_linked_to_collection(collection, user) -> list:
    """The communities shown on a depot collection's page, as the registered read gives them."""
    if _communities_of_collection is None:
        raise ImproperlyConfigured(
            "No read for the communities linked to a depot collection: the stories app registers it "
            "in StoriesConfig.ready (is 'stories' in INSTALLED_APPS?)."
        )
    return _communities_of_collection(collection, user)
