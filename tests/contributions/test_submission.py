"""The public form: good contributions are kept once, bad input gets a clear message and
leaves nothing half-saved (rows and files on disk are counted)."""

import re

import pytest
from django.core import mail
from django.utils import translation

from contributions.models import Contribution, ContributionFile
from contributions.services.uploads import unsign_kept
from tests.contributions import media
from tests.contributions.conftest import stored_files, upload

pytestmark = pytest.mark.django_db


def en_url(page) -> str:
    """The page's English URL (Wagtail's url follows the active language)."""
    with translation.override("en"):
        return page.url


def _post(client, page, data, files=()):
    payload = dict(data)
    if files:
        payload["files"] = list(files)
    # In English, so the messages below read the same whatever the Dutch catalogue says.
    return client.post(en_url(page), payload)


def _errors(response) -> str:
    return " ".join(
        re.sub(r"\s+", " ", m)
        for m in re.findall(r'class="form__error"[^>]*>(.*?)</div>', response.content.decode(), re.S)
    )


def _nothing_saved(contributions_dir):
    assert Contribution.objects.count() == 0
    assert ContributionFile.objects.count() == 0
    assert stored_files(contributions_dir) == []


def test_get_shows_the_form_with_consent_text_and_version(client, contribute_page):
    response = client.get(en_url(contribute_page))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ik geef toestemming." in body
    assert 'name="consent_text_version" value="2026-1"' in body
    assert 'name="csrfmiddlewaretoken"' in body
    assert "Kaapverdianen" in body and "Katendrecht" in body
    assert response["Cache-Control"] == "private, no-store"


def test_a_story_with_audio_and_photo_is_saved_with_reference_and_receipt(
    client, contribute_page, form_data, contributions_dir, community_a, django_capture_on_commit_callbacks
):
    wav, jpeg = media.wav_bytes(), media.image_bytes()
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, contribute_page, form_data(), [upload("opname.wav", wav), upload("foto.JPG", jpeg)])
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert re.fullmatch(r"BK-\d{4}-\d{6}", contribution.reference)
    assert contribution.community == community_a
    assert contribution.consent_uses == ["online", "exhibition"]
    assert contribution.consent_text_version == "2026-1"
    assert contribution.status == "received"
    assert len(contribution.sender_address_hash) == 64 and "127.0.0.1" not in contribution.sender_address_hash
    files = list(contribution.files.all())
    assert [(f.name, f.kind, f.content_type, f.size) for f in files] == [
        ("opname.wav", "audio", "audio/wav", len(wav)),
        ("foto.jpg", "image", "image/jpeg", len(jpeg)),
    ]
    assert len(stored_files(contributions_dir)) == 2
    assert all((contributions_dir / f.storage_name).read_bytes() in (wav, jpeg) for f in files)

    thanks = client.get(response["Location"])
    assert contribution.reference in thanks.content.decode()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["maria@example.org"]
    assert contribution.reference in mail.outbox[0].subject
    assert contribution.reference in mail.outbox[0].body


def test_the_same_file_sent_twice_is_stored_once(client, contribute_page, form_data, contributions_dir):
    jpeg = media.image_bytes()
    _post(client, contribute_page, form_data(), [upload("a.jpg", jpeg)])
    _post(client, contribute_page, form_data(title="Tweede"), [upload("b.jpg", jpeg), upload("c.jpg", jpeg)])
    assert Contribution.objects.count() == 2
    assert ContributionFile.objects.count() == 2
    assert len(stored_files(contributions_dir)) == 1


def test_a_thanks_link_cannot_be_guessed(client, contribute_page, form_data):
    _post(client, contribute_page, form_data())
    contribution = Contribution.objects.get()
    assert client.get(f"{en_url(contribute_page)}dank/?t={contribution.pk}").status_code == 404


def test_html_behind_an_mp3_name_is_refused(client, contribute_page, form_data, contributions_dir):
    response = _post(client, contribute_page, form_data(), [upload("interview.mp3", media.HTML, "audio/mpeg")])
    assert response.status_code == 200
    assert "“interview.mp3” is called a .mp3 file, but its content is not audio" in _errors(response)
    _nothing_saved(contributions_dir)


def test_a_photo_behind_an_audio_name_is_refused_with_what_it_really_is(
    client, contribute_page, form_data, contributions_dir
):
    response = _post(client, contribute_page, form_data(), [upload("stem.wav", media.image_bytes("PNG"))])
    assert "it contains a PNG image" in _errors(response)
    assert "(.png)" in _errors(response)
    _nothing_saved(contributions_dir)


def test_an_unknown_extension_is_refused(client, contribute_page, form_data, contributions_dir):
    response = _post(client, contribute_page, form_data(), [upload("virus.exe", b"MZ" + b"\0" * 50)])
    assert "“virus.exe” is not a kind of file we can take" in _errors(response)
    _nothing_saved(contributions_dir)


def test_an_oversized_file_is_refused_with_the_limit(client, settings, contribute_page, form_data, contributions_dir):
    settings.CONTRIBUTION_MAX_BYTES = {**settings.CONTRIBUTION_MAX_BYTES, "image": 1000}
    response = _post(
        client, contribute_page, form_data(), [upload("groot.png", media.image_bytes("PNG", size=(400, 400)))]
    )
    errors = _errors(response)
    assert "“groot.png” is" in errors and "image files may be at most 1000" in errors
    _nothing_saved(contributions_dir)


def test_files_too_large_together_are_refused(client, settings, contribute_page, form_data, contributions_dir):
    settings.CONTRIBUTION_MAX_TOTAL_BYTES = 5000
    wav = media.wav_bytes(seconds=0.25)  # 4 kB each
    response = _post(
        client, contribute_page, form_data(), [upload("a.wav", wav), upload("b.wav", media.wav_bytes(0.25, 300))]
    )
    assert "Together your files are" in _errors(response)
    _nothing_saved(contributions_dir)


def test_an_empty_file_is_refused(client, contribute_page, form_data, contributions_dir):
    response = _post(client, contribute_page, form_data(), [upload("leeg.wav", b"")])
    assert _errors(response) == "<p>“leeg.wav” is empty (0 bytes). Choose the file again.</p>"
    _nothing_saved(contributions_dir)


def test_a_10000_character_title_is_refused_and_every_value_kept(client, contribute_page, form_data, contributions_dir):
    data = form_data(title="x" * 10_000, text="Een verhaal met <b>tekens</b> & meer.", pseudonym="Nha Nina")
    response = _post(client, contribute_page, data)
    body = response.content.decode()
    assert "Keep the title to 200 characters (it has 10000)." in _errors(response)
    assert "x" * 10_000 in body  # kept, to shorten
    assert "Een verhaal met &lt;b&gt;tekens&lt;/b&gt; &amp; meer." in body
    assert 'value="Maria Fernandes"' in body
    assert 'value="maria@example.org"' in body
    assert 'value="Nha Nina"' in body
    assert re.search(r'value="online"[^>]*checked', body)
    assert re.search(r'value="https://creativecommons.org/licenses/by-nc/4.0/"[^>]*selected', body)
    _nothing_saved(contributions_dir)


def test_unicode_and_right_to_left_names_are_kept_intact(client, contribute_page, form_data, contributions_dir):
    title = "ذكريات الميناء — זיכרונות — Ćevapi in Crooswijk 🚢"
    name = "فاطمة الزهراء"
    response = _post(
        client,
        contribute_page,
        form_data(title=title, full_name=name, pseudonym="נינה", text="שלום\n\nمرحبا"),
        [upload("صورة\u202egpj.png", media.image_bytes("PNG"))],
    )
    assert response.status_code == 302, _errors(response)
    contribution = Contribution.objects.get()
    assert (contribution.title, contribution.full_name, contribution.pseudonym) == (title, name, "נינה")
    assert contribution.files.get().name == "صورةgpj.png"  # the bidi override is gone
    thanks = client.get(response["Location"]).content.decode()
    assert "ذكريات الميناء" in thanks


def test_missing_consent_is_refused_and_nothing_saved(client, contribute_page, form_data, contributions_dir):
    data = form_data(consent_uses=None, consent_agreed=None, licence="")
    response = _post(client, contribute_page, data, [upload("opname.wav", media.wav_bytes())])
    errors = _errors(response)
    assert "Choose at least one use you allow" in errors
    assert "Tick this box to agree with the consent text" in errors
    assert "Choose the licence" in errors
    assert Contribution.objects.count() == 0 and ContributionFile.objects.count() == 0


def test_a_changed_consent_text_must_be_read_again(client, contribute_page, form_data):
    contribute_page.consent_text_version = "2026-2"
    contribute_page.save_revision().publish()
    response = _post(client, contribute_page, form_data(consent_text_version="2026-1"))
    assert "The consent text changed while you were filling in the form" in _errors(response)
    assert Contribution.objects.count() == 0


def test_accepted_files_are_kept_when_another_field_is_wrong(client, contribute_page, form_data, contributions_dir):
    wav = media.wav_bytes()
    first = _post(client, contribute_page, form_data(title=""), [upload("opname.wav", wav)])
    assert "Give your contribution a title." in _errors(first)
    body = first.content.decode()
    assert "opname.wav" in body and "you do not need to choose them again" in body
    token = re.search(r'name="kept_files" value="([^"]+)"', body).group(1)
    assert [k.name for k in unsign_kept(token)] == ["opname.wav"]
    # Not a contribution yet; the file waits for the corrected form.
    assert Contribution.objects.count() == 0 and len(stored_files(contributions_dir)) == 1

    second = _post(client, contribute_page, form_data(kept_files=token))
    assert second.status_code == 302
    assert [f.name for f in Contribution.objects.get().files.all()] == ["opname.wav"]
    assert len(stored_files(contributions_dir)) == 1


def test_a_forged_kept_files_token_is_ignored(client, contribute_page, form_data, contributions_dir):
    response = _post(client, contribute_page, form_data(kept_files="eyJzaGEyNTYiOiAiYWJjIn0:forged:x"))
    assert "waited too long" in _errors(response)
    assert Contribution.objects.count() == 0


def test_a_double_submit_makes_one_contribution(
    client, contribute_page, form_data, contributions_dir, django_capture_on_commit_callbacks
):
    data = form_data()
    with django_capture_on_commit_callbacks(execute=True):
        first = _post(client, contribute_page, data, [upload("opname.wav", media.wav_bytes())])
        second = _post(client, contribute_page, data, [upload("opname.wav", media.wav_bytes())])
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Contribution.objects.count() == 1
    assert ContributionFile.objects.count() == 1
    assert len(stored_files(contributions_dir)) == 1
    assert len(mail.outbox) == 1


def test_a_submit_after_the_rate_limit_gets_a_plain_message(
    client, settings, contribute_page, form_data, contributions_dir
):
    settings.CONTRIBUTION_RATE_LIMIT = 2
    for title in ("Een", "Twee"):
        assert _post(client, contribute_page, form_data(title=title)).status_code == 302
    blocked = _post(client, contribute_page, form_data(title="Drie"), [upload("opname.wav", media.wav_bytes())])
    assert blocked.status_code == 429
    body = blocked.content.decode()
    assert "You have sent this form many times in a short while" in body
    assert 'value="Drie"' in body
    assert "Something is not right yet" not in body  # only the plain message, no field errors
    assert Contribution.objects.count() == 2
    assert len(stored_files(contributions_dir)) == 0
    # Another address is not blocked.
    other = client.post(en_url(contribute_page), form_data(title="Vier"), REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 302


def test_behind_the_proxy_each_sender_has_their_own_limit_and_cannot_reset_it(
    client, settings, contribute_page, form_data, contributions_dir
):
    settings.CONTRIBUTION_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = ["127.0.0.1"]

    def send(title, forwarded, peer="127.0.0.1"):
        return client.post(
            en_url(contribute_page), form_data(title=title), REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded
        )

    assert send("Een", "198.51.100.1").status_code == 302
    assert send("Twee", "198.51.100.2").status_code == 302  # another sender, same proxy
    assert send("Drie", "198.51.100.1").status_code == 429
    assert send("Vier", "203.0.113.99, 198.51.100.1").status_code == 429  # a made-up first hop changes nothing
    # a client talking to the server directly cannot claim an address
    assert send("Vijf", "198.51.100.3", peer="192.0.2.50").status_code == 302
    assert send("Zes", "198.51.100.4", peer="192.0.2.50").status_code == 429
    assert Contribution.objects.count() == 3


def test_the_honeypot_stops_bots_without_saving(client, contribute_page, form_data, contributions_dir):
    response = _post(
        client, contribute_page, form_data(website="http://spam.example"), [upload("a.wav", media.wav_bytes())]
    )
    assert response.status_code == 400
    _nothing_saved(contributions_dir)


def test_csrf_is_required(contribute_page, form_data, contributions_dir):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(contribute_page.url, form_data())
    assert response.status_code == 403
    _nothing_saved(contributions_dir)


def test_a_failing_save_leaves_no_rows_and_no_new_files(
    client, contribute_page, form_data, contributions_dir, monkeypatch
):
    from contributions.services import submissions

    def broken_log(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(submissions, "log", broken_log)
    with pytest.raises(RuntimeError):
        _post(client, contribute_page, form_data(), [upload("opname.wav", media.wav_bytes())])
    _nothing_saved(contributions_dir)


def test_a_pseudonym_without_pseudonym_and_a_full_name_without_name_are_refused(client, contribute_page, form_data):
    response = _post(client, contribute_page, form_data(name_display="pseudonym", pseudonym=""))
    assert "Give the pseudonym to show" in _errors(response)
    response = _post(client, contribute_page, form_data(name_display="full", full_name=""))
    assert "Give your name" in _errors(response)
    anonymous = _post(client, contribute_page, form_data(name_display="anonymous", full_name="", email=""))
    assert anonymous.status_code == 302
    assert Contribution.objects.get().sender_public_name in ("Anonymous", "Anoniem")
    assert mail.outbox == []
