"""The curators' inbox in the Wagtail admin: list, open, accept, decline, and the files.

Every view finds its contribution through inbox.visible_contributions, so a curator
of another community gets a 404 for anything outside their communities. Files are
served here, after that check, never from a public URL.
"""

import mimetypes

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.log_actions import registry as log_registry

from contributions.models import ContributionFile, ContributionStatus
from contributions.services import inbox, sender_links
from contributions.services.review import ReviewError, accept_contribution, ask_for_changes, decline_contribution
from contributions.services.uploads import blob_path, sanitise_filename
from contributions.storage import blob_name
from core.sendfile import file_response


class ChangesForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("What should the sender change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=gettext_lazy("Sent to the sender by e-mail and shown on their private page."),
    )


class DeclineForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
        help_text=gettext_lazy("Why it is declined. Sent to the sender only if you tick the box below."),
    )
    notify_sender = forms.BooleanField(label=gettext_lazy("Send this note to the sender by e-mail"), required=False)


def _require_inbox(request):
    if not inbox.can_use_inbox(request.user):
        raise PermissionDenied


def _contribution(request, pk):
    _require_inbox(request)
    return get_object_or_404(
        inbox.visible_contributions(request.user).select_related("community", "language", "reviewed_by", "page"),
        pk=pk,
    )


def index(request):
    _require_inbox(request)
    status = request.GET.get("status", "")
    query = request.GET.get("q", "").strip()
    community = request.GET.get("community", "")
    rows = inbox.inbox_listing(request.user, status=status, query=query, community=community)
    communities = (
        inbox.visible_contributions(request.user)
        .values_list("community_id", "community__title")
        .distinct()
        .order_by("community__title")
    )
    page = Paginator(rows, 25).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "contributions/admin/index.html",
        {
            "page_title": _("Contributions"),
            "header_title": _("Contributions"),
            "header_icon": "mail",
            "contributions": page,
            "statuses": ContributionStatus.choices,
            "status": status,
            "query": query,
            "community": community,
            "communities": list(communities),
        },
    )


def detail(request, pk):
    contribution = _contribution(request, pk)
    inbox.open_for_review(contribution, request.user)
    history = log_registry.get_logs_for_instance(contribution).select_related("user").order_by("timestamp")
    page_edit_url = AdminURLFinder(request.user).get_edit_url(contribution.page) if contribution.page else None
    return TemplateResponse(
        request,
        "contributions/admin/detail.html",
        {
            "page_title": contribution.reference,
            "header_title": contribution.reference,
            "page_subtitle": contribution.title,
            "header_icon": "mail",
            "contribution": contribution,
            "files": contribution.files.all(),
            "decline_form": DeclineForm(),
            "history": history,
            "page_edit_url": page_edit_url,
            "undecided": contribution.status
            in (ContributionStatus.RECEIVED, ContributionStatus.IN_REVIEW, ContributionStatus.NEEDS_CHANGES),
            "changes_form": ChangesForm(),
            "active_links": contribution.sender_links.filter(revoked_at=None, expires_at__gt=timezone.now()).count(),
        },
    )


@require_POST
def ask_changes(request, pk):
    """Ask the sender to change something before deciding (by e-mail, with their private link)."""
    contribution = _contribution(request, pk)
    form = ChangesForm(request.POST)
    try:
        if not form.is_valid():
            raise ReviewError(_("The message is too long (at most 5000 characters)."))
        ask_for_changes(contribution, request.user, message=form.cleaned_data["message"])
    except ReviewError as error:
        messages.error(request, str(error))
        return redirect("contributions_admin:detail", pk=pk)
    messages.success(request, _("The sender of %(reference)s was asked.") % {"reference": contribution.reference})
    return redirect("contributions_admin:detail", pk=pk)


@require_POST
def revoke_links(request, pk):
    """Stop every private link of the sender (a forwarded e-mail, a lost phone); they can ask for a new one."""
    contribution = _contribution(request, pk)
    count = sender_links.revoke_all(contribution, request.user)
    messages.success(
        request,
        ngettext("Stopped %(count)s link of the sender.", "Stopped %(count)s links of the sender.", count)
        % {"count": count},
    )
    return redirect("contributions_admin:detail", pk=pk)


@require_POST
def accept(request, pk):
    contribution = _contribution(request, pk)
    try:
        page = accept_contribution(contribution, request.user)
    except ReviewError as error:
        messages.error(request, str(error))
        return redirect("contributions_admin:detail", pk=pk)
    messages.success(
        request,
        _("Accepted: “%(title)s” is a draft under %(community)s and waits in the workflow.")
        % {"title": page.title, "community": contribution.community.title},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def decline(request, pk):
    contribution = _contribution(request, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The note is too long (at most 5000 characters)."))
        return redirect("contributions_admin:detail", pk=pk)
    try:
        decline_contribution(
            contribution, request.user, note=form.cleaned_data["note"], notify_sender=form.cleaned_data["notify_sender"]
        )
    except ReviewError as error:
        messages.error(request, str(error))
        return redirect("contributions_admin:detail", pk=pk)
    messages.success(request, _("Declined %(reference)s.") % {"reference": contribution.reference})
    return redirect("contributions_admin:index")


def serve_file(request, pk, file_pk):
    """A contributed file for someone who may see its contribution; else 404.

    Always as a download (``attachment``): opened in a tab, a file from the public would
    otherwise run in our admin's origin. The inbox's <audio> and <img> still play and
    show it, since browsers ignore the disposition for embedded media."""
    contribution = _contribution(request, pk)
    item = get_object_or_404(ContributionFile, pk=file_pk, contribution=contribution)
    path = blob_path(item.sha256)
    if not path.exists():
        raise Http404
    # Django streams it with Range (long recordings can be scrubbed), or the web server sends it.
    response = file_response(request, "contributions", blob_name(item.sha256), path, item.content_type)
    response["Content-Disposition"] = content_disposition_header(True, sanitise_filename(item.name))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    # Even a PDF opened in the browser runs no script and reaches nothing of ours.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; media-src 'self'; img-src 'self'"
    return response


mimetypes.add_type("audio/flac", ".flac")
