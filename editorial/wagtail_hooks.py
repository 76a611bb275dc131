"""Admin registration: consent records, evidence, withdrawal, teller review; log actions; publication guards."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from editorial import views
from editorial.admin_views import ConsentRecordViewSet
from editorial.models.workflow import needs_consent
from editorial.services import teller_review
from editorial.services.consent import (
    CONSENT_NARROWED_ACTION,
    CONSENT_RECORDED_ACTION,
    CONSENT_WITHDRAWN_ACTION,
    PUBLICATION_REVERSED_ACTION,
    direct_publication_problem,
    publication_consent_problem,
)


@hooks.register("register_admin_viewset")
def register_consent_viewset():
    return ConsentRecordViewSet("consent-records")


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path("consent-evidence/<int:pk>/", views.evidence, name="editorial_evidence"),
        path("consent-check/<int:page_id>/", views.consent_refused, name="editorial_consent_refused"),
        path("teller-review/<int:page_id>/", views.teller_review_admin, name="editorial_teller_review_admin"),
        path("teller-review/<int:page_id>/revoke/", views.teller_review_revoke, name="editorial_teller_review_revoke"),
    ]


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action(
        CONSENT_WITHDRAWN_ACTION, gettext_lazy("Withdraw consent"), gettext_lazy("Consent withdrawn; unpublished")
    )
    actions.register_action(
        CONSENT_NARROWED_ACTION,
        gettext_lazy("Consent narrowed"),
        gettext_lazy("Consent narrowed to exclude online publication; unpublished"),
    )
    actions.register_action(CONSENT_RECORDED_ACTION, gettext_lazy("Record consent"), gettext_lazy("Consent recorded"))
    actions.register_action(
        PUBLICATION_REVERSED_ACTION,
        gettext_lazy("Publication reversed"),
        gettext_lazy("Taken offline again: the consent on file does not cover online publication"),
    )


@hooks.register("register_page_header_buttons")
def teller_review_button(page, user, view_name, next_url=None):
    """ "Invite the teller to review" on stories and objects, for their curators and museum staff."""
    if teller_review.may_invite(user, page):
        yield Button(
            _("Invite the teller to review"),
            reverse("editorial_teller_review_admin", args=[page.pk]),
            icon_name="user",
            priority=75,
        )


@hooks.register("register_log_actions")
def register_teller_review_log_actions(actions):
    @actions.register_action(teller_review.REVIEW_ANSWERED_ACTION)
    class TellerReviewFormatter(LogFormatter):
        label = gettext_lazy("Review by the teller")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if data.get("answer") == "approved":
                return _("%(name)s approved the draft (review link)") % {"name": data.get("reviewer", "")}
            return _("%(name)s asked for changes (review link)") % {"name": data.get("reviewer", "")}

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("comment", "")

    actions.register_action(
        teller_review.REVIEW_INVITED_ACTION,
        gettext_lazy("Teller invited to review"),
        gettext_lazy("A reviewer was sent a private review link"),
    )
    actions.register_action(
        teller_review.REVIEW_REVOKED_ACTION, gettext_lazy("Review links stopped"), gettext_lazy("Review links stopped")
    )


@hooks.register("before_publish_page")
def refuse_publishing_against_consent(request, page):
    """Museum staff may publish directly, but not against the consent on file (e.g. withdrawn)."""
    if not needs_consent(page):
        return None
    problem = direct_publication_problem(page)
    if problem:
        messages.error(request, _("Not published: %(problem)s") % {"problem": problem})
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("after_edit_page")
def explain_refused_consent_check(request, page):
    """An approval from the editor's action menu that the consent check refused: say why."""
    from editorial.models import ConsentCheckTask

    if not (request.POST.get("action-workflow-action") and request.POST.get("workflow-action-name") == "approve"):
        return None
    task = page.current_workflow_task
    if isinstance(task, ConsentCheckTask):
        for problem in (publication_consent_problem(page), teller_review.waiting_problem(page)):
            if problem:
                messages.error(request, _("Consent check not approved: %(problem)s") % {"problem": problem})
    return None
