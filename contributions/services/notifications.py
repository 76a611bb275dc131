"""E-mails to the sender: a receipt, a published notice, a decline with the curator's note.

Each goes only to an address the sender gave, in the language the sender used the form
in (Contribution.sender_language; the site's default for contributions from before it was
recorded), through Django's e-mail backend. Mails to the curators are in the site's
language. A failing mail server is logged and never undoes a contribution.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def _send(contribution, template, subject, page=None, *, to=None, status_link=False, extra=None):
    recipients = to if to is not None else ([contribution.email] if contribution.email else [])
    if not recipients:
        return False
    language = settings.LANGUAGE_CODE
    if to is None and contribution.sender_language in dict(settings.LANGUAGES):
        language = contribution.sender_language
    with translation.override(language):
        # The page's address in the same language as the mail, whatever the admin user's.
        context = {"contribution": contribution, "page_url": page.full_url if page else "", **(extra or {})}
        if status_link:  # a new private link in every mail to the sender that offers one
            from contributions.services.sender_links import issue, status_url

            context["status_url"] = status_url(issue(contribution))
        body = render_to_string(f"contributions/email/{template}.txt", context)
        subject = str(subject) % {"reference": contribution.reference}
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # a mail server outage must not undo the contribution or the decision
        logger.exception("Could not send %s e-mail for %s", template, contribution.reference)
        return False
    return True


def send_receipt(contribution):
    from django.utils.translation import gettext_lazy as _

    return _send(contribution, "receipt", _("We received your contribution (%(reference)s)"), status_link=True)


def send_changes_asked(contribution):
    """The curators ask the sender to change something; the message and a link to correct it."""
    from django.utils.translation import gettext_lazy as _

    return _send(
        contribution, "changes_asked", _("A question about your contribution (%(reference)s)"), status_link=True
    )


def send_change_request(contribution, message: str):
    """The sender asks the curators to change something in what is published."""
    from django.utils.translation import gettext_lazy as _

    return _send_to_curators(
        contribution, "curators_change_request", _("%(reference)s: the sender asks for a change"), message=message
    )


def send_status_link(contribution):
    """A new private link to the status page, asked for with the reference number."""
    from django.utils.translation import gettext_lazy as _

    return _send(contribution, "status_link", _("Your link for %(reference)s"), status_link=True)


def tell_curators(contribution, what: str):
    """The community's curators hear that the sender corrected the text or changed the consent."""
    from django.utils.translation import gettext_lazy as _

    subjects = {
        "corrected": _("%(reference)s: the sender corrected the text"),
        "consent": _("%(reference)s: the sender changed their consent"),
        "files": _("%(reference)s: the sender changed the files"),
    }
    return _send_to_curators(contribution, f"curators_{what}", subjects[what])


def _send_to_curators(contribution, template, subject, **extra):
    group = getattr(contribution.community.specific, "curator_group", None)
    to = sorted(
        set(group.user_set.filter(is_active=True).exclude(email="").values_list("email", flat=True)) if group else ()
    )
    return _send(contribution, template, subject, to=to, extra=extra)


def send_published(contribution, page):
    from django.utils.translation import gettext_lazy as _

    return _send(
        contribution, "published", _("Your contribution is online (%(reference)s)"), page=page, status_link=True
    )


def send_declined(contribution):
    from django.utils.translation import gettext_lazy as _

    return _send(contribution, "declined", _("About your contribution (%(reference)s)"), status_link=True)
