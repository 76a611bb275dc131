"""The export in the admin menu (for museum staff and curators), its URLs and log actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from exchange import admin_urls


@hooks.register("register_admin_urls")
def register_export_urls():
    return [path("exports/", include(admin_urls, namespace="exchange_admin"))]


class ExportMenuItem(MenuItem):
    def is_shown(self, request):
        from exchange.services import exportable_communities

        return exportable_communities(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_export_menu_item():
    return ExportMenuItem(_("Export a community"), reverse("exchange_admin:index"), icon_name="download", order=160)


@hooks.register("register_log_actions")
def register_export_log_actions(actions):
    actions.register_action("exchange.export_started", _("Export started"), _("A community export was started"))
    actions.register_action(
        "exchange.export_downloaded", _("Export downloaded"), _("A community export was downloaded")
    )
