"""Admin views of the editorial app: consent evidence download and consent withdrawal."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods
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

    page = get_object_or_404(Page, pk=page_id).specific
    task = page.current_workflow_task
    if task is None or not task.get_actions(page, request.user):
        raise PermissionDenied
    problem = publication_consent_problem(page)
    if problem:
        messages.error(request, _("Consent check not approved: %(problem)s") % {"problem": problem})
    return redirect("wagtailadmin_pages:edit", page.pk)
