"""The player on the story page, as served: readable and usable without JavaScript."""

import json
import re

import pytest

from media.transcript_service import import_transcript
from tests.factories import PersonFactory, StoryPageFactory
from tests.media.conftest import make_recording
from tests.media.test_transcripts import MESSY_VTT

pytestmark = pytest.mark.django_db

THREE = b"WEBVTT\n\n00:01.000 --> 00:04.000\n<v Interviewer>Eerste zin\n\n00:04.500 --> 00:09.000\n<v Maria Lopes>Tweede zin\n\n12:30.000 --> 12:40.000\n<v Maria Lopes>Derde zin\n"  # noqa: E501


@pytest.fixture
def story(community_a):
    recording = make_recording(duration=900)
    import_transcript(recording, THREE, "i.vtt", language="nl")
    page = StoryPageFactory(parent=community_a, title="Havenverhaal", main_media=recording)
    page.save_revision().publish()
    return page


def segments_of(html):
    return re.findall(
        r'<a class="transcript__segment" href="([^"]+)" data-start="([^"]+)"[^>]*?( aria-current="true")?>', html
    )


def test_the_transcript_is_a_list_of_links_with_times(client, story):
    html = client.get(story.url).content.decode()
    assert '<audio class="player__element recording__player" id="recording-media" controls' in html
    assert segments_of(html) == [
        ("?t=0:01#recording-player", "1", ""),
        ("?t=0:04#recording-player", "4.5", ""),
        ("?t=12:30#recording-player", "750", ""),
    ]
    assert "Eerste zin" in html and '<span class="transcript__time"><span class="visually-hidden">' in html
    assert 'src="/static/js/player.js"' in html or "js/player.js" in html


@pytest.mark.parametrize("t, start", [("12:34", "754"), ("754", "754"), ("0:05", "5")])
def test_a_deep_link_starts_the_recording_there_and_marks_the_segment(client, story, t, start):
    html = client.get(story.url, {"t": t}).content.decode()
    assert f'data-initial-start="{start}"' in html
    assert re.search(rf'<source src="[^"]+#t={start}"', html)
    current = [href for href, _, marked in segments_of(html) if marked]
    assert current == (["?t=12:30#recording-player"] if start == "754" else ["?t=0:04#recording-player"])


@pytest.mark.parametrize("t", ["abc", "99:99", "-5", "999999", "<script>"])
def test_a_bad_deep_link_is_ignored(client, story, t):
    response = client.get(story.url, {"t": t})
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-initial-start" not in html
    assert "<script>" not in html.split("</header>", 1)[-1].replace("<script src=", "")


def test_speakers_appear_by_public_name_only(client, story):
    PersonFactory(full_name="Maria Lopes", pseudonym="Tia Maria", name_display="pseudonym")
    html = client.get(story.url).content.decode()
    assert "Maria Lopes" not in html
    assert '<span class="transcript__speaker">Tia Maria:</span>' in html
    # the speaker is named when the voice changes, not on every line
    assert html.count("Tia Maria:") == 1


def test_a_video_gets_captions_from_the_export(client, community_a):
    video = make_recording("Video", media_type="video", name="v.mp4")
    transcript = import_transcript(video, MESSY_VTT, "i.vtt")
    page = StoryPageFactory(parent=community_a, title="Videoverhaal", main_media=video)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert f'<track kind="captions" src="/recordings/transcripts/{transcript.pk}.vtt" srclang="nl"' in html
    assert client.get(f"/recordings/transcripts/{transcript.pk}.vtt").status_code == 200


def test_without_a_transcript_the_player_stands_alone(client, community_a):
    page = StoryPageFactory(parent=community_a, title="Zonder", main_media=make_recording())
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<audio" in html and "transcript__list" not in html


def test_a_clip_block_plays_its_range_with_its_part_of_the_transcript(client, community_a):
    recording = make_recording(duration=900)
    import_transcript(recording, THREE, "i.vtt", language="nl")
    page = StoryPageFactory(parent=community_a, title="Met fragment")
    page.body = json.dumps(
        [
            {
                "type": "media_clip",
                "id": "abc",
                "value": {"recording": recording.pk, "start": "0:04", "end": "0:10", "caption": "Over de haven"},
            }
        ]
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    clip = html[html.index('class="block-clip"') :]
    assert 'id="clip-abc-player"' in clip and 'data-clip-end="10"' in clip
    assert re.search(r'<source src="[^"]+#t=4,10"', clip)
    assert "Tweede zin" in clip and "Eerste zin" not in clip and "Derde zin" not in clip


def test_the_player_does_not_query_per_segment(client, community_a, django_assert_max_num_queries):
    recording = make_recording(duration=4000)
    lines = ["WEBVTT", ""]
    for n in range(300):
        lines += [
            f"00:{n // 60 * 0 + n // 6:02d}:{n % 6 * 10:02d}.000 --> 00:{n // 6:02d}:{n % 6 * 10 + 5:02d}.000",
            f"<v Spreker {n % 7}>Zin {n}",
            "",
        ]
    import_transcript(recording, "\n".join(lines).encode(), "i.vtt", language="nl")
    page = StoryPageFactory(parent=community_a, title="Lang", main_media=recording)
    page.save_revision().publish()
    client.get(page.url)  # warm caches (site root, etc.)
    with django_assert_max_num_queries(60):
        html = client.get(page.url).content.decode()
    assert html.count('class="transcript__segment"') == 300
