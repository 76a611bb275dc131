"""Background tasks of the public index (django-tasks: immediate in development and tests)."""

from django_tasks import task


@task()
def process_index_updates():
    """Send every waiting index update to the engine; they stay queued if it is down."""
    from search.indexing import process_pending

    return process_pending()
