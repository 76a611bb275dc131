"""Museum staff link a story to a depot item in the admin, through the chooser, and the public sees it."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from core.access import MUSEUM_STAFF_GROUP
from tests.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    DepotIndexPageFactory,
    DepotItemFactory,
    StoryPageFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site(home_page):
    index = CommunityIndexPageFactory(parent=home_page, show_in_menus=True)
    community = CommunityPageFactory(parent=index, title="Kaapverdianen", slug="kaapverdianen")
    depot = DepotIndexPageFactory(parent=home_page, show_in_menus=True)
    story = StoryPageFactory(parent=community, title="De koffer van oma", summary="Over een koffer uit Praia.")
    story.save_revision().publish()
    koffer = DepotItemFactory(inventory_number="BK-1975-0042", title="Hutkoffer", maker="Onbekend")
    DepotItemFactory(inventory_number="BK-1975-0043", title="Draagdoek")
    DepotItemFactory(inventory_number="TM-3012", title="Koekenpan")
    staff = UserFactory(username="conservator", groups=[Group.objects.get(name=MUSEUM_STAFF_GROUP)])
    return {"story": story, "item": koffer, "depot": depot, "staff": staff, "community": community}


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form button[type="submit"]').first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))


def test_staff_link_a_story_through_the_chooser_and_the_item_page_shows_it(page, live_server, site):
    base = live_server.url
    story, item = site["story"], site["item"]
    log_in(page, base, "conservator")

    page.goto(f"{base}/admin/pages/{story.pk}/edit/")
    page.locator("#id_depot_links-ADD").click()
    form = page.locator("#inline_child_depot_links-0")
    form.locator("[data-chooser-action-choose]").click()

    modal = page.locator(".modal-dialog")
    search = modal.locator('input[name="q"]')
    search.wait_for(state="visible")
    # one input event: with a keystroke per character, Wagtail's search sends a request
    # per pause and a slow answer for "BK-1975-004" can land after the last one
    search.fill("BK-1975-0042")
    # the typed number narrows the list (of all three items) to the one item
    expect(modal.locator("a[data-chooser-modal-choice]")).to_have_count(1, timeout=20_000)
    choice = modal.locator("a[data-chooser-modal-choice]", has_text="Hutkoffer")
    choice.click()
    modal.wait_for(state="hidden")
    assert "Hutkoffer" in form.inner_text()

    form.locator('select[name="depot_links-0-relation"]').select_option("family")
    form.locator('input[name="depot_links-0-note"]').fill("De koffer van oma, uit Praia")

    publish = page.locator('button[name="action-publish"]')
    if not publish.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first.click()
    publish.click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/(edit/)?$"))

    link = story.depot_links.model.objects.get(story=story)
    assert (link.depot_item_id, link.relation, link.note) == (item.pk, "family", "De koffer van oma, uit Praia")

    visitor = page.context.browser.new_context()
    try:
        public = visitor.new_page()
        public.goto(f"{base}/depot/{item.url_key}/")
        assert public.get_by_role("heading", level=1).inner_text().strip() == "Hutkoffer"
        assert public.locator("#linked-stories-title").is_visible()
        assert "De koffer van oma" in public.locator(".related").inner_text()
        assert "Kaapverdianen" in public.locator(".related").inner_text()
    finally:
        visitor.close()
