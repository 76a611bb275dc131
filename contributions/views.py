"""The public form and its confirmation page. Thin: the rules live in contributions.services."""

import secrets
from urllib.parse import urlencode

from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect

from contributions.forms import ContributionForm
from contributions.models import Contribution
from contributions.services import ratelimit, uploads
from contributions.services.submissions import submit_contribution
from core.requests import client_address

THANKS_SALT = "contributions.thanks"
THANKS_MAX_AGE = 7 * 24 * 3600


@csrf_protect
def contribute(request, page):
    if request.method == "POST":
        return _submitted(request, page)
    form = ContributionForm(
        page=page,
        initial={
            "form_token": secrets.token_urlsafe(32),
            "community": request.GET.get("community") or None,
        },
    )
    return _render(request, page, form)


def _render(request, page, form, *, kept=(), blocked=None, status=200):
    context = page.get_context(request)
    context.update(
        form=form,
        kept_files=list(kept),
        kept_token=uploads.sign_kept(kept),
        blocked_message=blocked,
        accepted_extensions=uploads.accepted_extensions_text(),
    )
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response


def _submitted(request, page):
    if request.POST.get("website"):
        form = ContributionForm(request.POST, page=page)
        return _render(
            request, page, form, blocked=_("Your contribution was not sent. Leave the last field empty."), status=400
        )
    address = ratelimit.address_hash(client_address(request))
    if ratelimit.is_blocked(address):
        form = ContributionForm(request.POST, page=page)
        return _render(
            request,
            page,
            form,
            kept=_kept_or_nothing(request),
            blocked=_(
                "You have sent this form many times in a short while, so we stopped taking it for now. "
                "Please try again in an hour, or write to us."
            ),
            status=429,
        )
    ratelimit.count_attempt(address)

    token = request.POST.get("form_token", "")
    earlier = Contribution.objects.filter(form_token=token).first() if token else None
    if earlier:  # the same form sent again: show what the first sending made
        return HttpResponseRedirect(_thanks_url(request, page, earlier))

    file_errors = []
    try:
        kept = uploads.unsign_kept(request.POST.get("kept_files", ""))
    except signing.BadSignature:
        kept = []
        file_errors.append(_("The files you sent earlier waited too long; please choose them again."))
    incoming = request.FILES.getlist("files")
    for name, _size in getattr(request, "skipped_uploads", []):
        file_errors.append(uploads.too_large_message(name, _size))
    new_blobs = set()
    total_problem = uploads.check_total([u.size for u in kept] + [f.size for f in incoming])
    if total_problem:
        file_errors.append(total_problem)
    else:
        for incoming_file in incoming:
            try:
                stored, created = uploads.store_upload(incoming_file)
            except uploads.UploadRefused as refused:
                file_errors.append(refused.message)
                continue
            if all(k.sha256 != stored.sha256 for k in kept):  # the same bytes twice: once
                kept.append(stored)
            if created:
                new_blobs.add(stored.sha256)

    form = ContributionForm(request.POST, page=page, has_files=bool(kept))
    valid = form.is_valid()
    for message in file_errors:
        form.add_error("files", message)
    if not valid or file_errors:
        return _render(request, page, form, kept=kept)

    contribution, _created = submit_contribution(
        data=form.cleaned_data,
        uploads=kept,
        new_blobs=new_blobs,
        consent_text=str(page.consent_text),
        sender_address_hash=address,
        form_token=form.cleaned_data["form_token"],
    )
    return HttpResponseRedirect(_thanks_url(request, page, contribution))


def _kept_or_nothing(request):
    try:
        return uploads.unsign_kept(request.POST.get("kept_files", ""))
    except signing.BadSignature:
        return []


def _thanks_url(request, page, contribution):
    """The confirmation, in the language the form was sent in (the form posts to itself)."""
    token = signing.dumps(contribution.pk, salt=THANKS_SALT)
    # Wagtail's page URLs take no ':' (part of a signature), so the token is a parameter.
    return request.path + page.reverse_subpage("thanks") + "?" + urlencode({"t": token})


def thanks(request, page, token):
    try:
        pk = signing.loads(token, salt=THANKS_SALT, max_age=THANKS_MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    contribution = Contribution.objects.filter(pk=pk).select_related("community").first()
    if contribution is None:
        raise Http404
    context = page.get_context(request)
    context["contribution"] = contribution
    response = TemplateResponse(request, "contributions/thanks.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
