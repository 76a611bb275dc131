"""Where consent evidence lives: outside the public uploads folder, with no public URL.

A signed consent form or a recording of verbal consent names a person; it must never be
reachable under UPLOADS_URL. Files go under PRIVATE_UPLOADS_DIR and are only handed out
by the admin's evidence view (editorial.views), which checks the user first.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.urls import reverse


class PrivateEvidenceStorage(FileSystemStorage):
    """File-system storage under PRIVATE_UPLOADS_DIR whose url() is the checked admin view."""

    # Read on every use (not cached like Django's), so a changed setting (tests) takes effect.
    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_UPLOADS_DIR)

    @property
    def location(self):
        import os

        return os.path.abspath(self.base_location)

    def url(self, name):
        from editorial.models import ConsentRecord

        record = ConsentRecord.objects.filter(evidence=name).only("pk").first()
        if record is None:
            raise ValueError("This file is not the evidence of a consent record.")
        return reverse("editorial_evidence", args=[record.pk])


def evidence_storage():
    """Callable for the FileField, so migrations do not freeze a path."""
    return PrivateEvidenceStorage()
