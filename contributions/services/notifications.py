"""E-mails to the sender: a receipt, a published notice, a decline with the curator's note.

Each goes only to an address the sender gave, in the site's default language, through
Django's e-mail backend. A failing mail server is logged and never undoes a contribution.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def _send(contribution, template, subject, page=None):
    if not contribution.email:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        # The page's address in the same language as the mail, whatever the admin user's.
        body = render_to_string(
            f"contributions/email/{template}.txt",
            {"contribution": contribution, "page_url": page.full_url if page else ""},
        )
        subject = str(subject) % {"reference": contribution.reference}
    try:
        send_mail(subject, body, None, [contribution.email])
    except Exception:  # a mail server outage must not undo the contribution or the decision
        logger.exception("Could not send %s e-mail for %s", template, contribution.reference)
        return False
    return True


def send_receipt(contribution):
    from django.utils.translation import gettext_lazy as _

    return _send(contribution, "receipt", _("We received your contribution (%(reference)s)"))


def send_published(contribution, page):
    from django.utils.translation import gettext_lazy as _

    return _send(contribution, "published", _("Your contribution is online (%(reference)s)"), page=page)


def send_declined(contribution):
    from django.utils.translation import gettext_lazy as _

    return _send(contribution, "declined", _("About your contribution (%(reference)s)"))
