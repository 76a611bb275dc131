"""Tell the sender when the page made from their contribution goes live (once), called
by the publish pipeline; let new curator groups edit the contribute page."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone


def notify_sender_on_publish(page):
    """The publish pipeline's notify stage (core/publishing.py), run only for a publication
    that stands; not a receiver, so it cannot run before the consent guard."""
    from contributions.models import Contribution
    from contributions.services.notifications import send_published

    pending = list(Contribution.objects.filter(page_id=page.pk, published_notice_sent_at__isnull=True))
    for contribution in pending:
        # Mark first, in the publishing transaction; mail after commit, so a rollback sends nothing.
        Contribution.objects.filter(pk=contribution.pk).update(published_notice_sent_at=timezone.now())
        transaction.on_commit(lambda c=contribution: send_published(c, page))


@receiver(post_save, sender=Group)
def let_new_curators_edit_the_contribute_page(sender, instance, created, raw=False, **kwargs):
    from contributions.services.editing import CURATOR_GROUP_SUFFIX, grant_curators_edit

    if created and not raw and instance.name.endswith(CURATOR_GROUP_SUFFIX):
        grant_curators_edit(groups=[instance])
