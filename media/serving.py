"""Uploaded files are served through an access check, so a guessed URL reveals nothing.

Every URL under UPLOADS_URL (MEDIA_URL) comes here: recordings and their poster frames
(wagtailmedia), original images and their renditions. Documents are answered only at
Wagtail's document URL, /documents/<id>/<file name> (``serve_document``, mounted by
``media.document_urls`` in place of Wagtail's own view, which served every document to
anyone who knew or counted its id), so their collection view restrictions cannot be
sidestepped through the uploads folder. The URLs that ``media.url``, ``image.file.url``,
``{% image %}`` and ``document.url`` produce do not change, so templates stay as they
are; only what answers them does.

A file is readable when
- the user may edit it in the admin (its collection's change/choose permission), or
- a page that uses it (Wagtail's reference index: foreign keys, StreamField blocks,
  inline images) is readable by the user under ``core.access.can_read``
  (access level, embargo and Wagtail's view restrictions, for every page type), or
- this browser was shown it in a preview and granted it for a while
  (``core.preview_grants``: the teller's review link of a draft).
A file that is not a known recording or image, or that the user may not read, answers
404: the URL does not tell whether a restricted file exists.

Publicly readable files get ``Cache-Control: public`` with a short max-age (a withdrawn
consent must take effect soon even behind a cache); others ``private, no-store``.

How the bytes leave is the site's one choice for every checked file (FILE_SERVING,
``core.sendfile``): Django streams them with Range, or nginx (X-Accel-Redirect to the
internal location of the "uploads" root) or Apache/lighttpd (X-Sendfile) send them.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from core import access, preview_grants
from core.sendfile import file_response


@dataclass(frozen=True)
class UploadedFile:
    """A file under the uploads folder and the object it belongs to (a recording or an image)."""

    name: str
    owner: object
    kind: str  # "media", "image" or "document"


def find_owner(name: str) -> UploadedFile | None:
    """The recording or image that stored ``name``; None for anything else (documents, strays)."""
    from wagtail.images import get_image_model

    from media.models import OralHistoryMedia

    media = OralHistoryMedia.objects.filter(Q(file=name) | Q(thumbnail=name)).first()
    if media is not None:
        return UploadedFile(name, media, "media")
    Image = get_image_model()
    image = Image.objects.filter(file=name).first()
    if image is None:
        rendition = Image.get_rendition_model().objects.filter(file=name).select_related("image").first()
        image = rendition.image if rendition else None
    if image is not None:
        return UploadedFile(name, image, "image")
    return None


def _permission_policy(kind):
    if kind == "media":
        from wagtailmedia import get_permission_policy

        return get_permission_policy()
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(get_document_model() if kind == "document" else get_image_model())


def can_edit(user, uploaded: UploadedFile) -> bool:
    """May the user work with this file in the admin (its collection's change or choose right)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    return _permission_policy(uploaded.kind).user_has_any_permission_for_instance(
        user, ["change", "choose"], uploaded.owner
    )


def page_ids_using(owner) -> set[int]:
    """Ids of the pages that use the object, by Wagtail's reference index (foreign keys,
    StreamField blocks, inline images), live or not; a recording also counts for the
    stories whose main recording it is, even if the index is behind."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    page_type = ContentType.objects.get_for_model(Page)
    ids = {
        int(pk)
        for pk in ReferenceIndex.get_references_to(owner)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        if str(pk).isdigit()
    }
    # A page pointing at the object by a foreign key (a story's main recording) counts
    # even while the reference index is behind. Found through the model's reverse
    # relations, so media never imports the apps whose pages use its files.
    # (Hidden relations included: StoryPage.main_media has related_name="+".)
    for relation in owner._meta.get_fields(include_hidden=True):
        if relation.auto_created and relation.one_to_many and issubclass(relation.related_model, Page):
            pages = relation.related_model.objects.filter(**{relation.field.name: owner.pk})
            ids |= set(pages.values_list("pk", flat=True))
    return ids


def pages_using(owner):
    """Live pages that use the object, as specific instances."""
    from wagtail.models import Page

    ids = page_ids_using(owner)
    if not ids:
        return []
    return list(Page.objects.filter(pk__in=ids).live().specific())


def page_is_readable(user, page, request=None) -> bool:
    """The access service's rule, for any page type (view restrictions included; a shared
    password counts only when this request's session has passed it)."""
    return access.can_read(user, page, request=request)


def can_read(user, uploaded: UploadedFile, request=None) -> bool:
    """The rule for one file and one user (see the module docstring)."""
    return (
        can_edit(user, uploaded)
        or preview_grants.is_granted(request, uploaded.name)
        or any(page_is_readable(user, page, request) for page in pages_using(uploaded.owner))
    )


def is_public(uploaded: UploadedFile) -> bool:
    """True when an anonymous visitor may read the file (it may then be cached publicly)."""
    anonymous = AnonymousUser()
    return any(page_is_readable(anonymous, page) for page in pages_using(uploaded.owner))


def _clean_name(name: str) -> str:
    """The storage name asked for; refuses anything that could leave the uploads folder."""
    name = name.replace("\\", "/")
    parts = name.split("/")
    if not name or name.startswith("/") or any(part in ("", ".", "..") for part in parts) or "\x00" in name:
        raise Http404
    return name


def check_access(request, uploaded: UploadedFile) -> bool:
    """Raise Http404 unless the user may read the file; True when it is public.

    The one check behind every door (the uploads folder and /documents/)."""
    pages = pages_using(uploaded.owner)
    anonymous = AnonymousUser()
    public = any(page_is_readable(anonymous, page) for page in pages)
    readable = (
        public
        or can_edit(request.user, uploaded)
        or preview_grants.is_granted(request, uploaded.name)  # shown in a preview this browser was given
        or any(page_is_readable(request.user, page, request) for page in pages)
    )
    if not readable or not default_storage.exists(uploaded.name):
        raise Http404
    return public


def _protect(response, public: bool):
    response["X-Content-Type-Options"] = "nosniff"
    if public:
        patch_cache_control(response, public=True, max_age=settings.UPLOADS_PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
    return response


@require_safe
def serve_upload(request, name: str):
    """The door to the uploads folder (recordings and images)."""
    name = _clean_name(name)
    uploaded = find_owner(name)
    if uploaded is None:
        raise Http404
    public = check_access(request, uploaded)
    return _protect(_send(request, name), public)


@require_safe
def serve_document(request, document_id: str, document_filename: str):
    """Wagtail's document URL, through the same check as every other file.

    Wagtail's ``before_serve_document`` hooks still run (its collection view
    restrictions, with their login or password form) and ``document_served`` is sent,
    so what Wagtail does around serving keeps working; the bytes leave the way every
    upload does (FILE_SERVING), with our cache headers."""
    from wagtail import hooks
    from wagtail.documents import get_document_model
    from wagtail.documents.models import document_served

    Document = get_document_model()
    document = Document.objects.filter(pk=int(document_id)).first()
    if document is None or document.filename != document_filename:
        raise Http404
    public = check_access(request, UploadedFile(document.file.name, document, "document"))
    public = public and not document.collection.get_view_restrictions().exists()
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    document_served.send(sender=Document, instance=document, request=request)
    response = _send(request, _clean_name(document.file.name), document.content_type)
    return _protect(_as_document(response, document), public)


def _as_document(response, document):
    """Wagtail's headers for a document: its disposition (PDFs inline, the rest as
    downloads) and a policy under which an opened document runs nothing."""
    response["Content-Disposition"] = document.content_disposition
    if getattr(settings, "WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT", True):
        response["Content-Security-Policy"] = "default-src 'none'"
    return response


def _content_type(name: str) -> str:
    content_type, encoding = mimetypes.guess_type(name)
    if encoding or not content_type:
        return "application/octet-stream"
    return content_type


def _send(request, name: str, content_type: str | None = None):
    """The bytes of an uploaded file, the way the site hands files out (``core.sendfile``)."""
    content_type = content_type or _content_type(name)
    return file_response(request, "uploads", name, default_storage.path(name), content_type)


def uploads_urlpattern():
    """The URL pattern for UPLOADS_URL, or nothing when uploads live on another host."""
    from django.urls import path

    prefix = settings.MEDIA_URL
    if not prefix.startswith("/") or prefix.startswith("//"):
        return []  # an absolute UPLOADS_URL is served elsewhere; see the system check
    return [path(prefix.lstrip("/") + "<path:name>", serve_upload, name="serve_upload")]
