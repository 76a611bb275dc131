"""Accepting and declining contributions.

Accepting turns a contribution into a draft StoryPage or HeritageObjectPage under its
community, with the recordings in wagtailmedia, the photos in Wagtail images and PDFs
in Wagtail documents (all in the community's own collection), the sender as a Person,
a ConsentRecord of what they agreed to, and the page submitted to the editorial
workflow; in one transaction, so a failure leaves neither rows nor copied files.

The page uses every file it was sent with (the recording as main media, photos as
images, PDFs as links in the text), so Wagtail's reference index ties each file to
the page and media.serving answers it only as far as the page may be read. Copied
files get neutral names (kind and a piece of the hash): file names end up in public
URLs, and a sender's "Passport Maria Fernandes.pdf" must not.
"""

from __future__ import annotations

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from contributions.models import Contribution, ContributionKind, ContributionStatus
from contributions.services.uploads import TOO_MANY_PIXELS, blob_path, image_problem, max_image_megapixels
from core.choices import AccessLevel
from editorial.services.consent import record_consent
from stories.models import (
    HeritageObjectImage,
    HeritageObjectPage,
    Person,
    StoryNarrator,
    StoryPage,
)
from stories.services.roles import community_collection

SUMMARY_LENGTH = 600


class ReviewError(Exception):
    """A decision that cannot be made (already decided); the message says why."""


def _lock_undecided(contribution) -> Contribution:
    locked = Contribution.objects.select_for_update().select_related("community", "language").get(pk=contribution.pk)
    if locked.status in (ContributionStatus.ACCEPTED, ContributionStatus.DECLINED, ContributionStatus.WITHDRAWN):
        raise ReviewError(
            _("%(reference)s was already %(status)s.")
            % {"reference": locked.reference, "status": locked.get_status_display().lower()}
        )
    return locked


def _summary(text: str, title: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SUMMARY_LENGTH:
        return text or title
    return text[: SUMMARY_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _paragraphs_html(text: str) -> str:
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join("<p>" + escape(b).replace("\n", "<br/>") + "</p>" for b in blocks)


def _person(contribution, community) -> Person:
    """The sender as a person of the contribution's community, whose curators accepted it."""
    full_name = contribution.full_name.strip() or contribution.pseudonym.strip()
    if not full_name:
        full_name = _("Anonymous sender of %(reference)s") % {"reference": contribution.reference}
    return Person.objects.create(
        full_name=full_name,
        pseudonym=contribution.pseudonym.strip(),
        name_display=contribution.name_display,
        email=contribution.email,
        community=community,
    )


class _ImportedFiles:
    """The media, images and documents made from a contribution's files, and their paths."""

    def __init__(self):
        self.recordings, self.images, self.documents = [], [], []
        self.written = []  # storage files to remove if the transaction fails

    def remove_written(self):
        for storage, name in self.written:
            try:
                storage.delete(name)
            except OSError:
                pass


def public_file_name(item) -> str:
    """The name a contributed file gets in the uploads folder (and so in its URL):
    its kind and part of its hash, with the extension its content was checked for."""
    extension = item.name.rpartition(".")[2].lower() if "." in item.name else ""
    stem = f"{item.kind}-{item.sha256[:24]}"
    return f"{stem}.{extension}" if extension.isalnum() else stem


def _check_images(files):
    """Refuse, before anything is written, a photo that cannot become a Wagtail image
    (one that came in before the form checked pixels): a message, not a failure later."""
    for item in files:
        if item.kind != "image":
            continue
        with open(blob_path(item.sha256), "rb") as handle:
            problem = image_problem(handle)
        if problem == TOO_MANY_PIXELS:
            reason = _("it has more than %(limit)s million pixels") % {"limit": max_image_megapixels()}
        elif problem:
            reason = _("it cannot be read as an image")
        else:
            continue
        raise ReviewError(
            _(
                "“%(name)s” cannot become an image on the site: %(reason)s. Nothing was accepted; "
                "ask the sender for another version, or decline the contribution."
            )
            % {"name": item.name, "reason": reason}
        )


def _import_files(contribution, collection, user, imported: _ImportedFiles):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtailmedia.models import get_media_model

    Media, Image, Document = get_media_model(), get_image_model(), get_document_model()
    files = list(contribution.files.all())
    _check_images(files)
    for number, item in enumerate(files, start=1):
        # Titles come from the contribution's title, never from the sender's file name.
        title = f"{contribution.title[:200]} ({number})"
        with open(blob_path(item.sha256), "rb") as handle:
            content = File(handle, name=public_file_name(item))
            if item.kind in ("audio", "video"):
                obj = Media(
                    title=title,
                    type=item.kind,
                    collection=collection,
                    uploaded_by_user=user,
                    sha256=item.sha256,
                    language=contribution.language.code,
                    file=content,
                )
                target = imported.recordings
            elif item.kind == "image":
                obj = Image(title=title, collection=collection, uploaded_by_user=user, file=content)
                target = imported.images
            else:
                obj = Document(title=title, collection=collection, uploaded_by_user=user, file=content)
                target = imported.documents
            obj.save()
        imported.written.append((obj.file.storage, obj.file.name))
        target.append(obj)


def _document_links_html(documents) -> str:
    """A paragraph linking each PDF (a rich-text document link: the reference index sees it)."""
    return "".join(
        f'<p><a linktype="document" id="{document.pk}">{escape(document.title)}</a> (PDF)</p>' for document in documents
    )


def _story_page(contribution, person, imported) -> StoryPage:
    body = []
    if contribution.text.strip():
        body.append({"type": "paragraph", "value": _paragraphs_html(contribution.text)})
    if imported.documents:
        body.append({"type": "paragraph", "value": _document_links_html(imported.documents)})
    for image in imported.images:
        body.append({"type": "image", "value": {"image": image.pk, "alt_text": image.title, "caption": ""}})
    page = StoryPage(
        title=contribution.title,
        summary=_summary(contribution.text, contribution.title),
        main_media=imported.recordings[0] if imported.recordings else None,
        body=body,
        live=False,
        **_shared_fields(contribution),
    )
    page.languages = [contribution.language]
    page.narrators.add(StoryNarrator(person=person))
    return page


def _object_page(contribution, person, imported) -> HeritageObjectPage:
    page = HeritageObjectPage(
        title=contribution.title,
        summary=_summary(contribution.text, contribution.title),
        description=_paragraphs_html(contribution.text) + _document_links_html(imported.documents),
        brought_by=person,
        live=False,
        **_shared_fields(contribution),
    )
    for image in imported.images:
        page.images.add(HeritageObjectImage(image=image, alt_text=image.title))
    return page


def _shared_fields(contribution) -> dict:
    # Consent without online publication: a page only staff and curators can read.
    online = "online" in contribution.consent_uses
    return {
        "licence": contribution.licence,
        "text_language": contribution.language.code,
        "access_level": AccessLevel.PUBLIC if online else AccessLevel.STAFF,
    }


def accept_contribution(contribution, user):
    """Make the draft page and everything it needs, and submit it to the workflow."""
    imported = _ImportedFiles()
    try:
        with transaction.atomic():
            contribution = _lock_undecided(contribution)
            community = contribution.community.specific
            person = _person(contribution, community)
            _import_files(contribution, community_collection(community), user, imported)
            build = _story_page if contribution.kind == ContributionKind.STORY else _object_page
            page = build(contribution, person, imported)
            page.owner = user
            community.add_child(instance=page)
            revision = page.save_revision(user=user, log_action=False)
            log(page, "wagtail.create", user=user, revision=revision)
            log(
                page,
                "contributions.page_created",
                user=user,
                data={"reference": contribution.reference, "contribution": contribution.pk},
            )
            contribution.consent_record = _record_consent(contribution, person, page, user)
            workflow = page.get_workflow()
            if workflow is not None:
                workflow.start(page, user)
            contribution.status = ContributionStatus.ACCEPTED
            contribution.page = page
            contribution.reviewed_by = user
            contribution.reviewed_at = timezone.now()
            contribution.save(update_fields=["status", "page", "consent_record", "reviewed_by", "reviewed_at"])
            log(
                contribution,
                "contributions.accepted",
                user=user,
                data={"page": page.pk, "workflow": workflow.name if workflow else None},
            )
    except Exception:
        imported.remove_written()
        raise
    return page


def _record_consent(contribution, person, page, user):
    return record_consent(
        given_by=person.full_name,
        person=person,
        uses=list(contribution.consent_uses),
        licence=contribution.licence,
        text_version=contribution.consent_text_version,
        method="form",
        pages=(page,),
        given_at=contribution.submitted_at,
        user=user,
    )


@transaction.atomic
def decline_contribution(contribution, user, *, note: str = "", notify_sender: bool = False):
    """Decline with a note; the sender gets the note only when the curator says so."""
    contribution = _lock_undecided(contribution)
    contribution.status = ContributionStatus.DECLINED
    contribution.decision_note = note.strip()
    contribution.reviewed_by = user
    contribution.reviewed_at = timezone.now()
    contribution.note_for_sender = bool(notify_sender and contribution.email)
    contribution.save(update_fields=["status", "decision_note", "note_for_sender", "reviewed_by", "reviewed_at"])
    notified = contribution.note_for_sender
    log(
        contribution,
        "contributions.declined",
        user=user,
        data={"note": contribution.decision_note, "sender_notified": notified},
    )
    if notified:
        from contributions.services.notifications import send_declined

        transaction.on_commit(lambda: send_declined(contribution))
    return contribution


@transaction.atomic
def ask_for_changes(contribution, user, *, message: str):
    """Ask the sender to change something before the curators decide; they read the
    message in an e-mail and on their status page, and their correction brings the
    contribution back into review."""
    message = (message or "").strip()
    if not message:
        raise ReviewError(_("Say what you would like the sender to change."))
    contribution = _lock_undecided(contribution)
    if not contribution.email:
        raise ReviewError(_("The sender gave no e-mail address, so they cannot be asked."))
    contribution.status = ContributionStatus.NEEDS_CHANGES
    contribution.decision_note = message
    contribution.note_for_sender = True
    contribution.save(update_fields=["status", "decision_note", "note_for_sender"])
    log(contribution, "contributions.changes_asked", user=user, data={"message": message})
    from contributions.services.notifications import send_changes_asked

    transaction.on_commit(lambda: send_changes_asked(contribution))
    return contribution
