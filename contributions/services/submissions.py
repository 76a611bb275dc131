"""Saving a contribution: one transaction, one row per form token, nothing half-saved."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from contributions.models import Contribution, ContributionFile
from contributions.services.uploads import StoredUpload, delete_blobs_if_unused
from contributions.tasks import schedule_cleanup


def reference_for(contribution: Contribution) -> str:
    """A number people can read out on the phone: BK-2026-000123."""
    year = timezone.localtime(contribution.submitted_at).year
    return f"BK-{year}-{contribution.pk:06d}"


def sender_language() -> str:
    """The language the sender used the form in (the request's, from its URL): their mails follow it."""
    from django.utils import translation

    code = (translation.get_language() or "").split("-")[0]
    return code if code in dict(settings.LANGUAGES) else ""


def submit_contribution(
    *,
    data: dict,
    uploads: list[StoredUpload],
    new_blobs: set[str],
    consent_text: str,
    sender_address_hash: str,
    form_token: str,
) -> tuple[Contribution, bool]:
    """Save a contribution and its files; (contribution, created).

    A form token already used returns the contribution it made (a double click, a
    resent form) instead of a second one. When saving fails, bytes this request
    stored and nothing else uses are removed again.
    """
    existing = Contribution.objects.filter(form_token=form_token).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            contribution = Contribution.objects.create(
                community=data["community"],
                kind=data["kind"],
                title=data["title"],
                text=data["text"],
                language=data["language"],
                name_display=data["name_display"],
                full_name=data["full_name"],
                pseudonym=data["pseudonym"],
                email=data["email"],
                sender_language=sender_language(),
                consent_uses=list(data["consent_uses"]),
                licence=data["licence"],
                consent_text_version=data["consent_text_version"],
                consent_text=consent_text,
                sender_address_hash=sender_address_hash,
                form_token=form_token,
            )
            contribution.reference = reference_for(contribution)
            contribution.save(update_fields=["reference"])
            ContributionFile.objects.bulk_create(
                ContributionFile(
                    contribution=contribution,
                    position=position,
                    name=upload.name,
                    kind=upload.kind,
                    content_type=upload.content_type,
                    size=upload.size,
                    sha256=upload.sha256,
                )
                for position, upload in enumerate(uploads)
            )
            log(contribution, "contributions.received", data={"reference": contribution.reference})
            transaction.on_commit(lambda: _send_receipt(contribution.pk))
            transaction.on_commit(schedule_cleanup)
    except IntegrityError:
        existing = Contribution.objects.filter(form_token=form_token).first()
        if existing:  # the same form, sent twice at the same moment
            return existing, False
        delete_blobs_if_unused(new_blobs)
        raise
    except Exception:
        delete_blobs_if_unused(new_blobs)
        raise
    return contribution, True


def _send_receipt(pk):
    from contributions.services.notifications import send_receipt

    send_receipt(Contribution.objects.get(pk=pk))
