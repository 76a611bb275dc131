"""Controlled vocabularies used by stories and objects; values are stored, labels translated.

The access levels are core.choices.AccessLevel: the access rule below every app reads them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NameDisplay(models.TextChoices):
    FULL = "full", _("Full name")
    PSEUDONYM = "pseudonym", _("Pseudonym")
    ANONYMOUS = "anonymous", _("Anonymous")


class Licence(models.TextChoices):
    """Creative Commons licences and RightsStatements.org statements, stored as their URIs."""

    CC0 = "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"
    CC_BY = "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"
    CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0"
    CC_BY_NC = "https://creativecommons.org/licenses/by-nc/4.0/", "CC BY-NC 4.0"
    CC_BY_NC_SA = "https://creativecommons.org/licenses/by-nc-sa/4.0/", "CC BY-NC-SA 4.0"
    CC_BY_ND = "https://creativecommons.org/licenses/by-nd/4.0/", "CC BY-ND 4.0"
    CC_BY_NC_ND = "https://creativecommons.org/licenses/by-nc-nd/4.0/", "CC BY-NC-ND 4.0"
    RS_INC = "http://rightsstatements.org/vocab/InC/1.0/", _("In copyright")
    RS_INC_EDU = (
        "http://rightsstatements.org/vocab/InC-EDU/1.0/",
        _("In copyright, educational use permitted"),
    )
    RS_INC_NC = (
        "http://rightsstatements.org/vocab/InC-NC/1.0/",
        _("In copyright, non-commercial use permitted"),
    )
    RS_NOC_US = "http://rightsstatements.org/vocab/NoC-US/1.0/", _("No copyright, United States")
    RS_CNE = "http://rightsstatements.org/vocab/CNE/1.0/", _("Copyright not evaluated")
    RS_UND = "http://rightsstatements.org/vocab/UND/1.0/", _("Copyright undetermined")


class ObjectStatus(models.TextChoices):
    OFFERED = "offered", _("Offered")
    BROUGHT = "brought", _("Brought to the depot")
    REGISTERED = "registered", _("Registered in the catalogue")
    ON_LOAN = "on_loan", _("On loan")
    DONATED = "donated", _("Donated")
    RETURNED = "returned", _("Returned")
