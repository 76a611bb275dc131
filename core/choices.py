"""Vocabularies more than one layer reads: stored values, translated labels.

``AccessLevel`` lives here, not in stories, because the access rule (core.access) is
written in its terms and sits below every app; stories stores it on its pages.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessLevel(models.TextChoices):
    PUBLIC = "public", _("Public: everyone")
    COMMUNITY = "community", _("Community: members of the community")
    STAFF = "staff", _("Staff: museum staff and the community's curators")
