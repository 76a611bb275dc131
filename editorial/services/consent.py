"""Recording, checking and withdrawing consent: the rules, kept out of views and forms.

Publication rests on consent. A page may only go online when a record that lists it
covers online publication and has not been withdrawn; withdrawing a record takes
every page resting on it offline in the same transaction, and says so in the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import LogContext, log
from wagtail.models import Page

from editorial.models.consent import ConsentMethod, ConsentRecord, ConsentUse
from stories.models.choices import Licence

CONSENT_WITHDRAWN_ACTION = "editorial.consent_withdrawn"
CONSENT_RECORDED_ACTION = "editorial.consent_recorded"
CONSENT_NARROWED_ACTION = "editorial.consent_narrowed"
PUBLICATION_REVERSED_ACTION = "editorial.publication_reversed"


def _clean_uses(uses: Iterable[str]) -> list[str]:
    known = set(ConsentUse.values)
    cleaned = []
    for use in uses:
        if use not in known:
            raise ValidationError(
                {
                    "uses": _("“%(use)s” is not a use consent can be given for (online, exhibition, research).")
                    % {"use": use}
                }
            )
        if use not in cleaned:
            cleaned.append(use)
    if not cleaned:
        raise ValidationError({"uses": _("Say what the consent is for: online publication, exhibition or research.")})
    return cleaned


@transaction.atomic
def record_consent(
    *,
    given_by: str,
    uses: Iterable[str],
    licence: str,
    text_version: str,
    method: str,
    pages: Iterable[Page] = (),
    person=None,
    evidence=None,
    given_at=None,
    user=None,
) -> ConsentRecord:
    """Store a consent record and attach the pages that rest on it.

    Raises ValidationError (with field names) for unknown uses, licences or methods, so
    callers can show the message next to the field they came from.
    """
    if not (given_by or "").strip():
        raise ValidationError({"given_by": _("Give the name of the person who gave consent.")})
    if licence not in Licence.values:
        raise ValidationError({"licence": _("“%(value)s” is not a licence we know.") % {"value": licence}})
    if method not in ConsentMethod.values:
        raise ValidationError({"method": _("“%(value)s” is not a way consent can be given.") % {"value": method}})
    if not (text_version or "").strip():
        raise ValidationError({"text_version": _("Say which version of the consent text was agreed to.")})
    record = ConsentRecord(
        person=person,
        given_by=given_by.strip(),
        uses=_clean_uses(uses),
        licence=licence,
        text_version=text_version.strip(),
        method=method,
        given_at=given_at or timezone.now(),
    )
    if evidence is not None:
        record.evidence = evidence
    record.save()
    pages = list(pages)
    if pages:
        record.pages.add(*pages)
        for page in pages:
            with LogContext(user=user):
                log(instance=page, action=CONSENT_RECORDED_ACTION, user=user, data={"consent_record": record.pk})
    return record


def publication_consent_problem(page) -> str | None:
    """None when the page may go online as far as consent goes; otherwise what is missing."""
    records = list(ConsentRecord.objects.filter(pages=page.pk))
    if any(record.covers(ConsentUse.ONLINE) for record in records):
        return None
    if not records:
        return _(
            "There is no consent record for “%(title)s”. Record the consent of the person who "
            "told or brought it (online form, signed paper or recorded verbal consent) before publishing."
        ) % {"title": page.title}
    if all(record.is_withdrawn for record in records):
        return _("Consent for “%(title)s” was withdrawn. It cannot be published unless new consent is recorded.") % {
            "title": page.title
        }
    return _(
        "The consent for “%(title)s” does not cover online publication (it allows: %(uses)s). "
        "Ask for consent to publish online and record it before publishing."
    ) % {
        "title": page.title,
        "uses": ", ".join(
            sorted({label for record in records if not record.is_withdrawn for label in record.uses_labels})
        )
        or _("nothing"),
    }


def direct_publication_problem(page) -> str | None:
    """The consent rule for publishing outside the workflow (museum staff's Publish button).

    A page with consent records on file may only be published when they cover online
    publication: above all, a page taken offline by a withdrawal cannot be put back by a
    click. A page with no record at all (the museum's own texts, content from before
    consent was recorded here) is the publisher's responsibility, as it was before; the
    workflow's consent check, which every contribution passes through, always wants one.
    """
    if not ConsentRecord.objects.filter(pages=page.pk).exists():
        return None
    return publication_consent_problem(page)


def withdraw_consent(record: ConsentRecord, *, user, note: str = "") -> list[Page]:
    """Withdraw a consent record: every page resting on it goes offline, in one transaction.

    Unpublishing goes through Wagtail's own action, so the page_unpublished signal fires
    (the search outbox queues the index update) and public media URLs stop working, since
    they check that a readable page uses the file. The user's page permissions are not
    asked: withdrawal is the person's right, and who may withdraw is decided by the
    admin view (museum staff and the community's curators). Returns the pages.
    """
    with transaction.atomic():
        record = ConsentRecord.objects.select_for_update().get(pk=record.pk)
        if record.is_withdrawn:
            raise ValidationError(
                _("This consent was already withdrawn on %(date)s.")
                % {"date": timezone.localtime(record.withdrawn_at).strftime("%Y-%m-%d %H:%M")}
            )
        pages = _take_offline(record, user=user, action=CONSENT_WITHDRAWN_ACTION, note=note)
        record.withdrawn_at = timezone.now()
        record.withdrawn_by = user if user and user.is_authenticated else None
        record.withdrawal_note = note
        record.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_note"])
    return pages


def _take_offline(record: ConsentRecord, *, user, action: str, note: str, data=None) -> list[Page]:
    """Every page resting on the record goes offline: its workflow stopped, unpublished
    (so search and the file check follow), a scheduled go-live cleared, and logged."""
    pages = [page.specific for page in record.pages.all().order_by("path")]
    for page in pages:
        # One log context per page: Wagtail's history shows only the latest entry per
        # (context, action), across pages, so a shared context would hide all but one.
        with LogContext(user=user):
            _stop_workflow(page, user)
            if page.live:
                UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
            # A revision scheduled to go live later would otherwise put the page
            # online on its date (Wagtail's unpublish clears this only for live pages).
            page.revisions.exclude(approved_go_live_at=None).update(approved_go_live_at=None)
            log(
                instance=page,
                action=action,
                user=user,
                data={"consent_record": record.pk, "given_by": record.given_by, "note": note, **(data or {})},
            )
    return pages


def narrow_consent(record: ConsentRecord, *, uses: Iterable[str], user=None, note: str = "") -> list[Page]:
    """Keep only these of the record's uses (a person may take back part of their consent).

    A use can only be taken away here, never added: more consent is recorded anew. With no
    use left it is a withdrawal (``withdraw_consent``); without online publication every
    page resting on the record goes offline, as on withdrawal. Returns the pages taken offline.
    """
    wanted = set(uses)
    with transaction.atomic():
        record = ConsentRecord.objects.select_for_update().get(pk=record.pk)
        if record.is_withdrawn:
            raise ValidationError(_("This consent was already withdrawn."))
        keep = [use for use in record.uses or [] if use in wanted]
        if not keep:
            return withdraw_consent(record, user=user, note=note)
        if keep == list(record.uses or []):
            return []
        removed = [use for use in record.uses if use not in keep]
        record.uses = keep
        record.save(update_fields=["uses"])
        if ConsentUse.ONLINE in keep:
            return []
        return _take_offline(
            record, user=user, action=CONSENT_NARROWED_ACTION, note=note, data={"uses_removed": removed}
        )


def reverse_publication_against_consent(page) -> str | None:
    """Take a page straight offline again when it went live against its consent records.

    The Publish button and the workflow's consent check refuse such a publication before
    it happens; this catches the other ways a revision goes live (a scheduled revision
    reaching its date, code calling ``revision.publish()``). Returns the problem, or None
    when the publication stands.
    """
    from editorial.models.workflow import needs_consent

    if not page.live or not needs_consent(page):
        return None
    problem = direct_publication_problem(page)
    if problem is None:
        return None
    with transaction.atomic(), LogContext():
        UnpublishPageAction(page, user=None, log_action=None).execute(skip_permission_checks=True)
        log(instance=page, action=PUBLICATION_REVERSED_ACTION, user=None, data={"problem": str(problem)})
    return problem


def publication_stands(page) -> bool:
    """The publish pipeline's guard stage (core/publishing.py): False when the publication
    went against the consent records and was just reversed."""
    return reverse_publication_against_consent(page) is None


def _stop_workflow(page, user):
    """Cancel a workflow in progress: it would otherwise carry the page back online."""
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
