"""A curator exports their community in the admin: the progress bar follows the export,
the Download button appears when it is done, and the zip arrives."""

import io
import re
import zipfile

import pytest
from playwright.sync_api import expect

from exchange.models import CommunityExport, ExportStatus
from tests.factories import CommunityIndexPageFactory, CommunityPageFactory, StoryPageFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site(home_page, settings, tmp_path):
    settings.PRIVATE_UPLOADS_DIR = tmp_path / "private"
    index = CommunityIndexPageFactory(parent=home_page, show_in_menus=True)
    community = CommunityPageFactory(parent=index, title="Kaapverdianen", slug="kaapverdianen")
    community.refresh_from_db()
    StoryPageFactory(parent=community, title="Het lied van de overtocht").save_revision().publish()
    curator = UserFactory(username="curator", groups=[community.curator_group])
    return {"community": community, "curator": curator}


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form button[type="submit"]').first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))


def test_the_progress_bar_follows_a_running_export_and_the_download_arrives(page, live_server, site):
    base, community = live_server.url, site["community"]
    running = CommunityExport.objects.create(
        community=community, requested_by=site["curator"], status=ExportStatus.RUNNING, done=1, total=4
    )
    log_in(page, base, "curator")
    page.get_by_role("link", name="Een gemeenschap exporteren").click()
    page.get_by_role("link", name="Kaapverdianen").click()

    row = page.locator(f'[data-export-progress$="/{running.pk}/progress/"]')
    expect(row.locator("progress")).to_have_attribute("value", "25")
    expect(row).to_contain_text("1/4")
    CommunityExport.objects.filter(pk=running.pk).update(done=3)
    expect(row).to_contain_text("3/4")  # the bar asks again by itself
    expect(row.locator("[data-export-download]")).to_be_hidden()

    page.get_by_role("button", name="Een nieuwe export starten").click()
    expect(page.get_by_text("is gestart")).to_be_visible()
    done = CommunityExport.objects.exclude(pk=running.pk).get()
    assert done.status == ExportStatus.DONE
    link = page.locator(f'[data-export-progress$="/{done.pk}/progress/"] [data-export-download]')
    with page.expect_download() as download_info:
        link.click()
    data = open(download_info.value.path(), "rb").read()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "manifest.json" in archive.namelist()
        assert any(name.startswith("stories/") for name in archive.namelist())
