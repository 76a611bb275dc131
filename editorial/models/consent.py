"""Consent: who agreed to what, how, and whether they took it back.

A ConsentRecord is the legal ground for publishing a story or object. The pages that rest
on it are listed explicitly (``pages``), so withdrawing it knows exactly what to take
down. Records are never deleted: a withdrawn record is the history of that withdrawal.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial.storage import evidence_storage
from stories.models.choices import Licence


class ConsentUse(models.TextChoices):
    ONLINE = "online", _("Online publication")
    EXHIBITION = "exhibition", _("Exhibition")
    RESEARCH = "research", _("Research only")


class ConsentMethod(models.TextChoices):
    FORM = "form", _("Online form")
    PAPER = "paper", _("Signed paper form")
    VERBAL = "verbal", _("Recorded verbal consent")


def _evidence_path(record, filename):
    return f"consent/{timezone.now():%Y/%m}/{filename}"


class ConsentRecordQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class ConsentRecord(models.Model):
    person = models.ForeignKey(
        "stories.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        # A person with a consent record on file cannot be deleted by accident: the record
        # is the proof of what they agreed to.
        on_delete=models.PROTECT,
        related_name="consent_records",
    )
    given_by = models.CharField(_("given by"), max_length=200, help_text=_("The name as given; may be a pseudonym."))
    uses = models.JSONField(
        _("allowed uses"),
        default=list,
        help_text=_("Any of: online, exhibition, research."),
    )
    licence = models.CharField(_("licence"), max_length=80, choices=Licence.choices, default=Licence.RS_INC)
    text_version = models.CharField(
        _("consent text version"), max_length=50, help_text=_("The version of the consent text agreed to.")
    )
    method = models.CharField(_("how it was given"), max_length=16, choices=ConsentMethod.choices)
    evidence = models.FileField(
        _("evidence"),
        upload_to=_evidence_path,
        storage=evidence_storage,
        blank=True,
        max_length=300,
        help_text=_("Signed form or recording. Stored privately, never under a public URL."),
    )
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawal_note = models.TextField(_("withdrawal note"), blank=True, editable=False)
    pages = models.ManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("pages resting on this consent"),
        blank=True,
        related_name="consent_records",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self):
        state = _("withdrawn") if self.is_withdrawn else ", ".join(self.uses_labels) or _("no uses")
        return f"{self.given_by} ({state}, {self.given_at:%Y-%m-%d})"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def uses_labels(self) -> list[str]:
        labels = dict(ConsentUse.choices)
        return [str(labels.get(use, use)) for use in self.uses or []]

    def covers(self, use: str) -> bool:
        """True when this record allows ``use`` and has not been withdrawn."""
        return not self.is_withdrawn and use in (self.uses or [])
