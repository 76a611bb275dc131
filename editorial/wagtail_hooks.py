"""Admin registration: consent records, their evidence and withdrawal; the log actions."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from editorial import views
from editorial.admin_views import ConsentRecordViewSet
from editorial.services.consent import CONSENT_RECORDED_ACTION, CONSENT_WITHDRAWN_ACTION


@hooks.register("register_admin_viewset")
def register_consent_viewset():
    return ConsentRecordViewSet("consent-records")


@hooks.register("register_admin_urls")
def register_evidence_url():
    return [path("consent-evidence/<int:pk>/", views.evidence, name="editorial_evidence")]


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action(CONSENT_WITHDRAWN_ACTION, _("Withdraw consent"), _("Consent withdrawn; unpublished"))
    actions.register_action(CONSENT_RECORDED_ACTION, _("Record consent"), _("Consent recorded"))
