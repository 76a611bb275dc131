"""Review without a CMS account: the teller reads the draft and answers (issue 13).

A curator of the page's community (or museum staff) invites the teller, or a family
member the teller names, by e-mail. The link shows the page's latest draft exactly as the
public would see it (people by their public name) and asks "approve" or "ask for
changes" with a comment; the answer becomes a comment on the page in Wagtail, a line in
the page's history and an e-mail to the curators.

The token follows contributions.services.sender_links: ``signing.dumps([invitation id,
secret])`` salted for this one purpose, 32 random bytes of secret of which the row keeps
only a SHA-256, an expiry (``REVIEW_LINK_DAYS``; the signature's own age is checked too)
and a revocation. The link names its page in the address as well, so a token opens only
its own page. One answer per link.

An invitation that ``waits`` holds the consent check (the step before museum review)
until the reviewer answers; an answer "ask for changes" holds it until the page is
changed (a newer revision than the one answered) or the curators send it back.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
from datetime import timedelta
from urllib.parse import unquote, urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Comment, Page

from core import preview_grants
from core.access import reader_for
from editorial.models import ReviewAnswer, ReviewInvitation
from editorial.models.workflow import community_path_of, is_curator_of, needs_consent
from stories.models import CommunityPage

logger = logging.getLogger(__name__)

SALT = "editorial.teller-review"
REVIEW_ANSWERED_ACTION = "editorial.teller_review"
REVIEW_INVITED_ACTION = "editorial.teller_review_invited"
REVIEW_REVOKED_ACTION = "editorial.teller_review_revoked"
MAX_COMMENT = 5000


class LinkRefused(Exception):
    """The link opens nothing: ``reason`` is invalid, expired or revoked."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _max_age() -> int:
    return settings.REVIEW_LINK_DAYS * 24 * 3600


def may_invite(user, page) -> bool:
    """The page's own community curators and museum staff, on stories and objects only."""
    if not (user.is_authenticated and user.is_active and needs_consent(page)):
        return False
    return reader_for(user).is_staff or is_curator_of(user, page)


def site_language(language: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def review_url(invitation: ReviewInvitation, token: str) -> str:
    """The full address of the review page, in the invitation's language."""
    with translation.override(site_language(invitation.language)):
        path = reverse("editorial_teller_review", args=[invitation.page_id])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path + "?" + urlencode({"t": token})


@transaction.atomic
def invite(page, user, *, name: str, email: str, relation: str = "", language: str = "", waits: bool = True):
    """A new invitation and its token (shown once, never stored); the reviewer gets the e-mail.

    Returns (invitation, token, mailed)."""
    if not may_invite(user, page):
        raise ValidationError(_("You may not invite a reviewer for this page."))
    name, email = (name or "").strip(), (email or "").strip()
    if not name or not email:
        raise ValidationError(_("Give the reviewer's name and e-mail address."))
    secret = secrets.token_urlsafe(32)
    invitation = ReviewInvitation.objects.create(
        page=page if isinstance(page, Page) else page.page_ptr,
        reviewer_name=name,
        reviewer_email=email,
        relation=(relation or "").strip(),
        language=site_language(language),
        waits=waits,
        secret_hash=_hash(secret),
        created_by=user,
        expires_at=timezone.now() + timedelta(days=settings.REVIEW_LINK_DAYS),
    )
    token = signing_dumps(invitation.pk, secret)
    log(
        page,
        REVIEW_INVITED_ACTION,
        user=user,
        data={"reviewer": name, "waits": waits, "expires_at": invitation.expires_at.isoformat()},
    )
    url = review_url(invitation, token)
    mailed = _mail_reviewer(invitation, url)
    return invitation, token, mailed


def signing_dumps(invitation_id: int, secret: str) -> str:
    return signing.dumps([invitation_id, secret], salt=SALT)


def open_link(token: str, page_id: int) -> ReviewInvitation:
    """The invitation a token opens on this page, or LinkRefused. Answered ones open (read-only)."""
    try:
        invitation_id, secret = signing.loads(token or "", salt=SALT, max_age=_max_age())
    except signing.SignatureExpired:
        raise LinkRefused("expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise LinkRefused("invalid") from None
    if not isinstance(invitation_id, int) or not isinstance(secret, str):
        raise LinkRefused("invalid")
    invitation = ReviewInvitation.objects.select_related("page").filter(pk=invitation_id, page_id=page_id).first()
    if invitation is None or not hmac.compare_digest(invitation.secret_hash, _hash(secret)):
        raise LinkRefused("invalid")
    if invitation.revoked_at is not None:
        raise LinkRefused("revoked")
    if invitation.answered_at is None and invitation.expires_at <= timezone.now():
        raise LinkRefused("expired")
    return invitation


def preview_of(invitation: ReviewInvitation):
    """The page as its latest revision has it (the draft), and that revision."""
    page = invitation.page.specific
    revision = page.get_latest_revision()
    return (revision.as_object() if revision else page), revision


def answer(invitation: ReviewInvitation, *, answer: str, comment: str = "") -> ReviewInvitation:
    """Record the reviewer's answer once; the comment lands on the page in Wagtail."""
    if answer not in ReviewAnswer.values:
        raise ValidationError(_("Choose “approve” or “ask for changes”."))
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise ValidationError(_("The comment is longer than %(max)d characters.") % {"max": MAX_COMMENT})
    if answer == ReviewAnswer.CHANGES_ASKED and not comment:
        raise ValidationError(_("Say what should change."))
    with transaction.atomic():
        invitation = ReviewInvitation.objects.select_for_update().select_related("page").get(pk=invitation.pk)
        if not invitation.is_open:
            raise ValidationError(_("This review was already answered or the link no longer works."))
        page = invitation.page.specific
        revision = page.get_latest_revision()
        invitation.answer = answer
        invitation.comment = comment
        invitation.answered_at = timezone.now()
        invitation.revision = revision
        invitation.save(update_fields=["answer", "comment", "answered_at", "revision"])
        with translation.override(settings.LANGUAGE_CODE):
            text = comment_text(invitation)
        Comment.objects.create(
            page=invitation.page,
            user=invitation.created_by,  # Comment.user is required; the text names the reviewer
            text=text,
            contentpath="title",
            revision_created=revision,
        )
        log(
            page,
            REVIEW_ANSWERED_ACTION,
            user=None,
            revision=revision,
            data={
                "reviewer": invitation.reviewer_name,
                "answer": answer,
                "comment": comment,
                "invitation": invitation.pk,
            },
        )
    transaction.on_commit(lambda: tell_curators(invitation))
    return invitation


PREVIEW_FILES_SECONDS = 30 * 60


def files_shown(html: str) -> set[str]:
    """The storage names of the uploads and documents a rendered preview points at."""
    from wagtail.documents import get_document_model

    names = {
        unquote(name)
        for name in re.findall(re.escape(settings.MEDIA_URL) + r"""([^"'\s?#)<>]+)""", html)
        if ".." not in name
    }
    document_ids = {int(pk) for pk in re.findall(r"/documents/(\d+)/", html)}
    if document_ids:
        names |= set(get_document_model().objects.filter(pk__in=document_ids).values_list("file", flat=True))
    return names


def grant_preview_files(request, invitation: ReviewInvitation, html: str) -> None:
    """Let the reviewer's browser fetch the recordings, images and documents this preview
    shows, for half an hour at most (opening the link again renews it) and never past the
    link's own end (core.preview_grants). A draft's files are used by no live page, so
    without this the reviewer would see the page without its pictures and sound. A link
    revoked meanwhile leaves what was already shown reachable until the half hour ends."""
    remaining = int((invitation.expires_at - timezone.now()).total_seconds())
    seconds = min(PREVIEW_FILES_SECONDS, remaining)
    if seconds > 0:
        preview_grants.grant_files(request, files_shown(html), seconds=seconds)


def comment_text(invitation: ReviewInvitation) -> str:
    verdict = _("approved") if invitation.answer == ReviewAnswer.APPROVED else _("asks for changes")
    text = _("Review by %(name)s: %(verdict)s") % {"name": invitation.reviewer_name, "verdict": verdict}
    return f"{text} — {invitation.comment}" if invitation.comment else text


@transaction.atomic
def revoke_all(page, user) -> int:
    """A curator stops every open review link of this page."""
    if not may_invite(user, page):
        raise ValidationError(_("You may not stop the review links of this page."))
    count = ReviewInvitation.objects.filter(page_id=page.pk, revoked_at=None, answered_at=None).update(
        revoked_at=timezone.now(), revoked_by=user
    )
    if count:
        log(page, REVIEW_REVOKED_ACTION, user=user, data={"links": count})
    return count


def waiting_problem(page) -> str | None:
    """Why the consent check must wait for a teller's review, or None."""
    invitations = ReviewInvitation.objects.filter(page_id=page.pk, waits=True)
    open_one = invitations.open().order_by("created_at").first()
    if open_one is not None:
        return _("waiting for the review of %(name)s, invited on %(date)s.") % {
            "name": open_one.reviewer_name,
            "date": formats.date_format(timezone.localtime(open_one.created_at), "DATE_FORMAT"),
        }
    last = invitations.exclude(answered_at=None).order_by("-answered_at").first()
    if (
        last is not None
        and last.answer == ReviewAnswer.CHANGES_ASKED
        and last.revision_id is not None
        and last.revision_id == Page.objects.filter(pk=page.pk).values_list("latest_revision_id", flat=True).first()
    ):
        return _("%(name)s asked for changes on %(date)s; change the page (save a new version) or send it back.") % {
            "name": last.reviewer_name,
            "date": formats.date_format(timezone.localtime(last.answered_at), "DATE_FORMAT"),
        }
    return None


def _mail_reviewer(invitation: ReviewInvitation, url: str) -> bool:
    page = invitation.page.specific
    with translation.override(site_language(invitation.language)):
        body = render_to_string(
            "editorial/email/review_invitation.txt",
            {
                "invitation": invitation,
                "title": page.get_latest_revision_as_object().title,
                "review_url": url,
                "expires_at": timezone.localtime(invitation.expires_at),
            },
        )
        subject = _("Please read “%(title)s” before it is published") % {"title": page.title}
    try:
        send_mail(subject, body, None, [invitation.reviewer_email])
    except Exception:  # the invitation stands; the curator sees it was not mailed
        logger.exception("Could not send the review invitation %s", invitation.pk)
        return False
    return True


def curators_to_tell(invitation: ReviewInvitation) -> list[str]:
    """The inviting curator and the page's community curators (their e-mail addresses)."""
    path = community_path_of(invitation.page)
    group_id = CommunityPage.objects.filter(path=path).values_list("curator_group_id", flat=True).first()
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    condition = Q(pk=invitation.created_by_id)
    if group_id:
        condition |= Q(groups__pk=group_id)
    return sorted(set(users.filter(condition).values_list("email", flat=True)))


def tell_curators(invitation: ReviewInvitation) -> bool:
    to = curators_to_tell(invitation)
    if not to:
        return False
    page = invitation.page.specific
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "editorial/email/review_answered.txt",
            {
                "invitation": invitation,
                "title": page.title,
                "approved": invitation.answer == ReviewAnswer.APPROVED,
                "edit_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("wagtailadmin_pages:edit", args=[page.pk]),
            },
        )
        subject = _("%(name)s reviewed “%(title)s”") % {"name": invitation.reviewer_name, "title": page.title}
    try:
        send_mail(subject, body, None, to)
    except Exception:
        logger.exception("Could not tell the curators about review %s", invitation.pk)
        return False
    return True
