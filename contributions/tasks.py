"""Background tasks of the contributions (django-tasks: immediate in development and
tests, the database backend and `manage.py db_worker` in production)."""

from django.conf import settings
from django.core.cache import cache
from django_tasks import task

CLEANUP_DUE_KEY = "contributions:cleanup-due"


@task()
def clean_unused_uploads() -> int:
    """Remove stored files no contribution uses, once no form can claim them any more."""
    from contributions.services.uploads import delete_orphan_blobs

    return delete_orphan_blobs()


def schedule_cleanup() -> bool:
    """Queue the clean-up at most once per CONTRIBUTION_CLEANUP_INTERVAL_SECONDS.

    Sending the form is what leaves unclaimed files behind (a refused form keeps its
    files for a second try), so the form's own traffic drives the clean-up: no cron job
    is needed, and a site nobody sends to has nothing to clean. The shared cache makes
    it once per interval for all server processes. Returns whether it was queued.
    """
    if not cache.add(CLEANUP_DUE_KEY, True, timeout=settings.CONTRIBUTION_CLEANUP_INTERVAL_SECONDS):
        return False
    clean_unused_uploads.enqueue()
    return True
