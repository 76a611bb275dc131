"""The contribute page, and what the public sends through it.

A Contribution stays in the inbox of its community's curators until one of them
accepts it (which creates a draft page) or declines it. Its files live in private,
content-addressed storage (contributions.storage), never under the public uploads URL.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from stories.models import Person
from stories.models.choices import Licence, NameDisplay

RICH_TEXT = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class ContributionKind(models.TextChoices):
    STORY = "story", _("A story")
    OBJECT = "object", _("An object I bring")


class ContributionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_REVIEW = "in_review", _("In review")
    NEEDS_CHANGES = "needs_changes", _("Changes asked of the sender")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn by the sender")


class ContributePage(RoutablePageMixin, Page):
    """/bijdragen/: the public form; curators and staff write its intro and consent text."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT)
    consent_text = RichTextField(
        _("consent text"),
        features=RICH_TEXT,
        help_text=_("What the sender agrees to. Change the version below whenever you change this text."),
    )
    consent_text_version = models.CharField(
        _("consent text version"),
        max_length=40,
        default="1",
        help_text=_("Stored with every contribution, so we know which text each sender agreed to."),
    )
    thank_you_text = RichTextField(_("text on the confirmation page"), blank=True, features=RICH_TEXT)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(["consent_text", "consent_text_version"], heading=_("Consent")),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("contribute page")

    def save(self, *args, **kwargs):
        created = self.pk is None
        super().save(*args, **kwargs)
        if created and self.path:
            from contributions.services.editing import grant_curators_edit

            grant_curators_edit(pages=[self])

    @path("")
    def contribute(self, request):
        from contributions.views import contribute

        return contribute(request, self)

    @path("status/")
    def status(self, request):
        from contributions.views import status

        return status(request, self)

    @path("dank/")
    def thanks(self, request):
        from contributions.views import thanks

        return thanks(request, self, request.GET.get("t", ""))


class Contribution(models.Model):
    """A story or object sent by a member of the public, with the consent they gave."""

    # NULL, not "", until the number is given right after the insert: unique allows many NULLs.
    reference = models.CharField(  # noqa: DJ001
        _("reference number"), max_length=20, unique=True, null=True, editable=False
    )
    community = models.ForeignKey(
        "stories.CommunityPage",
        verbose_name=_("community"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    kind = models.CharField(_("story or object"), max_length=8, choices=ContributionKind.choices)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("story"), max_length=50_000)
    language = models.ForeignKey(
        "stories.Language", verbose_name=_("language"), on_delete=models.PROTECT, related_name="+"
    )
    # Who they are, following the Person display rule (stories.models.people).
    name_display = models.CharField(_("name shown in public"), max_length=16, choices=NameDisplay.choices)
    full_name = models.CharField(_("name"), max_length=200, blank=True)
    pseudonym = models.CharField(_("pseudonym"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    sender_language = models.CharField(
        _("language of the sender's e-mails"),
        max_length=8,
        blank=True,
        editable=False,
        help_text=_("The language the form was sent in (nl, en); the mails to the sender follow it."),
    )
    # Consent as given on the form.
    consent_uses = models.JSONField(_("may be used for"), default=list)
    licence = models.CharField(_("licence"), max_length=80, choices=Licence.choices)
    consent_text_version = models.CharField(_("consent text version"), max_length=40)
    consent_text = models.TextField(_("consent text agreed to"), blank=True)
    # The inbox.
    status = models.CharField(
        _("status"), max_length=16, choices=ContributionStatus.choices, default=ContributionStatus.RECEIVED
    )
    submitted_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(_("note on the decision"), blank=True)
    # Whether the sender may read the note (on their status page): only when the curator sent it.
    note_for_sender = models.BooleanField(default=False, editable=False)
    page = models.ForeignKey("wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The consent record accepting made: the sender narrows or withdraws it from their status page.
    consent_record = models.ForeignKey(
        "editorial.ConsentRecord", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    published_notice_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Spam control and double-submit protection; an address is never stored in clear.
    sender_address_hash = models.CharField(max_length=64, db_index=True, editable=False)
    form_token = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")

    def __str__(self):
        return f"{self.reference}: {self.title}"

    @property
    def sender_public_name(self) -> str:
        return Person.name_for_public(self.full_name, self.pseudonym, self.name_display)

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files.all())


class ContributionFile(models.Model):
    """One file of a contribution; its bytes are shared with every identical file."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10)
    content_type = models.CharField(max_length=80)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64, db_index=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("contribution file")

    def __str__(self):
        return self.name

    @property
    def storage_name(self) -> str:
        from contributions.storage import blob_name

        return blob_name(self.sha256)


class SenderLinkPurpose(models.TextChoices):
    STATUS = "status", _("Status, corrections and consent")


class SenderLink(models.Model):
    """A private link for the sender of one contribution: no account, one purpose.

    The link's token is signed (``django.core.signing``: a changed character fails before
    the database is asked) and carries a random secret of which only a hash is kept here,
    so a copy of the database opens nothing. It expires (``CONTRIBUTION_LINK_DAYS``) and a
    curator can revoke it; asking again by reference number and e-mail address sends a new one.
    """

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="sender_links")
    purpose = models.CharField(max_length=16, choices=SenderLinkPurpose.choices, default=SenderLinkPurpose.STATUS)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sender's link")
        verbose_name_plural = _("sender's links")

    def __str__(self):
        return f"{self.contribution.reference} ({self.purpose})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
