"""The teller's review page: no account, one page, one answer (editorial.services.teller_review).

GET shows the page's latest draft rendered by the page's own template for an anonymous
visitor, so it shows exactly what the public will see, with the answer form under it.
Every response is private: not cached, not indexed, no referrer to other sites. A bad
token gets a plain 404 page, an expired or stopped one a 410, and nothing changes.
"""

from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_http_methods

from editorial.models import ReviewAnswer
from editorial.services import teller_review

REFUSED_STATUS = {"invalid": 404, "expired": 410, "revoked": 410}
DONE = {
    ReviewAnswer.APPROVED: gettext_lazy("Thank you. You approved the page; the curators were told."),
    ReviewAnswer.CHANGES_ASKED: gettext_lazy("Thank you. Your request for changes was sent to the curators."),
}


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@csrf_protect
@require_http_methods(["GET", "POST"])
def review(request, page_id):
    token = request.POST.get("t") if request.method == "POST" else request.GET.get("t")
    try:
        invitation = teller_review.open_link(token, page_id)
    except teller_review.LinkRefused as refused:
        response = TemplateResponse(
            request, "editorial/review_refused.html", {"reason": refused.reason}, status=REFUSED_STATUS[refused.reason]
        )
        return _private(response)
    if invitation.answered_at is not None:
        return _private(TemplateResponse(request, "editorial/review_answered.html", {"invitation": invitation}))
    errors = []
    if request.method == "POST":
        try:
            teller_review.answer(invitation, answer=request.POST.get("answer", ""), comment=request.POST.get("comment"))
        except ValidationError as error:
            errors = error.messages
        else:
            return HttpResponseRedirect(request.path + "?" + urlencode({"t": token}))
    response = _preview(request, invitation, token, errors)
    response.render()
    teller_review.grant_preview_files(request, invitation, response.content.decode())
    return _private(response)


def _preview(request, invitation, token, errors):
    page, revision = teller_review.preview_of(invitation)
    # Rendered for a visitor without an account, whoever opens the link: what the public sees.
    request.user = AnonymousUser()
    request.is_preview = True
    request.preview_mode = ""
    context = page.get_context(request)
    context.update(
        page_template=page.get_template(request),
        invitation=invitation,
        review_token=token,
        review_errors=errors,
        comment_value=request.POST.get("comment", "") if request.method == "POST" else "",
        answer_value=request.POST.get("answer", "") if request.method == "POST" else "",
        approved_value=ReviewAnswer.APPROVED.value,
        changes_value=ReviewAnswer.CHANGES_ASKED.value,
    )
    return TemplateResponse(request, "editorial/review_page.html", context, status=400 if errors else 200)
