"""What follows a page going live, in one fixed order, however it went live.

Wagtail sends ``page_published`` for the Publish button, the workflow's last approval,
scheduled publishing and ``revision.publish()`` from code. Three things follow, and their
order matters:

1. ``guard``: the consent check (editorial.services.consent) may take the page straight
   offline again, since only the button and the workflow check consent beforehand;
2. ``index``: the search outbox queues the page's documents (they are built from the
   page's state when sent, after commit, so a reversed publication is sent as removed);
3. ``notify``: the sender of the contribution the page was made from is told it is
   online, only when it still is, so a reversed publication mails nobody and leaves the
   notice unsent for the publication that does stand.

They used to be three receivers, run in the order their apps are listed in
INSTALLED_APPS, and the e-mail went out for a page the guard had just taken offline.
This is the project's only ``page_published`` receiver; the steps are plain functions.
"""

from __future__ import annotations


def guard(page) -> bool:
    """Whether the publication stands (False: it went against the consent and was reversed)."""
    from editorial.services.consent import reverse_publication_against_consent

    return reverse_publication_against_consent(page) is None


def index(page) -> None:
    from search.signals import queue_page

    queue_page(page)


def notify(page) -> None:
    from contributions.signals import notify_sender_on_publish

    notify_sender_on_publish(page)


def run(page) -> None:
    """The steps in order; `notify` only for a publication that stands."""
    stands = guard(page)
    index(page)
    if stands and page.live:
        notify(page)


def on_page_published(sender, instance, **kwargs):
    run(instance)
