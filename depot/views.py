"""Admin views of the depot: the chooser museum staff use to link stories and objects to items.

The chooser finds an item by what staff have in hand: the number on the label (a
prefix is enough), a word of the title or the maker's name. It asks the database, not
a search index, so an item imported a minute ago is found. What is typed is first
taken as the start of an inventory number, looked up as a range on the column's
unique index (as typed and in capitals); only when no number starts with it are
titles and makers searched, a scan that pagination keeps to one COUNT and one page
(tests/benchmarks/catalogue_import.py times both on 100,000 items).

Every view refuses users without ``depot.link_depotitem``: the Wagtail admin lets any
curator in, and the chooser would otherwise list the whole catalogue to them.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

LINK_PERMISSION = "depot.link_depotitem"
MAX_QUERY_LENGTH = 100


class DepotItemFilterForm(BaseFilterForm):
    """One box: inventory number (prefix), title or maker (any part), case-insensitive."""

    q = forms.CharField(
        label=_("Inventory number, title or maker"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Inventory number, title or maker")}),
    )

    def filter(self, objects):
        query = " ".join((self.cleaned_data.get("q") or "").split())
        if not query:
            return objects
        self.is_searching = True
        self.search_query = query
        by_number = objects.filter(_number_prefix(query))
        if by_number.exists():
            return by_number.order_by("inventory_number")
        matches = (
            Q(inventory_number__istartswith=query)
            | Q(title__icontains=query)
            | Q(title_en__icontains=query)
            | Q(maker__icontains=query)
        )
        # the item whose number was typed in full comes first, then other number matches
        rank = Case(
            When(inventory_number__iexact=query, then=Value(0)),
            When(inventory_number__istartswith=query, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return objects.filter(matches).annotate(match_rank=rank).order_by("match_rank", "inventory_number")


def _number_prefix(query: str) -> Q:
    """Inventory numbers starting with the query, as typed or in capitals, via the index.

    A range (>= prefix, < prefix + the highest character) is what both SQLite and
    PostgreSQL answer from the unique index; LIKE 'x%' is not, on either (case-
    insensitive LIKE on SQLite, a non-C collation on PostgreSQL). startswith keeps the
    answer exact where a collation sorts differently from plain code points.
    """
    condition = Q()
    for prefix in dict.fromkeys((query, query.upper())):
        condition |= Q(
            inventory_number__gte=prefix,
            inventory_number__lt=prefix + "\U0010ffff",
            inventory_number__startswith=prefix,
        )
    return condition


class StaffOnly:
    """Refuse the view to users who may not link to the catalogue (403, also for AJAX)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(LINK_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class _ItemListing:
    filter_form_class = DepotItemFilterForm
    per_page = 20

    def get_object_list(self):
        return self.model_class.objects.filter(withdrawn=False).select_related("collection")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("maker", label=_("Maker")),
            Column("collection", label=_("Collection")),
        ]


class DepotItemChooseView(StaffOnly, _ItemListing, chooser_views.ChooseView):
    pass


class DepotItemChooseResultsView(StaffOnly, _ItemListing, chooser_views.ChooseResultsView):
    pass


class DepotItemChosenView(StaffOnly, chooser_views.ChosenView):
    pass


class DepotItemChosenMultipleView(StaffOnly, chooser_views.ChosenMultipleView):
    pass


class DepotItemCreateView(StaffOnly, chooser_views.CreateView):
    pass  # no creation form: items come from the catalogue or the snippet editor


class DepotItemChooserViewSet(ChooserViewSet):
    model = "depot.DepotItem"
    icon = "doc-full"
    choose_one_text = _("Choose a depot item")
    choose_another_text = _("Choose another depot item")
    edit_item_text = _("Edit the record")
    per_page = 20
    # the depot-link panels name this widget themselves (depot.panels); the snippet
    # chooser of the depot snippets stays registered for other DepotItem foreign keys
    register_widget = False
    choose_view_class = DepotItemChooseView
    choose_results_view_class = DepotItemChooseResultsView
    chosen_view_class = DepotItemChosenView
    chosen_multiple_view_class = DepotItemChosenMultipleView
    create_view_class = DepotItemCreateView


depot_item_chooser_viewset = DepotItemChooserViewSet("depot_item_chooser", url_prefix="depot/choose-item")
DepotItemChooserWidget = depot_item_chooser_viewset.widget_class
