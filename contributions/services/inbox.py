"""Who sees which contributions: museum staff all, a curator only their communities'.

Every inbox view and the file view go through ``visible_contributions``; a
contribution outside it does not exist for that user (404), whatever the URL.
"""

from django.db.models import Q

from contributions.models import Contribution, ContributionStatus
from core.access import reader_for


def can_use_inbox(user) -> bool:
    reader = reader_for(user)
    return bool(user and user.is_authenticated and (reader.is_staff or reader.curator_community_ids))


def visible_contributions(user):
    reader = reader_for(user)
    if reader.is_staff:
        return Contribution.objects.all()
    if not reader.curator_community_ids:
        return Contribution.objects.none()
    return Contribution.objects.filter(community_id__in=reader.curator_community_ids)


def inbox_listing(user, *, status: str = "", query: str = "", community: str = ""):
    """The inbox rows for a user, filtered by status, community and a search for words."""
    rows = visible_contributions(user).select_related("community", "language").prefetch_related("files")
    if status in ContributionStatus.values:
        rows = rows.filter(status=status)
    if community.isdigit():
        rows = rows.filter(community_id=int(community))
    for word in query.split()[:10]:
        rows = rows.filter(
            Q(title__icontains=word)
            | Q(text__icontains=word)
            | Q(reference__icontains=word)
            | Q(full_name__icontains=word)
            | Q(pseudonym__icontains=word)
            | Q(email__icontains=word)
        )
    return rows


def open_for_review(contribution, user):
    """The first time a reviewer opens a received contribution, it is 'in review'."""
    from wagtail.log_actions import log

    if contribution.status != ContributionStatus.RECEIVED:
        return False
    updated = Contribution.objects.filter(pk=contribution.pk, status=ContributionStatus.RECEIVED).update(
        status=ContributionStatus.IN_REVIEW
    )
    if updated:
        contribution.status = ContributionStatus.IN_REVIEW
        log(contribution, "contributions.in_review", user=user)
    return bool(updated)
