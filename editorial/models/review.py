"""A teller's review of a draft, without a CMS account (issue 13).

A curator invites the teller (or a family member the teller names) to read the draft as
the public would see it and answer "approve" or "ask for changes". The reviewer's name
and address are personal data: they are shown to the curators in the admin, never on a
public page. The row keeps only a SHA-256 of the link's secret.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewAnswer(models.TextChoices):
    APPROVED = "approved", _("Approved")
    CHANGES_ASKED = "changes_asked", _("Asks for changes")


class ReviewInvitationQuerySet(models.QuerySet):
    def open(self):
        """Not answered, not revoked, not expired: the link still opens the preview."""
        return self.filter(answered_at=None, revoked_at=None, expires_at__gt=timezone.now())


class ReviewInvitation(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="review_invitations"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision answered"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The draft revision the reviewer saw when answering."),
    )
    reviewer_name = models.CharField(_("reviewer's name"), max_length=200)
    reviewer_email = models.EmailField(_("reviewer's e-mail"))
    relation = models.CharField(
        _("relation to the teller"),
        max_length=200,
        blank=True,
        help_text=_("Empty when the teller reviews; otherwise e.g. “daughter, named by the teller”."),
    )
    language = models.CharField(_("language"), max_length=8, default="nl")
    waits = models.BooleanField(
        _("the workflow waits for this answer"),
        default=True,
        help_text=_("The consent check cannot be approved before the reviewer answers."),
    )
    secret_hash = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("invited at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=16, choices=ReviewAnswer.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=5000)

    objects = ReviewInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("review invitation")
        verbose_name_plural = _("review invitations")

    def __str__(self):
        return f"{self.reviewer_name} ({self.page_id})"

    @property
    def is_open(self) -> bool:
        return self.answered_at is None and self.revoked_at is None and self.expires_at > timezone.now()

    @property
    def state(self) -> str:
        """answered, revoked, expired or open: what the curators' list shows."""
        if self.answered_at is not None:
            return "answered"
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"
