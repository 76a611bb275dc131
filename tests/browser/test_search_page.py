"""A visitor searches: picks a suggestion with the keyboard, and narrows results with a facet."""

import re

import pytest

from tests.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    HeritageObjectPageFactory,
    StoryPageFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def collection(home_page):
    index = CommunityIndexPageFactory(parent=home_page, show_in_menus=True)
    community = CommunityPageFactory(parent=index, title="Kaapverdianen", slug="kaapverdianen")
    story = StoryPageFactory(
        parent=community,
        title="De boot naar Rotterdam",
        summary="Hoe mijn vader in 1965 aanmonsterde.",
    )
    StoryPageFactory(parent=community, title="Brieven naar São Vicente", summary="Post van thuis.")
    HeritageObjectPageFactory(parent=community, title="Koffer van mijn vader", summary="Een houten koffer.")
    StoryPageFactory(parent=community, title="Boottocht voor leden", access_level="community")
    return {"story": story, "community": community}


def _count(page):
    return page.locator("#search-results-title").inner_text().strip()


def test_visitor_picks_a_suggestion_with_the_keyboard(page, live_server, collection):
    page.goto(live_server.url + "/search/")
    field = page.get_by_role("combobox", name="Zoek in verhalen en objecten")
    assert field.get_attribute("aria-expanded") == "false"

    field.press_sequentially("boo", delay=50)
    listbox = page.get_by_role("listbox")
    listbox.wait_for(state="visible")
    assert field.get_attribute("aria-expanded") == "true"
    assert field.get_attribute("aria-controls") == listbox.get_attribute("id")
    options = listbox.get_by_role("option")
    assert options.count() == 1  # the members-only "Boottocht" is not suggested to a visitor
    assert "De boot naar Rotterdam" in options.first.inner_text()
    assert "Verhaal" in options.first.inner_text()

    field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"

    field.press("Enter")
    page.wait_for_url(re.compile(r".*/kaapverdianen/de-boot-naar-rotterdam/$"))
    assert page.get_by_role("heading", level=1).inner_text().strip() == "De boot naar Rotterdam"


def test_escape_closes_the_suggestions_and_keeps_the_text(page, live_server, collection):
    page.goto(live_server.url + "/en/search/")
    field = page.get_by_role("combobox", name="Search stories and objects")
    field.press_sequentially("boo", delay=50)
    page.get_by_role("listbox").wait_for(state="visible")
    assert "Story" in page.get_by_role("option").first.inner_text()  # the kind in English
    field.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("listbox").is_hidden()
    assert field.input_value() == "boo"


def test_visitor_narrows_the_results_with_a_facet(page, live_server, collection):
    page.goto(live_server.url + "/search/")
    assert _count(page) == "Alles: 4 items, nieuwste eerst"  # three readable pages and the community

    filters = page.get_by_role("complementary")
    filters.get_by_role("link", name=re.compile(r"^Erfgoedobject \(\s*1\s*\)")).click()
    page.wait_for_url(re.compile(r".*[?&]kind=object(&|$)"))
    assert _count(page) == "1 resultaat"
    selected = filters.get_by_role("link", name=re.compile(r"^Erfgoedobject .*gekozen"))
    assert selected.get_attribute("href") == "?"  # clicking it again removes the filter
    results = page.locator("#search-results")
    assert results.get_by_role("link", name="Koffer van mijn vader").is_visible()
    assert results.get_by_role("link", name="De boot naar Rotterdam").count() == 0

    # A new text search keeps the filter; removing it brings the rest back.
    field = page.get_by_role("combobox", name="Zoek in verhalen en objecten")
    field.fill("koffer")
    field.press("Enter")
    page.wait_for_url(re.compile(r".*q=koffer.*"))
    assert "kind=object" in page.url
    assert _count(page) == "1 resultaat voor “koffer”"

    page.get_by_role("link", name=re.compile("Soort: Erfgoedobject")).click()
    page.wait_for_url(re.compile(r".*\?q=koffer$"))
    assert "kind=" not in page.url
