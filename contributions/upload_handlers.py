"""An upload handler that hashes files while they arrive and drops the hopelessly large.

Django's TemporaryFileUploadHandler already writes uploads to a temporary file in
chunks; this one also keeps a running sha256, so storing the file later is a move,
not a second read, and stops writing a file as soon as it is larger than any kind of
contribution may be (the rest of that file is read from the socket and discarded, and
the form says which file was too large).
"""

import hashlib

from django.conf import settings
from django.core.files.uploadhandler import SkipFile, TemporaryFileUploadHandler


def hard_file_limit() -> int:
    """No single file may be larger than the largest per-kind limit."""
    return max(settings.CONTRIBUTION_MAX_BYTES.values())


class HashingTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.sha256 = hashlib.sha256()
        self.received = 0
        self.limit = hard_file_limit()

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            skipped = getattr(self.request, "skipped_uploads", [])
            skipped.append((self.file_name, self.received))
            self.request.skipped_uploads = skipped
            raise SkipFile
        self.sha256.update(raw_data)
        return super().receive_data_chunk(raw_data, start)

    def file_complete(self, file_size):
        uploaded = super().file_complete(file_size)
        if uploaded is not None:
            uploaded.sha256 = self.sha256.hexdigest()
        return uploaded
