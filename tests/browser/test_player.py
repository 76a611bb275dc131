"""The player in a real browser: a segment click or Enter seeks, ?t= deep links set the time,
the spoken segment is marked, a clip stops at its end. Real 60 s WAV made by ffmpeg, served
through the access-checked uploads view (with Range support)."""

import os

import pytest
from django.core.files import File
from wagtail.models import Collection

from media import probe
from media.models import OralHistoryMedia
from media.transcript_service import import_transcript
from tests.factories import CommunityIndexPageFactory, CommunityPageFactory, PersonFactory, StoryPageFactory
from tests.media.conftest import make_wav

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEGMENT_STARTS = [0, 10, 20, 30, 40, 50]
WORDS = ["Aankomst", "Katendrecht", "Haven", "Kolenkit", "Bruiloft", "Afscheid"]


def _vtt():
    out = ["WEBVTT", ""]
    for start, word in zip(SEGMENT_STARTS, WORDS, strict=True):
        out += [
            f"00:{start:02d}.000 --> 00:{start + 9:02d}.500",
            f"<v Maria Lopes>{word}: een zin over {word.lower()}.",
            "",
        ]
    return "\n".join(out).encode()


@pytest.fixture(scope="module")
def wav_path(tmp_path_factory):
    if not probe.available():
        message = "ffmpeg not installed (Debian package ffmpeg)"
        if os.environ.get("CI") or os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return make_wav(tmp_path_factory.mktemp("player") / "interview.wav", 60)


@pytest.fixture
def story(home_page, wav_path):
    index = CommunityIndexPageFactory(parent=home_page, show_in_menus=True)
    community = CommunityPageFactory(parent=index, title="Kaapverdianen", slug="kaapverdianen")
    recording = OralHistoryMedia(
        title="Interview", type="audio", duration=60, collection=Collection.get_first_root_node()
    )
    with open(wav_path, "rb") as handle:
        recording.file.save("interview.wav", File(handle), save=False)
    recording.save()
    import_transcript(recording, _vtt(), "interview.vtt", language="nl")
    PersonFactory(full_name="Maria Lopes", pseudonym="Tia Maria", name_display="pseudonym")
    page = StoryPageFactory(parent=community, title="De kolenkit", main_media=recording)
    page.save_revision().publish()
    return page


def current_time(page):
    return page.evaluate("document.querySelector('#recording-media').currentTime")


def wait_for_time(page, seconds, playing_until=None):
    """Wait until the player is at `seconds`; a player that was told to play moves on, so
    then anywhere from `seconds` up to `playing_until` (the end of the chosen line) counts.
    On a timeout, say where the player was and what it could seek in."""
    upper = playing_until if playing_until is not None else seconds + 0.6
    # Predicates are functions, not bare expressions: Playwright evaluates a bare expression
    # with eval(), which the page's Content-Security-Policy refuses (no 'unsafe-eval').
    condition = (
        "() => { const m = document.querySelector('#recording-media');"
        f" return m.currentTime > {seconds - 0.6} && m.currentTime < {upper}; }}"
    )
    try:
        page.wait_for_function(condition, timeout=10_000)
    except Exception as error:
        state = page.evaluate(
            "(() => { const m = document.querySelector('#recording-media');"
            " const r = []; for (let i = 0; i < m.seekable.length; i++) r.push([m.seekable.start(i), m.seekable.end(i)]);"  # noqa: E501
            " return {currentTime: m.currentTime, readyState: m.readyState, networkState: m.networkState,"
            " paused: m.paused, seekable: r, error: m.error && m.error.code}; })()"
        )
        raise AssertionError(f"player never reached {seconds} s: {state}") from error


def segment(page, word):
    return page.locator(".transcript__segment", has_text=word)


def test_clicking_a_segment_seeks_the_player_there(page, live_server, story):
    page.goto(live_server.url + story.url)
    page.wait_for_function("() => document.querySelector('#recording-media').readyState >= 1")
    assert current_time(page) == 0
    segment(page, "Kolenkit").click()
    wait_for_time(page, 30, playing_until=39.5)
    assert segment(page, "Kolenkit").get_attribute("aria-current") == "true"
    assert page.locator(".transcript__segment[aria-current]").count() == 1
    assert "t=0%3A30" in page.url or "t=0:30" in page.url  # the address can be shared
    assert "Maria Lopes" not in page.content() and "Tia Maria" in page.content()


def test_enter_on_a_focused_segment_seeks_too(page, live_server, story):
    page.goto(live_server.url + story.url)
    page.wait_for_function("() => document.querySelector('#recording-media').readyState >= 1")
    segment(page, "Bruiloft").focus()
    page.keyboard.press("Enter")
    wait_for_time(page, 40, playing_until=49.5)
    assert segment(page, "Bruiloft").get_attribute("aria-current") == "true"
    # focus stays on the transcript, so the next line is one Tab away
    assert page.evaluate("document.activeElement.textContent").find("Bruiloft") >= 0


@pytest.mark.parametrize("t, seconds, word", [("0:42", 42, "Bruiloft"), ("25", 25, "Haven")])
def test_a_deep_link_sets_the_current_time(page, live_server, story, t, seconds, word):
    page.goto(f"{live_server.url}{story.url}?t={t}")
    wait_for_time(page, seconds)
    assert segment(page, word).get_attribute("aria-current") == "true"


def test_the_highlight_follows_playback(page, live_server, story):
    page.goto(f"{live_server.url}{story.url}?t=0:19")
    wait_for_time(page, 19)
    page.evaluate("document.querySelector('#recording-media').muted = true")
    page.evaluate("document.querySelector('#recording-media').play()")
    page.wait_for_function("() => document.querySelector('#recording-media').currentTime > 20.3", timeout=10_000)
    page.wait_for_function(
        "() => document.querySelector('.transcript__segment[aria-current]') && "
        "document.querySelector('.transcript__segment[aria-current]').textContent.includes('Haven')",
        timeout=5_000,
    )


def test_without_javascript_the_transcript_is_readable_and_links_carry_the_time(chromium, live_server, story):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + story.url)
        links = page.locator(".transcript__segment")
        assert links.count() == 6
        assert "Kolenkit: een zin over kolenkit." in links.nth(3).inner_text()
        links.nth(3).click()
        page.wait_for_url("**?t=0:30*")
        assert page.locator(".transcript__segment[aria-current='true']").inner_text().find("Kolenkit") >= 0
        assert "#t=30" in page.locator("#recording-media source").get_attribute("src")
    finally:
        context.close()


def test_a_clip_starts_at_its_start_and_stops_at_its_end(page, live_server, story):
    import json

    story.body = json.dumps(
        [
            {
                "type": "media_clip",
                "id": "clip1",
                "value": {"recording": story.main_media.pk, "start": "0:20", "end": "0:22", "caption": "De haven"},
            }
        ]
    )
    story.save_revision().publish()
    page.goto(live_server.url + story.url)
    clip = "document.querySelector('#clip-clip1-media')"
    page.wait_for_function(f"() => {clip}.readyState >= 1 && Math.abs({clip}.currentTime - 20) < 0.6")
    # only its part of the transcript is beside it
    lines = page.locator("#clip-clip1-player .transcript__segment")
    assert lines.count() == 1 and "Haven: een zin over haven." in lines.first.inner_text()
    page.evaluate(f"{clip}.muted = true")
    page.evaluate(f"{clip}.play()")
    page.wait_for_function(f"() => {clip}.paused && {clip}.currentTime >= 21.9", timeout=10_000)
    assert page.evaluate(f"{clip}.currentTime") < 23  # stopped at the end, not played on
