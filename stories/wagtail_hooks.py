"""Admin registration for people, places and languages; page choosers and bulk actions
limited to the user's own pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from stories.admin_bulk_actions import SCOPED_PAGE_BULK_ACTIONS
from stories.admin_choosers import limit_chooser_pages
from stories.models import Language, Place
from stories.people_admin import PersonViewSet  # people: limited to the user's communities


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "municipality", "latitude", "longitude"]
    search_fields = ["name", "municipality"]
    panels = ["name", "municipality", "country", "latitude", "longitude"]


class PeopleAndPlacesGroup(SnippetViewSetGroup):
    items = (PersonViewSet, PlaceViewSet)
    menu_icon = "group"
    menu_label = _("People and places")
    menu_name = "people-and-places"


class LanguageViewSet(ModelViewSet):
    model = Language
    icon = "globe"
    menu_label = _("Languages")
    add_to_settings_menu = True
    list_display = ["code", "name_nl", "name_en"]
    form_fields = ["code", "name_nl", "name_en"]
    search_fields = ["code", "name_nl", "name_en"]


register_snippet(PeopleAndPlacesGroup)


@hooks.register("register_admin_viewset")
def register_language_viewset():
    return LanguageViewSet("languages")


hooks.register("construct_page_chooser_queryset", limit_chooser_pages)

# After Wagtail's own registrations (default order 0), so these replace them.
for action_class in SCOPED_PAGE_BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=100)
