"""The inbox in the admin menu (for curators and staff only), its URLs and log actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import ModelLogEntry

from contributions import admin_urls
from contributions.models import Contribution


@hooks.register("register_admin_urls")
def register_inbox_urls():
    return [path("contributions/", include(admin_urls, namespace="contributions_admin"))]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        from contributions.services.inbox import can_use_inbox

        return can_use_inbox(request.user)


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(_("Contributions"), reverse("contributions_admin:index"), icon_name="mail", order=150)


@hooks.register("register_log_actions")
def register_contribution_log_actions(actions):
    actions.register_model(Contribution, ModelLogEntry)
    actions.register_action(
        "contributions.received", _("Contribution received"), _("Contribution received from the public form")
    )
    actions.register_action("contributions.in_review", _("Contribution in review"), _("Contribution opened for review"))
    actions.register_action(
        "contributions.accepted",
        _("Contribution accepted"),
        _("Contribution accepted; draft page created and submitted to the workflow"),
    )
    actions.register_action("contributions.declined", _("Contribution declined"), _("Contribution declined"))
    actions.register_action(
        "contributions.corrected_by_sender", _("Corrected by the sender"), _("The sender corrected title or text")
    )
    actions.register_action(
        "contributions.consent_changed_by_sender",
        _("Consent changed by the sender"),
        _("The sender narrowed or withdrew their consent"),
    )
    actions.register_action(
        "contributions.files_changed_by_sender",
        _("Files changed by the sender"),
        _("The sender added or removed files"),
    )
    actions.register_action(
        "contributions.changes_asked", _("Changes asked of the sender"), _("The sender was asked to change something")
    )
    actions.register_action(
        "contributions.change_requested_by_sender",
        _("Change asked by the sender"),
        _("The sender asked the curators for a change"),
    )
    actions.register_action("contributions.links_revoked", _("Sender's links stopped"), _("The sender's links stopped"))
    actions.register_action(
        "contributions.page_created", _("Created from a contribution"), _("Page created from a public contribution")
    )
