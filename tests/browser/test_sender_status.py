"""In chromium: the sender follows the link in their receipt, corrects the text, and once
the story is online takes back online publication; the story goes offline at once."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.cache import cache

from contributions.models import ContributePage, Contribution
from contributions.services.notifications import send_receipt
from contributions.services.review import accept_contribution
from stories.models import StoryPage
from tests.contributions.factories import make_contribution
from tests.factories import CommunityIndexPageFactory, CommunityPageFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sent(home_page, settings, tmp_path):
    settings.CONTRIBUTIONS_UPLOADS_DIR = tmp_path / "contributions"
    cache.clear()
    index = CommunityIndexPageFactory(parent=home_page, show_in_menus=True)
    community = CommunityPageFactory(parent=index, title="Kaapverdianen", slug="kaapverdianen")
    community.refresh_from_db()
    home_page.add_child(
        instance=ContributePage(
            title="Bijdragen", slug="bijdragen", consent_text="<p>Ja.</p>", consent_text_version="1"
        )
    )
    curator = UserFactory(username="curator", groups=[community.curator_group])
    contribution = make_contribution(
        community, title="De kolenkit", text="Mijn opa droeg kolen.", email="kleinzoon@example.org"
    )
    send_receipt(contribution)
    return contribution, curator


def _link(message) -> str:
    found = re.search(r"https?://\S+/status/\?t=\S+", message.body)
    assert found, message.body
    parts = urlsplit(found.group(0))
    return f"{parts.path}?{parts.query}"


def test_the_sender_corrects_and_then_takes_back_online_publication(page, live_server, sent):
    contribution, curator = sent
    [receipt] = mail.outbox
    status_url = live_server.url + _link(receipt)

    page.goto(status_url)
    assert page.locator("#status").get_attribute("data-status") == "received"
    page.fill("#id_text", "Mijn opa droeg kolen op Katendrecht, elke dag.")
    page.locator("#correct-form button[type=submit]").click()
    page.locator("#status-done").wait_for()
    contribution.refresh_from_db()
    assert contribution.text == "Mijn opa droeg kolen op Katendrecht, elke dag."

    # The curators accept it and it is published (the workflow is tested elsewhere).
    story = accept_contribution(contribution, curator)
    story.save_revision().publish()
    story = StoryPage.objects.get(pk=story.pk)
    assert "Katendrecht, elke dag" in str(story.body)
    assert page.request.get(live_server.url + story.url).status == 200

    page.goto(status_url)
    assert page.locator("#status").get_attribute("data-status") == "published"
    assert page.locator("#correct-form").count() == 0  # accepted: no more corrections here
    page.uncheck("input[name=uses][value=online]")
    page.locator("#consent-submit").click()
    page.locator("#status-done").wait_for()

    assert page.locator("#status").get_attribute("data-status") == "offline"
    assert page.request.get(live_server.url + story.url).status == 404
    story.refresh_from_db()
    assert not story.live
    assert Contribution.objects.get(pk=contribution.pk).consent_record.uses == ["exhibition"]
