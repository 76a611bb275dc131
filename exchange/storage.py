"""Where finished exports wait to be downloaded: private, never under a public URL.

An export holds a community's restricted stories and consent records; it lives under
PRIVATE_UPLOADS_DIR/exports and is handed out only by the admin's download view
(exchange.admin_views), which checks the user first.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateExportStorage(FileSystemStorage):
    # Read on every use (not cached like Django's), so a changed setting (tests) takes effect.
    @property
    def base_location(self):
        return os.path.join(settings.PRIVATE_UPLOADS_DIR, "exports")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Exports have no URL; the admin's download view hands them out.")


def export_storage():
    """Callable for the FileField, so migrations do not freeze a path."""
    return PrivateExportStorage()
