"""Streaming and storage: large uploads go to disk hashed on arrival, oversize ones are
dropped while they arrive, and unclaimed files are cleaned up later."""

import hashlib
import os
import time

import pytest

from contributions.models import Contribution
from contributions.services.uploads import delete_orphan_blobs
from tests.contributions import media
from tests.contributions.conftest import stored_files, upload
from tests.contributions.factories import make_contribution
from tests.contributions.test_submission import _errors, _post

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_disk(settings):
    """Every upload through the temporary-file handler, as large ones are in production."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0


def test_a_large_upload_is_hashed_while_it_arrives_and_moved_not_copied(
    client, contribute_page, form_data, contributions_dir, on_disk, monkeypatch
):
    from contributions.services import uploads

    wav = media.wav_bytes(seconds=3)
    reads = []
    original_chunks = type(upload("x", b"")).chunks

    def counting_chunks(self, *args, **kwargs):
        reads.append(self.name)
        return original_chunks(self, *args, **kwargs)

    monkeypatch.setattr("django.core.files.uploadedfile.TemporaryUploadedFile.chunks", counting_chunks)
    moved = []
    real_move = uploads.file_move_safe
    monkeypatch.setattr(uploads, "file_move_safe", lambda a, b: moved.append(a) or real_move(a, b))
    response = _post(client, contribute_page, form_data(), [upload("lang.wav", wav)])
    assert response.status_code == 302
    stored = Contribution.objects.get().files.get()
    assert stored.sha256 == hashlib.sha256(wav).hexdigest()
    assert len(moved) == 1 and reads == []  # never read again after it arrived
    assert (contributions_dir / stored.storage_name).read_bytes() == wav
    assert oct(os.stat(contributions_dir / stored.storage_name).st_mode & 0o777) == "0o640"


def test_a_file_beyond_every_limit_is_dropped_while_arriving(
    client, settings, contribute_page, form_data, contributions_dir, on_disk
):
    settings.CONTRIBUTION_MAX_BYTES = {"audio": 2000, "video": 3000, "image": 2000, "document": 2000}
    response = _post(client, contribute_page, form_data(), [upload("enorm.wav", media.wav_bytes(seconds=2))])
    assert "“enorm.wav” is larger than 2" in _errors(response)
    assert 'value="De boot naar Rotterdam"' in response.content.decode()  # fields after the file still arrive
    assert Contribution.objects.count() == 0
    assert stored_files(contributions_dir) == []


def test_orphans_are_removed_after_the_keep_time_and_used_files_stay(
    client, contribute_page, form_data, contributions_dir, community_a
):
    kept = make_contribution(community_a, files=[("blijft.wav", media.wav_bytes())])
    _post(client, contribute_page, form_data(title=""), [upload("wees.png", media.image_bytes("PNG"))])
    assert len(stored_files(contributions_dir)) == 2
    assert delete_orphan_blobs() == 0  # still claimable by the form that came back
    old = time.time() - 2 * 24 * 3600
    for path in stored_files(contributions_dir):
        os.utime(path, (old, old))
    assert delete_orphan_blobs() == 1
    assert stored_files(contributions_dir) == [contributions_dir / kept.files.get().storage_name]


def test_sending_the_form_cleans_up_unclaimed_files_at_most_once_per_interval(
    client, settings, contribute_page, form_data, contributions_dir, django_capture_on_commit_callbacks
):
    """No cron job: a successful sending queues the clean-up (a django-tasks task; run at
    once here, by `db_worker` in production), once per CONTRIBUTION_CLEANUP_INTERVAL_SECONDS."""
    from django.core.cache import cache

    from contributions.tasks import CLEANUP_DUE_KEY

    cache.delete(CLEANUP_DUE_KEY)
    settings.CONTRIBUTION_CLEANUP_INTERVAL_SECONDS = 3600
    old = time.time() - 2 * 24 * 3600

    def leave_an_unclaimed_file(name):
        image = media.image_bytes("PNG", colour=(len(name), 1, 2))
        assert _post(client, contribute_page, form_data(title=""), [upload(name, image)]).status_code == 200
        newest = max(stored_files(contributions_dir), key=lambda path: path.stat().st_mtime)
        os.utime(newest, (old, old))
        return newest

    def send(title, files=()):
        with django_capture_on_commit_callbacks(execute=True):  # queued when the save commits
            return _post(client, contribute_page, form_data(title=title), files)

    forgotten = leave_an_unclaimed_file("vergeten.png")
    response = send("Een", [upload("een.wav", media.wav_bytes())])
    assert response.status_code == 302
    assert not forgotten.exists()
    sent = contributions_dir / Contribution.objects.get(title="Een").files.get().storage_name
    assert sent.exists()

    later = leave_an_unclaimed_file("later.png")
    assert send("Twee").status_code == 302
    assert later.exists()  # the interval has not passed: not cleaned again yet
    cache.delete(CLEANUP_DUE_KEY)  # ... and now it has
    assert send("Drie").status_code == 302
    assert not later.exists() and sent.exists()
