"""Consent records: recording, the publication check, and withdrawal taking pages offline."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.models import PageLogEntry

from editorial.models import ConsentRecord
from editorial.services.consent import (
    CONSENT_WITHDRAWN_ACTION,
    publication_consent_problem,
    record_consent,
    withdraw_consent,
)
from stories.models import Licence
from tests.factories import PersonFactory, StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    """The service's messages are checked in English here; the admin tests check what a
    Dutch curator reads."""
    from django.utils import translation

    with translation.override("en"):
        yield


CC_BY = Licence.CC_BY.value


def consent(pages=(), uses=("online",), **kwargs):
    values = {"given_by": "Tia Lopes", "licence": CC_BY, "text_version": "2026-1", "method": "form"}
    values.update(kwargs)
    return record_consent(uses=uses, pages=pages, **values)


def test_record_consent_stores_what_was_agreed(story_a):
    person = PersonFactory()
    record = consent([story_a], uses=["online", "research", "online"], person=person, method="paper")
    record.refresh_from_db()
    assert record.uses == ["online", "research"]
    assert record.covers("online") and record.covers("research") and not record.covers("exhibition")
    assert record.person == person and record.method == "paper"
    assert list(record.pages.all()) == [story_a.page_ptr]


@pytest.mark.parametrize(
    ("field", "values"),
    [
        ("uses", {"uses": ["everything"]}),
        ("uses", {"uses": []}),
        ("licence", {"licence": "https://example.org/mine"}),
        ("method", {"method": "telepathy"}),
        ("given_by", {"given_by": "   "}),
        ("text_version", {"text_version": ""}),
    ],
)
def test_bad_consent_is_refused_on_its_field_and_nothing_is_saved(story_a, field, values):
    with pytest.raises(ValidationError) as error:
        consent([story_a], **values)
    assert field in error.value.message_dict
    assert not ConsentRecord.objects.exists()


def test_publication_check_says_what_is_missing(story_a):
    assert "no consent record" in publication_consent_problem(story_a)
    consent([story_a], uses=["exhibition", "research"])
    problem = publication_consent_problem(story_a)
    assert "does not cover online publication" in problem and "Exhibition" in problem
    online = consent([story_a], uses=["online"])
    assert publication_consent_problem(story_a) is None
    withdraw_consent(online, user=None)
    assert "does not cover online publication" in publication_consent_problem(story_a)


def test_only_withdrawn_consent_says_so(story_a):
    withdraw_consent(consent([story_a]), user=None)
    assert "was withdrawn" in publication_consent_problem(story_a)


def test_withdrawal_unpublishes_every_page_resting_on_it_and_logs(story_a, community_a, staff_user):
    second = StoryPageFactory(parent=community_a, title="Tweede verhaal")
    untouched = StoryPageFactory(parent=community_a, title="Ander verhaal")
    record = consent([story_a, second])
    pages = withdraw_consent(record, user=staff_user, note="Per telefoon gevraagd")
    assert {page.pk for page in pages} == {story_a.pk, second.pk}
    for page in (story_a, second, untouched):
        page.refresh_from_db()
    assert not story_a.live and not second.live and untouched.live
    record.refresh_from_db()
    assert record.is_withdrawn and record.withdrawn_by == staff_user
    assert record.withdrawal_note == "Per telefoon gevraagd"
    assert not record.covers("online")
    entries = PageLogEntry.objects.filter(action=CONSENT_WITHDRAWN_ACTION)
    assert {entry.page_id for entry in entries} == {story_a.pk, second.pk}
    assert all(entry.user == staff_user and entry.data["note"] == "Per telefoon gevraagd" for entry in entries)
    assert PageLogEntry.objects.filter(action="wagtail.unpublish", page=story_a).exists()


def test_withdrawing_twice_is_refused_with_a_message(story_a):
    record = consent([story_a])
    withdraw_consent(record, user=None)
    with pytest.raises(ValidationError, match="already withdrawn"):
        withdraw_consent(record, user=None)


def test_withdrawal_is_one_transaction(story_a, community_a, monkeypatch):
    """A failure half-way leaves every page live and the record active."""
    from editorial.services import consent as service

    second = StoryPageFactory(parent=community_a, title="Tweede verhaal")
    record = consent([story_a, second])
    calls = []
    real_log = service.log

    def failing_log(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_log(**kwargs)

    monkeypatch.setattr(service, "log", failing_log)
    with pytest.raises(RuntimeError):
        withdraw_consent(record, user=None)
    story_a.refresh_from_db()
    second.refresh_from_db()
    record.refresh_from_db()
    assert story_a.live and second.live and not record.is_withdrawn


def test_evidence_is_stored_privately_never_under_the_public_uploads(story_a, settings, tmp_path):
    record = consent([story_a], method="paper", evidence=ContentFile(b"%PDF-1.4 signed", name="form.pdf"))
    from pathlib import Path

    stored = Path(record.evidence.path)
    assert stored.is_file()
    assert str(stored).startswith(str(settings.PRIVATE_UPLOADS_DIR))
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    assert not record.evidence.url.startswith(settings.MEDIA_URL)
    assert record.evidence.url == f"/admin/consent-evidence/{record.pk}/"


def test_log_action_is_registered():
    from wagtail.log_actions import registry

    assert registry.action_exists(CONSENT_WITHDRAWN_ACTION)
