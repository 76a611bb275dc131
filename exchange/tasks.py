"""The export's background task (django-tasks: immediate in development and tests)."""

from django_tasks import task


@task()
def write_export(export_id: int) -> int:
    from exchange.models import CommunityExport
    from exchange.services import write

    export = CommunityExport.objects.select_related("community").get(pk=export_id)
    return write(export).size
