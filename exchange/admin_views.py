"""The admin's export pages: which communities, start one, how far, download. Thin: the
rules are in exchange.services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from exchange import services
from exchange.models import CommunityExport, ExportStatus
from stories.models import CommunityPage


def index(request):
    communities = services.exportable_communities(request.user)
    if not communities.exists():
        raise PermissionDenied
    return TemplateResponse(
        request,
        "exchange/admin/index.html",
        {"page_title": _("Export a community"), "header_title": _("Export a community"), "header_icon": "download",
         "communities": communities},
    )  # fmt: skip


def _community(request, pk) -> CommunityPage:
    community = get_object_or_404(CommunityPage, pk=pk)
    if not services.may_export(request.user, community):
        raise PermissionDenied
    return community


def community(request, pk):
    community = _community(request, pk)
    exports = services.visible_exports(request.user, community).select_related("requested_by")[:10]
    return TemplateResponse(
        request,
        "exchange/admin/community.html",
        {
            "page_title": _("Export “%(title)s”") % {"title": community.title},
            "header_title": _("Export “%(title)s”") % {"title": community.title},
            "header_icon": "download",
            "community": community,
            "plan": services.plan_export(community),
            "exports": exports,
        },
    )


@require_POST
def start(request, pk):
    community = _community(request, pk)
    export = services.start_export(request.user, community)
    export.refresh_from_db()
    if export.status == ExportStatus.FAILED:
        messages.error(request, _("The export failed: %(error)s") % {"error": export.error})
    else:
        messages.success(request, _("The export of “%(title)s” has started.") % {"title": community.title})
    return redirect("exchange_admin:community", community.pk)


def _export(request, pk) -> CommunityExport:
    export = get_object_or_404(CommunityExport.objects.select_related("community"), pk=pk)
    if not services.may_export(request.user, export.community):
        raise PermissionDenied
    return export


@never_cache
def progress(request, pk):
    export = _export(request, pk)
    return JsonResponse(
        {
            "status": export.status,
            "status_label": export.get_status_display(),
            "done": export.done,
            "total": export.total,
            "percent": export.percent,
            "download_url": reverse("exchange_admin:download", args=[export.pk])
            if export.status == ExportStatus.DONE
            else None,
        }
    )


@never_cache
def download(request, pk):
    export = _export(request, pk)
    if export.status != ExportStatus.DONE or not export.file or not export.file.storage.exists(export.file.name):
        raise Http404(_("This export is not ready, or no longer kept."))
    services.record_download(request.user, export)
    response = FileResponse(
        export.file.storage.open(export.file.name, "rb"), as_attachment=True, filename=export.file.name
    )
    response["Content-Type"] = "application/zip"
    response["Cache-Control"] = "private, no-store"
    return response
