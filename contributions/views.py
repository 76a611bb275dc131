"""The public form and its confirmation page. Thin: the rules live in contributions.services."""

import secrets
from urllib.parse import urlencode

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_protect

from contributions.forms import ContributionForm
from contributions.models import Contribution
from contributions.services import notifications, ratelimit, sender, sender_links, uploads
from contributions.services.submissions import submit_contribution
from core.requests import client_address
from editorial.models.consent import ConsentUse

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
    stored, new_blobs, refused = uploads.store_incoming(incoming, [u.size for u in kept])
    file_errors.extend(refused)
    for item in stored:
        if all(k.sha256 != item.sha256 for k in kept):  # the same bytes twice: once
            kept.append(item)

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


STATUS_DONE = {
    "corrected": gettext_lazy("Your correction is saved. The curators were told."),
    "consent": gettext_lazy("Your consent is changed. The curators were told."),
    "files": gettext_lazy("Your files are changed. The curators were told."),
    "requested": gettext_lazy("Your request is sent to the curators. They will write to you."),
}
REFUSED_STATUS = {"invalid": 404, "expired": 410, "revoked": 410}


def _private(response):
    """The status pages carry the sender's token in their address: never cached, and never
    sent to another site as a referrer. Not "no-referrer": chromium then sends the page's
    own forms with ``Origin: null``, which Django's CSRF check rightly refuses; the link to
    the published story carries ``rel=noreferrer``."""
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


@csrf_protect
def status(request, page):
    """The sender's private page: where the contribution stands, corrections, consent."""
    token = request.POST.get("t") if request.method == "POST" else request.GET.get("t")
    if not token:
        return _resend(request, page)
    try:
        opened = sender_links.open_link(token)
    except sender_links.LinkRefused as refused:
        context = page.get_context(request)
        context.update(reason=refused.reason, resend_url=request.path)
        response = TemplateResponse(
            request, "contributions/link_refused.html", context, status=REFUSED_STATUS[refused.reason]
        )
        return _private(response)
    contribution = opened.contribution
    errors = {}
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "correct":
                sender.correct_text(contribution, title=request.POST.get("title"), text=request.POST.get("text"))
            elif action == "consent":
                sender.change_consent(contribution, keep=request.POST.getlist("uses"))
            elif action == "files":
                sender.change_files(
                    contribution,
                    remove=request.POST.getlist("remove"),
                    uploads=request.FILES.getlist("files"),
                    skipped=getattr(request, "skipped_uploads", []),
                )
            elif action == "request_change":
                sender.request_change(contribution, message=request.POST.get("message"))
            else:
                raise ValidationError(_("Nothing was changed: the form was not recognised."))
        except ValidationError as error:
            errors = _errors_by_field(error)
        else:
            done = {"correct": "corrected", "files": "files", "consent": "consent", "request_change": "requested"}[
                action
            ]
            return HttpResponseRedirect(request.path + "?" + urlencode({"t": token, "done": done}))
        contribution.refresh_from_db()
    return _private(_status_page(request, page, contribution, token, errors))


STATUS_FIELDS = ("title", "text", "files", "message")


def _errors_by_field(error: ValidationError) -> dict[str, list[str]]:
    """Messages under the field the status page shows them at; the rest above the forms."""
    if not hasattr(error, "error_dict"):
        return {"general": error.messages}
    errors: dict[str, list[str]] = {}
    for field, messages in error.message_dict.items():
        errors.setdefault(field if field in STATUS_FIELDS else "general", []).extend(messages)
    return errors


def _status_page(request, page, contribution, token, errors):
    uses = sender.current_uses(contribution)
    posted = request.method == "POST" and request.POST.get("action") == "correct"
    context = page.get_context(request)
    context.update(
        contribution=contribution,
        status=sender.status_of(contribution),
        token=token,
        errors=errors,
        done=STATUS_DONE.get(request.GET.get("done", "")),
        can_correct=sender.can_correct(contribution),
        can_request_change=sender.can_request_change(contribution),
        files=list(contribution.files.all()),
        accepted_extensions=uploads.accepted_extensions_text(),
        message_value=request.POST.get("message", "") if request.method == "POST" else "",
        title_value=request.POST.get("title", "") if posted else contribution.title,
        text_value=request.POST.get("text", "") if posted else contribution.text,
        uses=[(value, label, value in uses) for value, label in ConsentUse.choices if value in uses],
        all_uses_withdrawn=not uses,
    )
    return TemplateResponse(request, "contributions/status.html", context, status=400 if errors else 200)


def _resend(request, page):
    """Ask for a new link with the reference number and the e-mail address given."""
    sent = False
    if request.method == "POST":
        address = ratelimit.address_hash(client_address(request))
        if ratelimit.is_blocked(address):
            context = page.get_context(request)
            context.update(blocked=True)
            return _private(TemplateResponse(request, "contributions/status_resend.html", context, status=429))
        ratelimit.count_attempt(address)
        contribution = sender_links.find_for_resend(request.POST.get("reference"), request.POST.get("email"))
        if contribution is not None:
            notifications.send_status_link(contribution)
        sent = True  # the same answer whether or not it matched: the form reveals nothing
    context = page.get_context(request)
    context.update(sent=sent, reference=request.POST.get("reference", "") if not sent else "")
    return _private(TemplateResponse(request, "contributions/status_resend.html", context))
