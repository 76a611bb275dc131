"""Public transcript export: WebVTT for <track> captions and for download.

Readable exactly when a page that presents the recording is readable (media.access);
anything else answers 404, so the URL does not reveal that a restricted transcript
exists. Restricted answers are never cached by shared caches.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from media import access
from media.models import Transcript
from media.transcript_service import export_webvtt


@require_safe
def transcript_webvtt(request, pk: int):
    transcript = get_object_or_404(Transcript.objects.select_related("media"), pk=pk)
    if not access.can_read_media(request.user, transcript.media, request):
        raise Http404
    response = HttpResponse(export_webvtt(transcript), content_type="text/vtt; charset=utf-8")
    name = slugify(transcript.media.title)[:60] or "transcript"
    suffix = f"-{transcript.language}" if transcript.language else ""
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}{suffix}.vtt"'
    response["X-Content-Type-Options"] = "nosniff"
    if access.is_publicly_readable(transcript.media):
        patch_cache_control(response, public=True, max_age=300)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
