"""The sender keeps hold of their contribution through a private link, without an account:
the receipt carries it; the page shows where it stands, takes corrections until it is
accepted and changes in consent at any time; a new link can be asked with the reference
number and e-mail address; a curator can stop the links."""

import re
import time
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page

from contributions.models import Contribution, ContributionStatus, SenderLink
from contributions.services import sender_links
from contributions.services.review import ReviewError, accept_contribution
from editorial.models.consent import ConsentRecord
from tests.contributions.factories import audio_and_photo, make_contribution

pytestmark = pytest.mark.django_db
LINK = re.compile(r"https?://\S+/status/\?t=\S+")


def _status_path(contribute_page, token: str) -> str:
    return f"{contribute_page.url}status/?t={token}"


def _link_in(message) -> str:
    """The path and query of the status link in an e-mail."""
    found = LINK.search(message.body)
    assert found, message.body
    parts = urlsplit(found.group(0))
    return f"{parts.path}?{parts.query}"


def _token_of(path: str) -> str:
    return parse_qs(urlsplit(path).query)["t"][0]


@pytest.fixture
def sent(contribute_page, community_a):
    return make_contribution(community_a, email="maria@example.org", title="De boot naar Rotterdam")


@pytest.fixture
def other(contribute_page, community_b):
    return make_contribution(community_b, email="jose@example.org", title="Het café op de Kaap")


def _open(client, contribute_page, contribution):
    token = sender_links.issue(contribution)
    return token, client.get(_status_path(contribute_page, token))


def test_the_receipt_carries_a_private_link_to_the_status(
    client, contribute_page, form_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(contribute_page.url, form_data())
    contribution = Contribution.objects.get()
    [receipt] = mail.outbox
    response = client.get(_link_in(receipt))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-status="received"' in html
    assert contribution.reference in html and contribution.title in html
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "same-origin"
    link = SenderLink.objects.get()
    assert link.contribution == contribution and link.last_used_at is not None
    assert _token_of(_link_in(receipt)) not in link.secret_hash  # only a hash of the secret is kept


def test_the_status_follows_the_curators(client, contribute_page, sent, other):
    token, response = _open(client, contribute_page, sent)
    assert 'data-status="received"' in response.content.decode()
    assert other.title not in response.content.decode()

    Contribution.objects.filter(pk=sent.pk).update(status=ContributionStatus.IN_REVIEW)
    assert 'data-status="in_review"' in client.get(_status_path(contribute_page, token)).content.decode()

    Contribution.objects.filter(pk=sent.pk).update(
        status=ContributionStatus.DECLINED, decision_note="Te kort.", note_for_sender=True
    )
    html = client.get(_status_path(contribute_page, token)).content.decode()
    assert 'data-status="declined"' in html and "Te kort." in html


def test_accepted_then_published_shows_the_link_to_the_page(client, contribute_page, sent, curator_a):
    token = sender_links.issue(sent)
    page = accept_contribution(sent, curator_a)
    assert 'data-status="accepted"' in client.get(_status_path(contribute_page, token)).content.decode()

    page.save_revision().publish()
    html = client.get(_status_path(contribute_page, token)).content.decode()
    assert 'data-status="published"' in html
    assert f'href="{Page.objects.get(pk=page.pk).full_url}"' in html


def test_the_sender_corrects_title_and_text_until_it_is_accepted(
    client, contribute_page, sent, curator_a, django_capture_on_commit_callbacks
):
    token = sender_links.issue(sent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{contribute_page.url}status/",
            {"t": token, "action": "correct", "title": "De boot naar Rotterdam, 1965", "text": "Verbeterd verhaal."},
        )
    assert response.status_code == 302
    sent.refresh_from_db()
    assert (sent.title, sent.text) == ("De boot naar Rotterdam, 1965", "Verbeterd verhaal.")
    assert [m.to for m in mail.outbox] == [[curator_a.email]]  # the community's curators are told
    assert sent.reference in mail.outbox[0].subject

    accept_contribution(sent, curator_a)
    response = client.post(
        f"{contribute_page.url}status/", {"t": token, "action": "correct", "title": "Later", "text": "Later."}
    )
    assert response.status_code == 400
    sent.refresh_from_db()
    assert sent.title == "De boot naar Rotterdam, 1965"
    assert 'id="correct-form"' not in client.get(_status_path(contribute_page, token)).content.decode()


def test_a_bad_correction_keeps_what_was_typed_and_changes_nothing(client, contribute_page, sent):
    token = sender_links.issue(sent)
    response = client.post(
        f"{contribute_page.url}status/", {"t": token, "action": "correct", "title": "  ", "text": "Mijn nieuwe tekst"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Mijn nieuwe tekst" in html and 'id="form-errors"' in html
    sent.refresh_from_db()
    assert sent.title == "De boot naar Rotterdam"


def test_before_acceptance_consent_narrows_and_an_empty_consent_withdraws(client, contribute_page, sent, curator_a):
    token = sender_links.issue(sent)
    client.post(f"{contribute_page.url}status/", {"t": token, "action": "consent", "uses": ["exhibition"]})
    sent.refresh_from_db()
    assert sent.consent_uses == ["exhibition"] and sent.status == ContributionStatus.RECEIVED

    client.post(f"{contribute_page.url}status/", {"t": token, "action": "consent"})
    sent.refresh_from_db()
    assert sent.consent_uses == [] and sent.status == ContributionStatus.WITHDRAWN
    with pytest.raises(ReviewError):
        accept_contribution(sent, curator_a)
    assert 'data-status="withdrawn"' in client.get(_status_path(contribute_page, token)).content.decode()


def test_consent_can_only_be_narrowed_from_the_link(client, contribute_page, sent):
    token = sender_links.issue(sent)
    response = client.post(
        f"{contribute_page.url}status/", {"t": token, "action": "consent", "uses": ["online", "exhibition", "research"]}
    )
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.consent_uses == ["online", "exhibition"]  # research was never given: not added


def test_after_publication_taking_back_online_takes_the_page_offline(
    client, contribute_page, sent, curator_a, django_capture_on_commit_callbacks
):
    token = sender_links.issue(sent)
    page = accept_contribution(sent, curator_a)
    page.save_revision().publish()
    assert client.get(page.url).status_code == 200
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{contribute_page.url}status/", {"t": token, "action": "consent", "uses": ["exhibition"]})

    page.refresh_from_db()
    record = ConsentRecord.objects.get(pages=page)
    assert not page.live and record.uses == ["exhibition"] and not record.is_withdrawn
    assert client.get(page.url).status_code == 404
    assert [m.to for m in mail.outbox] == [[curator_a.email]]
    assert 'data-status="offline"' in client.get(_status_path(contribute_page, token)).content.decode()

    client.post(f"{contribute_page.url}status/", {"t": token, "action": "consent"})
    record.refresh_from_db()
    assert record.is_withdrawn
    assert 'data-status="withdrawn"' in client.get(_status_path(contribute_page, token)).content.decode()


def test_a_new_link_comes_only_to_the_address_given(client, contribute_page, sent):
    url = f"{contribute_page.url}status/"
    wrong = client.post(url, {"reference": sent.reference, "email": "someone@example.org"})
    unknown = client.post(url, {"reference": "BK-1999-000001", "email": "maria@example.org"})
    assert mail.outbox == []
    right = client.post(url, {"reference": sent.reference.lower(), "email": "Maria@Example.org "})
    assert [m.to for m in mail.outbox] == [["maria@example.org"]]
    # The same answer every time: the form does not tell which numbers and addresses exist.
    assert wrong.content == unknown.content == right.content
    assert client.get(_link_in(mail.outbox[0])).status_code == 200


def test_asking_for_links_is_rate_limited(client, contribute_page, sent, settings):
    settings.CONTRIBUTION_RATE_LIMIT = 2
    url = f"{contribute_page.url}status/"
    for _ in range(2):
        client.post(url, {"reference": sent.reference, "email": "x@example.org"})
    response = client.post(url, {"reference": sent.reference, "email": "maria@example.org"})
    assert response.status_code == 429
    assert mail.outbox == []


def test_a_curator_stops_the_links(client, contribute_page, sent, curator_a):
    token = sender_links.issue(sent)
    admin = Client()
    admin.force_login(curator_a)
    response = admin.post(f"/admin/contributions/{sent.pk}/revoke-links/")
    assert response.status_code == 302
    refused = client.get(_status_path(contribute_page, token))
    assert refused.status_code == 410
    assert 'data-reason="revoked"' in refused.content.decode()


def test_a_curator_of_another_community_cannot_stop_them(contribute_page, sent, curator_b):
    sender_links.issue(sent)
    admin = Client()
    admin.force_login(curator_b)
    admin.post(f"/admin/contributions/{sent.pk}/revoke-links/")
    assert SenderLink.objects.filter(revoked_at=None).count() == 1


def test_an_expired_link_gets_a_plain_page(client, contribute_page, sent):
    token = sender_links.issue(sent)
    SenderLink.objects.update(expires_at=timezone.now())
    response = client.get(_status_path(contribute_page, token))
    assert response.status_code == 410
    assert 'data-reason="expired"' in response.content.decode()
    assert sent.title not in response.content.decode()


def test_a_link_past_its_signed_age_is_expired_whatever_the_row_says(client, contribute_page, sent, monkeypatch):
    token = sender_links.issue(sent)
    SenderLink.objects.update(expires_at=timezone.now() + timedelta(days=3650))
    later = time.time() + 91 * 24 * 3600  # past the default 90 days
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(_status_path(contribute_page, token))
    assert response.status_code == 410
    assert 'data-reason="expired"' in response.content.decode()


def test_the_page_and_the_mails_speak_dutch_by_default(client, contribute_page, sent, curator_a):
    from contributions.services.notifications import send_receipt

    send_receipt(sent)
    assert "persoonlijke pagina" in mail.outbox[0].body
    html = client.get(_link_in(mail.outbox[0])).content.decode()
    assert "Hoe het ervoor staat" in html and "Wijzig mijn toestemming" in html
    english = client.get("/en" + _link_in(mail.outbox[0])).content.decode()
    assert "Where it stands" in english


def test_the_curator_asks_for_changes_and_the_correction_brings_it_back(
    client, contribute_page, sent, curator_a, django_capture_on_commit_callbacks
):
    admin = Client()
    admin.force_login(curator_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"/admin/contributions/{sent.pk}/ask-changes/", {"message": "Welk jaar was dat?"})
    assert response.status_code == 302
    sent.refresh_from_db()
    assert sent.status == ContributionStatus.NEEDS_CHANGES
    [asked] = mail.outbox
    assert asked.to == ["maria@example.org"] and "Welk jaar was dat?" in asked.body
    html = client.get(_link_in(asked)).content.decode()
    assert 'data-status="needs_changes"' in html and "Welk jaar was dat?" in html

    token = _token_of(_link_in(asked))
    client.post(
        f"{contribute_page.url}status/", {"t": token, "action": "correct", "title": sent.title, "text": "In 1965."}
    )
    sent.refresh_from_db()
    assert sent.status == ContributionStatus.IN_REVIEW and sent.text == "In 1965."


def test_another_communitys_curator_cannot_ask(contribute_page, sent, curator_b):
    admin = Client()
    admin.force_login(curator_b)
    assert admin.post(f"/admin/contributions/{sent.pk}/ask-changes/", {"message": "Hoi"}).status_code == 404
    sent.refresh_from_db()
    assert sent.status == ContributionStatus.RECEIVED and mail.outbox == []


@pytest.mark.parametrize("notify", [False, True])
def test_a_decline_note_shows_only_when_it_was_sent(client, contribute_page, sent, curator_a, notify):
    from contributions.services.review import decline_contribution

    token = sender_links.issue(sent)
    decline_contribution(sent, curator_a, note="Intern: lijkt op spam.", notify_sender=notify)
    html = client.get(_status_path(contribute_page, token)).content.decode()
    assert 'data-status="declined"' in html
    assert ("Intern: lijkt op spam." in html) is notify


def test_after_acceptance_the_sender_asks_the_curators_for_a_change(
    client, contribute_page, sent, curator_a, django_capture_on_commit_callbacks
):
    token = sender_links.issue(sent)
    accept_contribution(sent, curator_a)
    url = f"{contribute_page.url}status/"
    empty = client.post(url, {"t": token, "action": "request_change", "message": "  "})
    assert empty.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        sent_ok = client.post(url, {"t": token, "action": "request_change", "message": "Mijn oom heette Djon."})
    assert sent_ok.status_code == 302
    [request_mail] = mail.outbox
    assert request_mail.to == [curator_a.email] and "Mijn oom heette Djon." in request_mail.body


def test_the_sender_adds_and_removes_files_until_it_is_accepted(
    client, contribute_page, community_a, contributions_dir, curator_a, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.contributions import media
    from tests.contributions.factories import audio_and_photo

    contribution = make_contribution(community_a, files=audio_and_photo())
    wav, photo = contribution.files.order_by("position")
    token = sender_links.issue(contribution)
    url = f"{contribute_page.url}status/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "t": token,
                "action": "files",
                "remove": [str(photo.pk)],
                "files": [SimpleUploadedFile("brief.pdf", media.pdf_bytes())],
            },
        )
    assert response.status_code == 302, response.content.decode()
    assert [(f.name, f.kind) for f in contribution.files.order_by("position")] == [
        ("opname.wav", "audio"),
        ("brief.pdf", "document"),
    ]
    assert not list(contributions_dir.rglob(photo.sha256))  # the removed photo's bytes are gone
    assert [m.to for m in mail.outbox] == [[curator_a.email]]

    accept_contribution(contribution, curator_a)
    late = client.post(url, {"t": token, "action": "files", "remove": [str(wav.pk)]})
    assert late.status_code == 400
    assert contribution.files.count() == 2


def test_a_refused_file_changes_nothing_and_says_why(client, contribute_page, community_a, community_b):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.contributions.factories import audio_and_photo

    contribution = make_contribution(community_a, files=audio_and_photo())
    theirs = make_contribution(community_b, files=audio_and_photo())
    token = sender_links.issue(contribution)
    before = list(contribution.files.values_list("pk", flat=True))
    response = client.post(
        f"{contribute_page.url}status/",
        {
            "t": token,
            "action": "files",
            "remove": [str(before[0])],
            "files": [SimpleUploadedFile("foto.jpg", b"<html><script>alert(1)</script></html>")],
        },
    )
    assert response.status_code == 400
    assert "foto.jpg" in response.content.decode()
    assert list(contribution.files.values_list("pk", flat=True)) == before

    # Another contribution's file ids are ignored.
    client.post(
        f"{contribute_page.url}status/",
        {"t": token, "action": "files", "remove": [str(pk) for pk in theirs.files.values_list("pk", flat=True)]},
    )
    assert theirs.files.count() == 2


def test_an_accepted_contribution_without_its_consent_record_refuses_rather_than_pretends(
    client, contribute_page, sent, curator_a
):
    """Accepted before the record was kept on the contribution and not matched by the
    migration: a change here would leave the page online, so it is refused, visibly."""
    token = sender_links.issue(sent)
    page = accept_contribution(sent, curator_a)
    page.save_revision().publish()
    Contribution.objects.filter(pk=sent.pk).update(consent_record=None)
    response = client.post(f"{contribute_page.url}status/", {"t": token, "action": "consent", "uses": ["exhibition"]})
    assert response.status_code == 400 and 'id="form-errors"' in response.content.decode()
    page.refresh_from_db()
    assert page.live
    sent.refresh_from_db()
    assert sent.consent_uses == ["online", "exhibition"]


def test_a_page_live_for_staff_only_is_not_called_published(client, contribute_page, community_a, curator_a):
    contribution = make_contribution(community_a, consent_uses=["exhibition"])  # no online publication
    token = sender_links.issue(contribution)
    page = accept_contribution(contribution, curator_a)
    page.save_revision().publish()
    html = client.get(_status_path(contribute_page, token)).content.decode()
    assert 'data-status="offline"' in html and 'id="status-page-link"' not in html


def test_withdrawing_before_acceptance_deletes_the_files_and_their_bytes(
    client, contribute_page, community_a, curator_a, django_capture_on_commit_callbacks
):
    from contributions.services.uploads import blob_path

    contribution = make_contribution(community_a, files=audio_and_photo())
    paths = [blob_path(item.sha256) for item in contribution.files.all()]
    assert all(path.exists() for path in paths)
    token = sender_links.issue(contribution)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{contribute_page.url}status/", {"t": token, "action": "consent"})
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.WITHDRAWN
    assert not contribution.files.exists()
    assert not any(path.exists() for path in paths)
    entry = ModelLogEntry.objects.filter(action="contributions.consent_changed_by_sender").get()
    assert sorted(entry.data["files_deleted"]) == sorted(name for name, _content in audio_and_photo())
