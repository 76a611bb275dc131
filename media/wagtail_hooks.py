"""Admin menu: transcripts and their segments (media.admin_views); file bulk actions that
name only the files the user may see (media.admin_bulk_actions)."""

from wagtail import hooks

from media.admin_bulk_actions import VISIBLE_FILE_BULK_ACTIONS
from media.admin_views import TranscriptsGroup, register_policies

register_policies()


@hooks.register("register_admin_viewset")
def register_transcripts():
    return TranscriptsGroup()


# After Wagtail's own registrations (default order 0), so these replace them.
for _action_class in VISIBLE_FILE_BULK_ACTIONS:
    hooks.register("register_bulk_action", _action_class, order=100)
