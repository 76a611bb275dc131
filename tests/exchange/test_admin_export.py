"""The admin's export: started by a curator or museum staff, progress, download, expiry."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from exchange.models import CommunityExport, ExportStatus
from exchange.services import delete_expired_exports
from tests.exchange.conftest import REAL_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_dir(settings, tmp_path):
    settings.PRIVATE_UPLOADS_DIR = tmp_path / "private"
    return settings.PRIVATE_UPLOADS_DIR


def test_a_curator_exports_their_community_and_downloads_the_zip(client, given, community_a, curator_a, private_dir):
    client.force_login(curator_a)
    page = client.get(reverse("exchange_admin:community", args=[community_a.pk]))
    assert page.status_code == 200
    assert "4 stories and 1 objects" in page.content.decode() or "4 verhalen" in page.content.decode()

    response = client.post(reverse("exchange_admin:start", args=[community_a.pk]))
    assert response.status_code == 302
    export = CommunityExport.objects.get()
    assert export.status == ExportStatus.DONE and export.requested_by == curator_a
    assert export.done == export.total > 0
    assert (private_dir / "exports" / export.file.name).is_file()

    progress = client.get(reverse("exchange_admin:progress", args=[export.pk])).json()
    assert progress["percent"] == 100 and progress["download_url"]

    download = client.get(progress["download_url"])
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert "no-store" in download["Cache-Control"]
    data = b"".join(download.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "manifest.json" in archive.namelist()
        assert REAL_NAME.encode() not in archive.read("people.json")
    actions = set(PageLogEntry.objects.filter(page=community_a).values_list("action", flat=True))
    assert {"exchange.export_started", "exchange.export_downloaded"} <= actions


def test_the_progress_of_a_running_export_is_reported(client, community_a, curator_a, private_dir):
    export = CommunityExport.objects.create(
        community=community_a, requested_by=curator_a, status=ExportStatus.RUNNING, done=30, total=120
    )
    client.force_login(curator_a)
    state = client.get(reverse("exchange_admin:progress", args=[export.pk])).json()
    assert state == {
        "status": "running", "status_label": state["status_label"], "done": 30, "total": 120, "percent": 25,
        "download_url": None,
    }  # fmt: skip
    page = client.get(reverse("exchange_admin:community", args=[community_a.pk])).content.decode()
    assert 'value="25"' in page and "30/120" in page
    assert client.get(reverse("exchange_admin:download", args=[export.pk])).status_code == 404


def test_exports_older_than_the_setting_are_deleted_with_their_file(
    client, given, community_a, curator_a, private_dir, settings
):
    client.force_login(curator_a)
    client.post(reverse("exchange_admin:start", args=[community_a.pk]))
    export = CommunityExport.objects.get()
    path = private_dir / "exports" / export.file.name
    CommunityExport.objects.filter(pk=export.pk).update(created_at=timezone.now() - timedelta(days=8))
    settings.EXPORT_KEEP_DAYS = 7
    assert delete_expired_exports() == 1
    assert not path.exists() and not CommunityExport.objects.exists()


def test_the_export_command_writes_the_same_archive_format(given, community_a, tmp_path):
    from django.core.management import call_command

    output = tmp_path / "out.zip"
    call_command("export_community", "kaapverdianen", output=str(output))
    with zipfile.ZipFile(output) as archive:
        assert archive.testzip() is None
        assert "manifest.json" in archive.namelist()


def test_the_export_command_names_the_known_communities_for_an_unknown_slug(community_a):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="Known: kaapverdianen"):
        call_command("export_community", "nergens")
