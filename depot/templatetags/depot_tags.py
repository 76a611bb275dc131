"""Template tags for links to the depot's public pages: an item's, a collection's, the catalogue's.

Any template that shows a depot item or collection (story and object pages, cards, the
depot's own pages) links through these. None query the database per call: the depot
index page is looked up once per request.
"""

from django import template

from depot.models import DepotIndexPage

register = template.Library()


_NO_INDEX = object()


def _depot_index(context):
    """The live DepotIndexPage and its URL, looked up once per request."""
    request = context.get("request")
    cached = getattr(request, "_brengkunst_depot_index", None) if request is not None else None
    if cached is None:
        index_page = DepotIndexPage.objects.live().first()
        url = index_page.get_url(request) if index_page is not None else None
        cached = (index_page, url) if index_page is not None else (_NO_INDEX, None)
        if request is not None:
            request._brengkunst_depot_index = cached
    index_page, url = cached
    if index_page is _NO_INDEX or not url:
        return None, None
    return index_page, url


@register.simple_tag(takes_context=True)
def depot_item_url(context, item):
    """The public URL of a depot item (None when there is no depot page or the item is withdrawn)."""
    if item is None or getattr(item, "withdrawn", False):
        return None
    index_page, url = _depot_index(context)
    if index_page is None:
        return None
    return url + index_page.reverse_subpage("item", kwargs={"inventory_number": item.url_key})


@register.simple_tag(takes_context=True)
def depot_collection_url(context, collection):
    if collection is None:
        return None
    index_page, url = _depot_index(context)
    if index_page is None:
        return None
    return url + index_page.reverse_subpage("collection", kwargs={"slug": collection.slug})


@register.simple_tag(takes_context=True)
def depot_index_url(context):
    """The URL of the public depot page, or None."""
    return _depot_index(context)[1]
