"""Publishing runs one pipeline: consent guard, then search, then the sender's e-mail.

Before, three independent page_published receivers ran in the order their apps happened
to be listed, and the sender's "your contribution is online" e-mail went out (and the
notice was marked sent) even when the consent guard had just taken the page offline again.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import RequestFactory
from wagtail.signals import page_published

from contributions.services.review import accept_contribution
from editorial.models import ConsentRecord
from editorial.services.consent import withdraw_consent
from search import indexing, service
from search.params import parse
from stories.models import StoryPage
from tests.contributions.factories import make_contribution
from tests.search.conftest import engine, search_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

OUR_APPS = ("core", "home", "stories", "depot", "media", "search", "editorial", "contributions")
WORD = "walvisvaarderslied"


@pytest.fixture(autouse=True)
def private_dirs(settings, tmp_path):
    settings.CONTRIBUTIONS_UPLOADS_DIR = tmp_path / "contributions"
    settings.PRIVATE_UPLOADS_DIR = str(tmp_path / "private")


def _contributed_draft(community, curator, **fields):
    contribution = make_contribution(community, title=f"Het {WORD}", **fields)
    page = accept_contribution(contribution, curator)
    return contribution, StoryPage.objects.get(pk=page.pk)


def _publish_from_code(page, user, capture):
    """The path the Publish button's check does not see: revision.publish() (also scheduled publishing)."""
    with capture(execute=True):
        StoryPage.objects.get(pk=page.pk).get_latest_revision().publish(user=user)
    return StoryPage.objects.get(pk=page.pk)


def _online_mails():
    return [message for message in mail.outbox if "online" in message.subject.lower()]


def test_publication_reversed_for_withdrawn_consent_sends_no_online_mail(
    community_a, curator_a, staff_user, django_capture_on_commit_callbacks
):
    contribution, page = _contributed_draft(community_a, curator_a)
    withdraw_consent(ConsentRecord.objects.get(pages=page), user=staff_user)
    page = _publish_from_code(page, staff_user, django_capture_on_commit_callbacks)
    assert not page.live
    assert _online_mails() == []
    contribution.refresh_from_db()
    assert contribution.published_notice_sent_at is None  # a later, valid publication still tells them


def test_publication_reversed_for_consent_without_online_use_sends_no_online_mail(
    community_a, curator_a, staff_user, django_capture_on_commit_callbacks
):
    contribution, page = _contributed_draft(community_a, curator_a, consent_uses=["exhibition"])
    page = _publish_from_code(page, staff_user, django_capture_on_commit_callbacks)
    assert not page.live
    assert _online_mails() == []
    contribution.refresh_from_db()
    assert contribution.published_notice_sent_at is None


def test_publication_with_valid_consent_mails_the_sender_once(
    community_a, curator_a, staff_user, django_capture_on_commit_callbacks
):
    contribution, page = _contributed_draft(community_a, curator_a)
    page = _publish_from_code(page, staff_user, django_capture_on_commit_callbacks)
    assert page.live
    assert [message.to for message in _online_mails()] == [["sender@example.org"]]
    contribution.refresh_from_db()
    assert contribution.published_notice_sent_at is not None
    _publish_from_code(page, staff_user, django_capture_on_commit_callbacks)  # a second publication
    assert len(_online_mails()) == 1


def test_the_notice_goes_out_when_valid_consent_is_recorded_after_a_reversed_publication(
    community_a, curator_a, staff_user, django_capture_on_commit_callbacks
):
    from editorial.services.consent import record_consent

    contribution, page = _contributed_draft(community_a, curator_a, consent_uses=["exhibition"])
    page = _publish_from_code(page, staff_user, django_capture_on_commit_callbacks)
    assert not page.live
    assert _online_mails() == []
    record_consent(
        given_by="Echte Naam",
        uses=["online"],
        licence=contribution.licence,
        text_version="2026-2",
        method="paper",
        pages=[page],
    )
    page = _publish_from_code(page, staff_user, django_capture_on_commit_callbacks)
    assert page.live
    assert len(_online_mails()) == 1


def test_exactly_one_publish_receiver_of_ours_runs_the_steps_in_order(
    community_a, curator_a, staff_user, monkeypatch, django_capture_on_commit_callbacks
):
    """The order is the pipeline's code, not the order of INSTALLED_APPS: ours is one receiver."""
    from core import publishing

    ours = [
        receiver
        for receiver in page_published._live_receivers(StoryPage)[0]
        if receiver.__module__.split(".")[0] in OUR_APPS
    ]
    assert ours == [publishing.on_page_published]

    calls = []
    for name in ("guard", "index", "notify"):
        step = publishing.pipeline.steps[name]
        monkeypatch.setitem(
            publishing.pipeline.steps,
            name,
            lambda page, *a, _n=name, _s=step, **k: calls.append(_n) or _s(page, *a, **k),
        )
    _contribution, page = _contributed_draft(community_a, curator_a)
    _publish_from_code(page, staff_user, django_capture_on_commit_callbacks)
    assert calls == ["guard", "index", "notify"]


def _public_titles():
    results = service.search(parse(RequestFactory().get("/", {"q": WORD}).GET), AnonymousUser())
    return {hit.title for hit in results.hits}


@pytest.mark.search_engine
def test_a_reversed_publication_never_reaches_the_public_index(
    engine,
    community_a,
    curator_a,
    staff_user,
    django_capture_on_commit_callbacks,  # noqa: F811
):
    indexing.rebuild()
    contribution, page = _contributed_draft(community_a, curator_a, consent_uses=["exhibition"])
    page = _publish_from_code(page, staff_user, django_capture_on_commit_callbacks)
    assert not page.live
    assert indexing.pending_count() == 0  # the queued update was sent on commit
    engine.refresh()
    assert _public_titles() == set()
    # and a valid publication is found, so the search above could have found it
    other, valid = _contributed_draft(community_a, curator_a)
    _publish_from_code(valid, staff_user, django_capture_on_commit_callbacks)
    engine.refresh()
    assert _public_titles() == {valid.title}
