"""Private, content-addressed storage for contributed files.

Files live under CONTRIBUTIONS_UPLOADS_DIR, named by their sha256, so the same file
sent twice is stored once. There is no public URL: the inbox serves them through
contributions.admin_views.serve_file after checking who asks.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class ContributionStorage(FileSystemStorage):
    """File-system storage whose location follows the setting (tests move it) and has no URL."""

    def __init__(self):
        super().__init__(location=str(settings.CONTRIBUTIONS_UPLOADS_DIR), base_url=None)

    def url(self, name):
        raise NotImplementedError("Contributed files have no public URL; use the inbox's file view.")


def contribution_storage() -> ContributionStorage:
    return ContributionStorage()


def blob_name(sha256: str) -> str:
    """Where the bytes with this hash live, relative to the storage root."""
    return f"blobs/{sha256[:2]}/{sha256[2:4]}/{sha256}"
