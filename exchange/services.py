"""Who may export a community, and an export's life: asked, written (with progress), downloaded, gone.

Museum staff and the curators of that community, nobody else: the export holds restricted
stories, consent records and every file. It is written by a background task (django-tasks:
immediate in development, `manage.py db_worker` in production), which reports how far it
is, so the admin page can show a progress bar for a large community. Finished exports are
kept EXPORT_KEEP_DAYS days in private storage, then deleted.
"""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils import timezone
from wagtail.log_actions import log

from core.access import reader_for
from exchange.export import plan_export, stream_export
from exchange.models import CommunityExport, ExportStatus
from stories.models import CommunityPage

EXPORT_STARTED_ACTION = "exchange.export_started"
EXPORT_DOWNLOADED_ACTION = "exchange.export_downloaded"
PROGRESS_EVERY_SECONDS = 1.0


def may_export(user, community: CommunityPage) -> bool:
    reader = reader_for(user)
    return reader.is_staff or community.path in reader.curator_paths


def exportable_communities(user):
    """The communities this user may export, for the admin's list."""
    reader = reader_for(user)
    communities = CommunityPage.objects.order_by("title")
    if reader.is_staff:
        return communities
    return communities.filter(path__in=reader.curator_paths)


def visible_exports(user, community: CommunityPage):
    if not may_export(user, community):
        raise PermissionDenied
    return CommunityExport.objects.filter(community=community)


def start_export(user, community: CommunityPage) -> CommunityExport:
    """Queue an export of ``community``; the task writes it (exchange.tasks.write_export)."""
    from exchange.tasks import write_export

    if not may_export(user, community):
        raise PermissionDenied
    delete_expired_exports()
    plan = plan_export(community)
    export = CommunityExport.objects.create(community=community, requested_by=user, total=plan.page_count)
    log(instance=community, action=EXPORT_STARTED_ACTION, user=user, data={"export": export.pk})
    write_export.enqueue(export.pk)
    return export


def write(export: CommunityExport) -> CommunityExport:
    """Write the archive to private storage, telling the row how far it is at most once a second."""
    CommunityExport.objects.filter(pk=export.pk).update(status=ExportStatus.RUNNING)
    name = f"{export.community.slug}-{timezone.now():%Y%m%d-%H%M%S}-{export.pk}.zip"
    storage = export.file.storage
    path = storage.path(name)
    last = 0.0

    def progress(done, total):
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_EVERY_SECONDS or done == total:
            last = now
            CommunityExport.objects.filter(pk=export.pk).update(done=done, total=total)

    import os

    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path, "wb") as out:
            for chunk in stream_export(export.community, progress=progress, site_name=settings.WAGTAIL_SITE_NAME):
                out.write(chunk)
    except Exception as error:
        if os.path.exists(path):
            os.remove(path)
        CommunityExport.objects.filter(pk=export.pk).update(
            status=ExportStatus.FAILED, error=f"{type(error).__name__}: {error}", finished_at=timezone.now()
        )
        raise
    CommunityExport.objects.filter(pk=export.pk).update(
        status=ExportStatus.DONE, file=name, size=os.path.getsize(path), done=F("total"), finished_at=timezone.now()
    )
    export.refresh_from_db()
    return export


def record_download(user, export: CommunityExport) -> None:
    log(instance=export.community, action=EXPORT_DOWNLOADED_ACTION, user=user, data={"export": export.pk})


def delete_expired_exports() -> int:
    """Exports older than EXPORT_KEEP_DAYS go, file and row; returns how many."""
    cutoff = timezone.now() - timedelta(days=settings.EXPORT_KEEP_DAYS)
    expired = list(CommunityExport.objects.filter(created_at__lt=cutoff))
    for export in expired:
        if export.file:
            export.file.storage.delete(export.file.name)
        export.delete()
    return len(expired)
