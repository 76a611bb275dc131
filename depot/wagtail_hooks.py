"""Admin registration for the depot catalogue."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from depot.models import DepotCollection, DepotItem
from depot.views import DepotItemFilterForm


class _DatabaseSearch:
    """Depot items are not in Wagtail's search index; search them in the database."""

    filter_form_class = DepotItemFilterForm


class DepotItemSnippetChooseView(_DatabaseSearch, ChooseView):
    pass


class DepotItemSnippetChooseResultsView(_DatabaseSearch, ChooseResultsView):
    pass


class DepotItemSnippetChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser (the story body's depot item block) with the database search."""

    choose_view_class = DepotItemSnippetChooseView
    choose_results_view_class = DepotItemSnippetChooseResultsView


class DepotItemViewSet(SnippetViewSet):
    model = DepotItem
    icon = "doc-full"
    list_display = ["inventory_number", "title", "maker", "collection", "withdrawn"]
    list_filter = ["collection", "withdrawn", "from_catalogue"]
    search_fields = ["inventory_number", "title", "maker"]
    search_backend_name = None  # the listing searches with the ORM (icontains), not an index
    chooser_viewset_class = DepotItemSnippetChooserViewSet
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
