"""Admin registration for the depot catalogue."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from depot.models import DepotCollection, DepotItem


class DepotItemViewSet(SnippetViewSet):
    model = DepotItem
    icon = "doc-full"
    list_display = ["inventory_number", "title", "maker", "collection", "withdrawn"]
    list_filter = ["collection", "withdrawn", "from_catalogue"]
    search_fields = ["inventory_number", "title", "maker"]
    list_per_page = 50


class DepotCollectionViewSet(SnippetViewSet):
    model = DepotCollection
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]
    panels = ["name", "name_en", "slug", "description"]


class DepotGroup(SnippetViewSetGroup):
    items = (DepotItemViewSet, DepotCollectionViewSet)
    menu_icon = "folder-inverse"
    menu_label = _("Depot catalogue")
    menu_name = "depot"


register_snippet(DepotGroup)


@hooks.register("register_admin_viewset")
def register_depot_item_chooser():
    from depot.views import depot_item_chooser_viewset

    return depot_item_chooser_viewset
