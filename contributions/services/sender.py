"""What the sender may see and do from their private link, without an account.

They see where their contribution stands; while nobody has accepted it yet they may
correct its title and text; at any time they may take back part or all of their
consent (online, exhibition, research). Taking back online publication, or everything,
goes through the editorial consent services: the pages go offline, out of search, their
files out of reach, logged. The community's curators are told by e-mail each time.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from contributions.models import Contribution, ContributionFile, ContributionStatus
from contributions.services import notifications
from contributions.services import uploads as upload_checks
from core.access import is_publicly_readable
from editorial.models.consent import ConsentUse
from editorial.services.consent import narrow_consent

CORRECTABLE = (ContributionStatus.RECEIVED, ContributionStatus.IN_REVIEW, ContributionStatus.NEEDS_CHANGES)
MESSAGE_MAX = 5000
TITLE_MAX, TEXT_MAX = 200, 50_000

EXPLANATIONS = {
    "received": gettext_lazy("We received it. The community's curators have not opened it yet."),
    "in_review": gettext_lazy("The community's curators are looking at it."),
    "needs_changes": gettext_lazy("The curators ask you to change something before they decide. Their message:"),
    "accepted": gettext_lazy(
        "The curators accepted it. It is being prepared for publication and checked by the museum."
    ),
    "published": gettext_lazy("It is online."),
    "offline": gettext_lazy("It was accepted, and is not online now."),
    "declined": gettext_lazy("The curators decided not to publish it."),
    "withdrawn": gettext_lazy("You withdrew your consent. Nothing of it is published."),
}
LABELS = {
    "received": gettext_lazy("Received"),
    "in_review": gettext_lazy("In review"),
    "needs_changes": gettext_lazy("Changes asked"),
    "accepted": gettext_lazy("Accepted"),
    "published": gettext_lazy("Published"),
    "offline": gettext_lazy("Not online"),
    "declined": gettext_lazy("Declined"),
    "withdrawn": gettext_lazy("Withdrawn"),
}


@dataclass(frozen=True)
class SenderStatus:
    code: str
    label: str
    explanation: str
    page_url: str = ""
    note: str = ""


def status_of(contribution: Contribution) -> SenderStatus:
    """Where the contribution stands, as its sender may see it."""
    code = contribution.status
    page_url = note = ""
    if code == ContributionStatus.ACCEPTED:
        page = contribution.page.specific if contribution.page_id else None
        record = contribution.consent_record
        if record is not None and record.is_withdrawn:
            code = "withdrawn"
        elif page is not None and page.live and is_publicly_readable(page):
            code, page_url = "published", page.full_url or ""
        elif page is not None and page.first_published_at is not None:
            code = "offline"  # unpublished, or live for staff only (no online consent), or embargoed
    elif code == ContributionStatus.NEEDS_CHANGES or (
        code == ContributionStatus.DECLINED and contribution.note_for_sender
    ):
        note = contribution.decision_note  # a note the curator kept to themselves is never shown
    return SenderStatus(
        code=code, label=str(LABELS[code]), explanation=str(EXPLANATIONS[code]), page_url=page_url, note=note
    )


def can_correct(contribution: Contribution) -> bool:
    return contribution.status in CORRECTABLE


def can_request_change(contribution: Contribution) -> bool:
    """After acceptance the text is the curators'; the sender asks them for a change."""
    return contribution.status == ContributionStatus.ACCEPTED and bool(current_uses(contribution))


def current_uses(contribution: Contribution) -> list[str]:
    """The uses the sender's consent allows now (none once withdrawn)."""
    if contribution.status in (ContributionStatus.WITHDRAWN, ContributionStatus.DECLINED):
        return []
    record = contribution.consent_record
    if record is not None:
        return [] if record.is_withdrawn else list(record.uses or [])
    return list(contribution.consent_uses or [])


@transaction.atomic
def correct_text(contribution: Contribution, *, title: str, text: str) -> Contribution:
    """The sender corrects title and text while nobody has accepted the contribution yet."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if not can_correct(contribution):
        raise ValidationError(_("It can no longer be changed here: the curators have already decided on it."))
    title, text = (title or "").strip(), (text or "").strip()
    errors = {}
    if not title:
        errors["title"] = _("Give it a title.")
    elif len(title) > TITLE_MAX:
        errors["title"] = _("The title can be at most %(n)s characters.") % {"n": TITLE_MAX}
    if not text:
        errors["text"] = _("The text cannot be empty.")
    elif len(text) > TEXT_MAX:
        errors["text"] = _("The text can be at most %(n)s characters.") % {"n": f"{TEXT_MAX:,}"}
    if errors:
        raise ValidationError(errors)
    if (title, text) == (contribution.title, contribution.text):
        return contribution
    before = {"title": contribution.title, "text_length": len(contribution.text)}
    contribution.title, contribution.text = title, text
    fields = ["title", "text"]
    if contribution.status == ContributionStatus.NEEDS_CHANGES:  # answered: back to the curators
        contribution.status = ContributionStatus.IN_REVIEW
        fields.append("status")
    contribution.save(update_fields=fields)
    log(contribution, "contributions.corrected_by_sender", data={"before": before})
    transaction.on_commit(lambda: notifications.tell_curators(contribution, "corrected"))
    return contribution


@transaction.atomic
def change_consent(contribution: Contribution, *, keep: list[str]) -> list:
    """Keep only these uses of the sender's consent; returns the pages taken offline.

    Before acceptance the contribution's own consent changes (all taken back: the
    contribution is withdrawn and never reaches a page); after, the consent record that
    accepting made is narrowed or withdrawn by the editorial services."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    now = current_uses(contribution)
    if not now:
        raise ValidationError(_("There is no consent left to take back."))
    unknown = set(keep) - set(ConsentUse.values)
    if unknown:
        raise ValidationError(_("Choose from the uses listed."))
    kept = [use for use in now if use in set(keep)]
    if kept == now:
        return []
    if contribution.status == ContributionStatus.ACCEPTED and contribution.consent_record is None:
        # Accepted before contributions kept their consent record, and none could be matched:
        # changing the form's copy would leave the pages online. Refuse, and say whom to ask.
        raise ValidationError(
            _(
                "We cannot change this consent from here. Please write to the curators of the community "
                "with your reference number; they will take it offline."
            )
        )
    pages = []
    if contribution.consent_record is not None:
        pages = narrow_consent(contribution.consent_record, uses=kept, note=_("Changed by the sender from their link"))
    else:
        contribution.consent_uses = kept
        fields = ["consent_uses"]
        if not kept and contribution.status in CORRECTABLE:
            contribution.status = ContributionStatus.WITHDRAWN
            fields.append("status")
        contribution.save(update_fields=fields)
    deleted = _delete_files_of_withdrawn(contribution)
    log(
        contribution,
        "contributions.consent_changed_by_sender",
        data={"before": now, "after": kept, "pages_offline": [page.pk for page in pages], "files_deleted": deleted},
    )
    transaction.on_commit(lambda: notifications.tell_curators(contribution, "consent"))
    return pages


def _delete_files_of_withdrawn(contribution: Contribution) -> list[str]:
    """A contribution withdrawn before anyone accepted it keeps no files: nobody may use
    them, so the bytes go (after commit, when no other contribution shares them) and the
    curators' inbox shows none. The history keeps their names."""
    if contribution.status != ContributionStatus.WITHDRAWN:
        return []
    files = list(contribution.files.all())
    if not files:
        return []
    sha256s = {item.sha256 for item in files}
    contribution.files.all().delete()
    transaction.on_commit(lambda: upload_checks.delete_blobs_if_unused(sha256s))
    return [item.name for item in files]


def request_change(contribution: Contribution, *, message: str) -> None:
    """The sender asks the curators to change something in the accepted or published page."""
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Say what you would like to change.")})
    if len(message) > MESSAGE_MAX:
        raise ValidationError({"message": _("The message can be at most %(n)s characters.") % {"n": MESSAGE_MAX}})
    if not can_request_change(contribution):
        raise ValidationError(_("Until it is accepted you can correct it yourself, above."))
    log(contribution, "contributions.change_requested_by_sender", data={"message": message})
    transaction.on_commit(lambda: notifications.send_change_request(contribution, message))


def change_files(contribution: Contribution, *, remove: list, uploads: list, skipped=()) -> Contribution:
    """The sender adds files and removes some of theirs, until the contribution is accepted.

    Every new file passes the form's checks (kind sniffed from the bytes, sizes, the total);
    when one fails nothing changes and the message names it. Only this contribution's own
    files can be removed, whatever ids the form sends.
    """
    if not can_correct(contribution):
        raise ValidationError(_("It can no longer be changed here: the curators have already decided on it."))
    current = list(contribution.files.all())
    wanted_gone = {str(pk) for pk in remove}
    gone = [f for f in current if str(f.pk) in wanted_gone]
    staying = [f for f in current if f not in gone]
    problems = [upload_checks.too_large_message(name, size) for name, size in skipped]
    stored, new_blobs, refused = upload_checks.store_incoming(uploads, [f.size for f in staying])
    problems.extend(refused)
    if problems:
        upload_checks.delete_blobs_if_unused(new_blobs)
        raise ValidationError({"files": problems})
    if not gone and not stored:
        return contribution
    with transaction.atomic():
        ContributionFile.objects.filter(contribution=contribution, pk__in=[f.pk for f in gone]).delete()
        position = max([f.position for f in staying], default=-1) + 1
        known = {f.sha256 for f in staying}
        for item in stored:
            if item.sha256 in known:  # the same bytes twice: once
                continue
            known.add(item.sha256)
            position += 1
            ContributionFile.objects.create(
                contribution=contribution,
                position=position - 1,
                name=item.name,
                kind=item.kind,
                content_type=item.content_type,
                size=item.size,
                sha256=item.sha256,
            )
        log(
            contribution,
            "contributions.files_changed_by_sender",
            data={"added": [i.name for i in stored], "removed": [f.name for f in gone]},
        )
        transaction.on_commit(lambda: upload_checks.delete_blobs_if_unused({f.sha256 for f in gone}))
        transaction.on_commit(lambda: notifications.tell_curators(contribution, "files"))
    return contribution
