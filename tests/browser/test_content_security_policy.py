"""The Content-Security-Policy in a real browser: the player, the search page and its
suggestions work with the policy on, and the browser reports no refusal ("Refused to ...")
and no script error while a visitor uses them.

Violations are collected twice: from the console (Chromium logs each refusal as an error)
and from the `securitypolicyviolation` event, listened to by a script Playwright adds before
any of the page's own (such a script is not subject to the page's policy).
"""

import re

import pytest

from tests.browser.test_player import segment, wait_for_time
from tests.browser.test_player import story as story  # noqa: F401 (fixture)
from tests.browser.test_player import wav_path as wav_path  # noqa: F401 (fixture)
from tests.factories import StoryPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTEN = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(
        e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});
"""


class Problems:
    """Everything the browser complained about on one page (console errors, uncaught
    exceptions, CSP violations)."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(LISTEN)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console.append(f"uncaught: {error}"))

    def _console(self, message):
        if message.type != "error":
            return
        where = (message.location or {}).get("url", "")
        if where.endswith("/favicon.ico"):  # the site has none; the browser asks anyway
            return
        self.console.append(f"{message.text} ({where})")

    def all(self):
        violations = self.page.evaluate("window.__cspViolations || []")
        return self.console + [f"CSP: {v}" for v in violations]

    def assert_none(self):
        found = self.all()
        assert found == [], "\n".join(found)


def header_of(response):
    return response.headers.get("content-security-policy", "")


def test_the_player_works_under_the_policy(page, live_server, story):  # noqa: F811
    problems = Problems(page)
    response = page.goto(f"{live_server.url}{story.url}?t=0:19")
    assert "script-src 'self'" in header_of(response)
    wait_for_time(page, 19)
    assert page.locator("[data-player-ready]").count() == 1  # player.js ran
    segment(page, "Kolenkit").click()
    wait_for_time(page, 30, playing_until=39.5)
    assert segment(page, "Kolenkit").get_attribute("aria-current") == "true"
    problems.assert_none()


def test_search_and_suggestions_work_under_the_policy(page, live_server, home_page):
    from tests.factories import CommunityIndexPageFactory, CommunityPageFactory

    index = CommunityIndexPageFactory(parent=home_page, show_in_menus=True)
    community = CommunityPageFactory(parent=index, title="Kaapverdianen", slug="kaapverdianen")
    StoryPageFactory(parent=community, title="De boot naar Rotterdam", summary="Hoe mijn vader aanmonsterde.")

    problems = Problems(page)
    response = page.goto(live_server.url + "/search/?q=boot")
    assert "script-src 'self'" in header_of(response)
    assert "De boot naar Rotterdam" in page.locator("main").inner_text()

    field = page.get_by_role("combobox", name="Zoek in verhalen en objecten")
    field.fill("")
    field.press_sequentially("boo", delay=50)
    option = page.get_by_role("listbox").get_by_role("option").first
    option.wait_for(state="visible")  # search.js fetched /search/autocomplete/ (connect-src 'self')
    field.press("ArrowDown")
    field.press("Enter")
    page.wait_for_url(re.compile(r".*/kaapverdianen/de-boot-naar-rotterdam/$"))
    problems.assert_none()


def test_the_checker_sees_a_violation(page, live_server, home_page):
    """The check can fail: an inline script on a page under the policy is reported."""
    problems = Problems(page)
    page.goto(live_server.url + "/search/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.ran = 1\">')")
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert any("script-src" in problem for problem in problems.all())
    assert page.evaluate("window.ran") is None
