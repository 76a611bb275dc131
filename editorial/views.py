"""Admin views of the editorial app: consent evidence, consent withdrawal, teller review invitations."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages

from editorial.permissions import consent_records_for, may_withdraw
from editorial.services.consent import withdraw_consent


def evidence(request, pk):
    """The evidence file of a consent record, to those who may see the record; never cached."""
    record = get_object_or_404(consent_records_for(request.user), pk=pk)
    if not record.evidence:
        raise Http404
    response = FileResponse(record.evidence.open("rb"), as_attachment=True)
    response["Cache-Control"] = "private, no-store"
    return response


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
        help_text=gettext_lazy("Who asked, how, and anything the next person should know."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand that every page resting on this consent goes offline now."),
        required=True,
    )


@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    """Confirm, then withdraw consent: unpublishes every page resting on the record."""
    record = get_object_or_404(consent_records_for(request.user), pk=pk)
    if not may_withdraw(request.user, record):
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            pages = withdraw_consent(record, user=request.user, note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                ngettext(
                    "Consent of %(name)s withdrawn; %(count)d page taken offline.",
                    "Consent of %(name)s withdrawn; %(count)d pages taken offline.",
                    len(pages),
                )
                % {"name": record.given_by, "count": len(pages)},
            )
            return redirect(reverse("editorial_consent:index"))
    return TemplateResponse(
        request,
        "editorial/withdraw_confirm.html",
        {"record": record, "form": form, "pages": record.pages.all().order_by("path")},
    )


def consent_refused(request, page_id):
    """Where a refused consent-check approval lands: says what is missing, then back to the editor.

    The message is computed here from the current state, never carried in the URL, so
    it cannot be forged or go stale; a user who may not see the page learns nothing.
    """
    from wagtail.models import Page

    from editorial.services.consent import publication_consent_problem
    from editorial.services.teller_review import waiting_problem

    page = get_object_or_404(Page, pk=page_id).specific
    task = page.current_workflow_task
    if task is None or not task.get_actions(page, request.user):
        raise PermissionDenied
    for problem in (publication_consent_problem(page), waiting_problem(page)):
        if problem:
            messages.error(request, _("Consent check not approved: %(problem)s") % {"problem": problem})
    return redirect("wagtailadmin_pages:edit", page.pk)


class InviteReviewerForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Reviewer's name"),
        max_length=200,
        help_text=gettext_lazy("The teller, or the family member the teller names. Never shown in public."),
    )
    email = forms.EmailField(
        label=gettext_lazy("Reviewer's e-mail address"), help_text=gettext_lazy("Never shown in public.")
    )
    relation = forms.CharField(
        label=gettext_lazy("Relation to the teller"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Empty when the teller reviews; otherwise e.g. “daughter, named by the teller”."),
    )
    language = forms.ChoiceField(label=gettext_lazy("Language of the e-mail and the page"), choices=settings.LANGUAGES)
    waits = forms.BooleanField(
        label=gettext_lazy("Wait for their answer before museum review"),
        required=False,
        initial=True,
        help_text=gettext_lazy("The consent check cannot be approved until the reviewer has answered."),
    )


@require_http_methods(["GET", "POST"])
def teller_review_admin(request, page_id):
    """Invite the teller to review this page; the page's invitations and what became of them."""
    from wagtail.models import Page

    from editorial.models import ReviewInvitation
    from editorial.services import teller_review

    page = get_object_or_404(Page, pk=page_id).specific
    if not teller_review.may_invite(request.user, page):
        raise Http404
    form = InviteReviewerForm(request.POST or None, initial={"language": settings.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation, _token, mailed = teller_review.invite(
                page,
                request.user,
                name=data["name"],
                email=data["email"],
                relation=data["relation"],
                language=data["language"],
                waits=data["waits"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if mailed:
                messages.success(
                    request,
                    _("%(name)s was sent a private link to review this page.") % {"name": invitation.reviewer_name},
                )
            else:
                messages.error(request, _("The invitation could not be e-mailed. Stop the links and try again later."))
            return redirect("editorial_teller_review_admin", page.pk)
    return TemplateResponse(
        request,
        "editorial/teller_review_admin.html",
        {
            "page": page,
            "form": form,
            "invitations": ReviewInvitation.objects.filter(page_id=page.pk).select_related("created_by"),
            "waiting": teller_review.waiting_problem(page),
            "link_days": settings.REVIEW_LINK_DAYS,
        },
    )


@require_POST
def teller_review_revoke(request, page_id):
    """Stop every open review link of this page (a forwarded e-mail, a wrong address)."""
    from wagtail.models import Page

    from editorial.services import teller_review

    page = get_object_or_404(Page, pk=page_id).specific
    if not teller_review.may_invite(request.user, page):
        raise Http404
    count = teller_review.revoke_all(page, request.user)
    messages.success(
        request, ngettext("%(count)d review link stopped.", "%(count)d review links stopped.", count) % {"count": count}
    )
    return redirect("editorial_teller_review_admin", page.pk)
