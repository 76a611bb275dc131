"""Admin menu: transcripts and their segments (media.admin_views)."""

from wagtail import hooks

from media.admin_views import TranscriptsGroup, register_policies

register_policies()


@hooks.register("register_admin_viewset")
def register_transcripts():
    return TranscriptsGroup()
