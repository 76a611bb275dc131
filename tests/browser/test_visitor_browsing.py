"""A visitor finds a story by clicking, with the keyboard too, and reads it in English."""

import pytest

from stories.models import StoryNarrator
from tests.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    PersonFactory,
    StoryPageFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def published_story(home_page):
    index = CommunityIndexPageFactory(parent=home_page, show_in_menus=True)
    community = CommunityPageFactory(parent=index, title="Kaapverdianen", slug="kaapverdianen")
    story = StoryPageFactory(
        parent=community,
        title="De boot naar Rotterdam",
        summary="Hoe mijn vader in 1965 aanmonsterde.",
        pull_quote="Wij kwamen met niets dan een koffer.",
    )
    StoryNarrator.objects.create(
        story=story,
        person=PersonFactory(full_name="Echte Naam Verborgen", pseudonym="Nha Nina", name_display="pseudonym"),
    )
    StoryPageFactory(parent=community, title="Alleen voor leden", access_level="community")
    return story


def test_visitor_clicks_from_home_to_a_story_and_switches_to_english(page, live_server, published_story):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "nl"

    page.get_by_role("navigation").get_by_role("link", name="Gemeenschappen").first.click()
    page.get_by_role("link", name="Kaapverdianen").first.click()
    assert "Alleen voor leden" not in page.content()

    page.get_by_role("link", name="De boot naar Rotterdam").first.click()
    assert page.get_by_role("heading", level=1).inner_text().strip() == "De boot naar Rotterdam"
    body = page.content()
    assert "Wij kwamen met niets dan een koffer." in body
    assert "Nha Nina" in body
    assert "Echte Naam Verborgen" not in body

    page.get_by_role("link", name="English").first.click()
    page.wait_for_url("**/en/**")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text().strip() == "De boot naar Rotterdam"


def test_keyboard_user_can_skip_to_the_content(page, live_server, published_story):
    page.goto(live_server.url + published_story.url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert (
        page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        or page.evaluate("getComputedStyle(document.activeElement).boxShadow") != "none"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
