"""End to end in chromium: a member sends a story with a recording and a photo; the
community's curator accepts it in the admin inbox and approves it (curator step and
consent check); museum staff approve; the story is on the community page, found by
search, and the sender has the 'published' e-mail."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import translation

from contributions.models import ContributePage, Contribution
from stories.models import StoryPage
from tests.contributions import media
from tests.factories import CommunityIndexPageFactory, CommunityPageFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
TITLE = "De kolenkit van mijn opa"


@pytest.fixture
def site(home_page, settings, tmp_path):
    from django.contrib.auth.models import Group

    settings.CONTRIBUTIONS_UPLOADS_DIR = tmp_path / "contributions"
    cache.clear()
    index = CommunityIndexPageFactory(parent=home_page, show_in_menus=True)
    community = CommunityPageFactory(parent=index, title="Kaapverdianen", slug="kaapverdianen")
    community.refresh_from_db()
    home_page.add_child(
        instance=ContributePage(
            title="Bijdragen",
            slug="bijdragen",
            consent_text="<p>Ik geef het museum toestemming om mijn verhaal te gebruiken.</p>",
            consent_text_version="2026-1",
        )
    )
    curator = UserFactory(username="curator", groups=[community.curator_group])
    staff = UserFactory(username="museum", groups=[Group.objects.get(name="Museum staff")])
    member = UserFactory(username="member", groups=[community.member_group])
    return community, curator, staff, member


def _admin_login(page, base, user):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))


def _task_states(story):
    from wagtail.models import TaskState

    return list(
        TaskState.objects.filter(workflow_state__object_id=str(story.pk))
        .order_by("pk")
        .values_list("task__name", "status")
    )


def _approve(page, base, story):
    """Open the editor, click the plain Approve workflow action, wait until it is recorded."""
    before = _task_states(story)
    page.goto(base + f"/admin/pages/{story.pk}/edit/")
    button = page.locator('button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])').first
    try:
        button.wait_for(state="attached")
    except Exception:
        page.screenshot(path="/tmp/contribution-flow-approve.png", full_page=True)
        raise AssertionError(f"no Approve button for {page.url}; task states {before}") from None
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle'], footer .w-dropdown__toggle").first.click()
    button.click()
    for _ in range(100):
        if _task_states(story) != before:
            break
        page.wait_for_timeout(200)
    after = _task_states(story)
    assert after != before, f"approval not recorded: {after}"
    return after


def test_member_sends_curator_accepts_museum_approves_story_is_public(page, live_server, site, chromium):
    community, curator, staff, member = site
    base = live_server.url

    # 1. A community member sends a story with a recording and a photo.
    page.goto(base + "/account/login/")
    page.fill("#id_username", member.username)
    page.fill("#id_password", PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.goto(base + "/bijdragen/")
    page.select_option("select[name=community]", label="Kaapverdianen")
    page.check("input[name=kind][value=story]")
    page.fill("input[name=title]", TITLE)
    page.fill("textarea[name=text]", "Mijn opa droeg kolen op Katendrecht.\n\nDeze kit gebruikte hij elke dag.")
    page.select_option("select[name=language]", value=str(_language_pk("nl")))
    page.set_input_files(
        "input[name=files]",
        files=[
            {"name": "opa vertelt.wav", "mimeType": "audio/wav", "buffer": media.wav_bytes(seconds=2)},
            {"name": "kolenkit.jpg", "mimeType": "image/jpeg", "buffer": media.image_bytes(size=(320, 240))},
        ],
    )
    page.check("input[name=name_display][value=pseudonym]")
    page.fill("input[name=full_name]", "Echte Naam Verborgen")
    page.fill("input[name=pseudonym]", "Nha Djuzé")
    page.fill("input[name=email]", "kleinzoon@example.org")
    page.check("input[name=consent_uses][value=online]")
    page.select_option("select[name=licence]", value="https://creativecommons.org/licenses/by-nc/4.0/")
    page.check("input[name=consent_agreed]")
    page.get_by_role("button", name=re.compile("Send my contribution|Verstuur")).click()
    reference = page.locator("#reference").inner_text().strip()
    assert re.fullmatch(r"BK-\d{4}-\d{6}", reference)
    assert [m.to for m in mail.outbox] == [["kleinzoon@example.org"]]  # the receipt
    contribution = Contribution.objects.get(reference=reference)

    # 2. The curator finds it in the inbox, hears and sees the files, and accepts it.
    curator_page = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    curator_page.set_default_timeout(20_000)
    _admin_login(curator_page, base, curator)
    curator_page.goto(base + "/admin/contributions/")
    curator_page.get_by_role("link", name=TITLE).click()
    audio_src = curator_page.locator("audio").get_attribute("src")
    assert curator_page.evaluate("async (src) => (await fetch(src)).status", audio_src) == 200
    curator_page.wait_for_function("document.querySelector('img[src*=\"/files/\"]').naturalWidth === 320")
    curator_page.get_by_role("button", name=re.compile("^(Accept|Aannemen)$")).click()
    curator_page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    story = StoryPage.objects.get(title=TITLE)
    assert not story.live

    # 3. The curator approves (their step), then the consent check.
    _approve(curator_page, base, story)
    states = _approve(curator_page, base, story)
    assert [status for _name, status in states] == ["approved", "approved", "in_progress"], states
    curator_page.context.close()

    # 4. Museum staff approve: the story is published.
    staff_page = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    staff_page.set_default_timeout(20_000)
    _admin_login(staff_page, base, staff)
    _approve(staff_page, base, story)
    staff_page.context.close()
    story.refresh_from_db()
    assert story.live

    # 5. Anyone sees it on the community page and finds it by search, under the pseudonym.
    visitor = chromium.new_context(locale="nl-NL").new_page()
    visitor.goto(base + community.url)
    assert TITLE in visitor.content()
    visitor.goto(base + "/search/?q=kolenkit")
    # The hit's title marks the matched word, so look for the link by its accessible name.
    assert visitor.get_by_role("link", name=TITLE).count() >= 1
    visitor.goto(base + story.url)
    body = visitor.content()
    assert "Nha Djuzé" in body and "Echte Naam Verborgen" not in body
    visitor.context.close()

    # 6. The sender was told it is online.
    to_sender = [m for m in mail.outbox if m.to == ["kleinzoon@example.org"]]
    assert len(to_sender) == 2  # the receipt and the published notice, nothing else
    with translation.override("nl"):  # the mail is in the site's default language
        story_url = story.full_url
    assert story_url in to_sender[1].body and reference in to_sender[1].subject
    contribution.refresh_from_db()
    assert contribution.status == "accepted" and contribution.published_notice_sent_at is not None


def _language_pk(code):
    from stories.models import Language

    return Language.objects.get(code=code).pk
