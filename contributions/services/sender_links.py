"""The sender's private links: no account, one contribution, one purpose, expiring, revocable.

A token is ``signing.dumps([link id, secret])``: signed with the site's key and salted by
purpose, so a changed character or a token of another purpose fails before the database
is asked, and an old token fails on its own timestamp. The secret is 32 random bytes of
which the database keeps only a SHA-256; a link's row decides the rest (revoked, expired,
which contribution). A link opens only its own contribution: nothing on the pages it
opens names or counts any other.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone

from contributions.models import ContributePage, Contribution, SenderLink, SenderLinkPurpose


class LinkRefused(Exception):
    """The link does not open anything: ``reason`` is invalid, expired or revoked."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Opened:
    link: SenderLink
    contribution: Contribution


def _salt(purpose: str) -> str:
    return f"contributions.sender-link.{purpose}"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _max_age() -> int:
    return settings.CONTRIBUTION_LINK_DAYS * 24 * 3600


def issue(contribution: Contribution, purpose: str = SenderLinkPurpose.STATUS) -> str:
    """A new link for the sender; returns its token (shown once, never stored)."""
    secret = secrets.token_urlsafe(32)
    link = SenderLink.objects.create(
        contribution=contribution,
        purpose=purpose,
        secret_hash=_hash(secret),
        expires_at=timezone.now() + timedelta(days=settings.CONTRIBUTION_LINK_DAYS),
    )
    return signing.dumps([link.pk, secret], salt=_salt(purpose))


def open_link(token: str, purpose: str = SenderLinkPurpose.STATUS) -> Opened:
    """The contribution a token opens, or LinkRefused."""
    try:
        link_id, secret = signing.loads(token or "", salt=_salt(purpose), max_age=_max_age())
    except signing.SignatureExpired:
        raise LinkRefused("expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise LinkRefused("invalid") from None
    if not isinstance(link_id, int) or not isinstance(secret, str):
        raise LinkRefused("invalid")
    link = SenderLink.objects.select_related("contribution__community").filter(pk=link_id, purpose=purpose).first()
    if link is None or not hmac.compare_digest(link.secret_hash, _hash(secret)):
        raise LinkRefused("invalid")
    if link.revoked_at is not None:
        raise LinkRefused("revoked")
    if link.expires_at <= timezone.now():
        raise LinkRefused("expired")
    SenderLink.objects.filter(pk=link.pk).update(last_used_at=timezone.now())
    return Opened(link=link, contribution=link.contribution)


@transaction.atomic
def revoke_all(contribution: Contribution, user) -> int:
    """A curator stops every link of this contribution (a forwarded e-mail, a lost phone)."""
    from wagtail.log_actions import log

    count = SenderLink.objects.filter(contribution=contribution, revoked_at=None).update(
        revoked_at=timezone.now(), revoked_by=user
    )
    if count:
        log(contribution, "contributions.links_revoked", user=user, data={"links": count})
    return count


def status_url(token: str) -> str:
    """The full address of the status page for a token ('' without a live contribute page)."""
    from urllib.parse import urlencode

    page = ContributePage.objects.live().first()
    if page is None or not page.full_url:
        return ""
    return page.full_url + page.reverse_subpage("status") + "?" + urlencode({"t": token})


def find_for_resend(reference: str, email: str) -> Contribution | None:
    """The contribution with this reference number sent from this address; None otherwise.

    The caller answers the same whether or not one was found, so the form tells nobody
    which numbers or addresses exist."""
    reference, email = (reference or "").strip().upper(), (email or "").strip()
    if not reference or not email:
        return None
    contribution = Contribution.objects.filter(reference__iexact=reference).first()
    if contribution is None or not contribution.email:
        return None
    if not hmac.compare_digest(contribution.email.strip().lower(), email.lower()):
        return None
    return contribution
