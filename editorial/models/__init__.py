"""Consent records and the editorial workflow's tasks."""

from editorial.models.consent import ConsentMethod, ConsentRecord, ConsentRecordQuerySet, ConsentUse
from editorial.models.review import ReviewAnswer, ReviewInvitation, ReviewInvitationQuerySet
from editorial.models.workflow import CommunityCuratorApprovalTask, ConsentCheckTask

__all__ = [
    "CommunityCuratorApprovalTask",
    "ConsentCheckTask",
    "ConsentMethod",
    "ConsentRecord",
    "ConsentRecordQuerySet",
    "ConsentUse",
    "ReviewAnswer",
    "ReviewInvitation",
    "ReviewInvitationQuerySet",
]
