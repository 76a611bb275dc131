"""Withdrawing consent end to end: the admin action, pages, the public index, media URLs, the log.

The index is the real OpenSearch node (tests/search/conftest.py `engine`), and the index
update runs the way it does in production: queued in the withdrawal's transaction and
sent when it commits.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import PageLogEntry

from editorial.models import ConsentRecord
from editorial.services.consent import CONSENT_WITHDRAWN_ACTION, record_consent
from search import indexing, service
from search.params import parse
from stories.models import Licence, StoryPage
from tests.editorial.test_media_serving import make_recording
from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

WORD = "kaapvaartlied"


def consent_for(*pages, evidence=None):
    return record_consent(
        given_by="Tia Lopes",
        uses=["online", "exhibition"],
        licence=Licence.CC_BY.value,
        text_version="2026-1",
        method="paper" if evidence else "form",
        pages=pages,
        evidence=evidence,
    )


def publish_story(parent, title, recording=None):
    story = StoryPageFactory(parent=parent, title=title, summary=f"Over het {WORD} van de haven.", main_media=recording)
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def public_titles():
    results = service.search(parse(RequestFactory().get("/", {"q": WORD}).GET), AnonymousUser())
    return {hit.title for hit in results.hits}


@pytest.fixture
def told(community_a):
    """Two published stories resting on one consent, and one that does not."""
    first = publish_story(community_a, "Het lied van Tia", make_recording("Tia zingt"))
    second = publish_story(community_a, "Tia over de overtocht", make_recording("Tia vertelt"))
    other = publish_story(community_a, "Een ander lied", make_recording("Iemand anders"))
    record = consent_for(first, second)
    consent_for(other)
    return record, first, second, other


@pytest.mark.search_engine
def test_withdrawal_through_the_admin_takes_everything_offline(
    client, engine, told, curator_a, django_capture_on_commit_callbacks
):
    record, first, second, other = told
    indexing.rebuild()
    engine.refresh()
    assert public_titles() == {first.title, second.title, other.title}
    media_urls = [first.main_media.url, second.main_media.url]
    for url in media_urls:
        assert client.get(url).status_code == 200
    assert client.get(first.url).status_code == 200

    client.force_login(curator_a)
    url = reverse("editorial_consent:withdraw", args=[record.pk])
    page = client.get(url).content.decode()
    assert first.title in page and second.title in page and other.title not in page

    # Without the confirmation nothing happens, and the form says so.
    response = client.post(url, {"note": "Gebeld"})
    assert response.status_code == 200 and "confirm" in response.context["form"].errors
    first.refresh_from_db()
    assert first.live

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"note": "Tia belde op 3 december", "confirm": "on"})
    assert response.status_code == 302
    client.logout()

    for story in (first, second, other):
        story.refresh_from_db()
    assert not first.live and not second.live and other.live
    assert indexing.pending_count() == 0  # the queued updates were sent on commit
    engine.refresh()
    assert public_titles() == {other.title}
    for url in media_urls:
        assert client.get(url).status_code == 404
    assert client.get(other.main_media.url).status_code == 200
    assert client.get(first.url).status_code == 404

    record.refresh_from_db()
    assert record.is_withdrawn and record.withdrawn_by == curator_a
    log = PageLogEntry.objects.filter(action=CONSENT_WITHDRAWN_ACTION).order_by("page_id")
    assert [entry.page_id for entry in log] == sorted([first.pk, second.pk])
    assert all(entry.user == curator_a and entry.data["note"] == "Tia belde op 3 december" for entry in log)
    client.force_login(curator_a)
    for story in (first, second):  # each page's own history shows it
        response = client.get(reverse("wagtailadmin_pages:history", args=[story.pk]))
        assert response.status_code == 200
        assert "Toestemming ingetrokken; offline gehaald" in response.content.decode()


def test_withdrawal_stops_a_workflow_in_progress(told, staff_user):
    from editorial.services.consent import withdraw_consent

    record, first, _second, _other = told
    first.title = "Het lied van Tia (herzien)"
    first.save_revision()
    first.get_workflow().start(first, staff_user)
    assert first.workflow_in_progress
    withdraw_consent(record, user=staff_user)
    first = StoryPage.objects.get(pk=first.pk)
    assert not first.workflow_in_progress and not first.live


def _wait_until(moment):
    """Real time passes (publish_scheduled publishes what the revision itself dates)."""
    import time

    from django.utils import timezone

    time.sleep(max(0.0, (moment - timezone.now()).total_seconds()) + 0.2)


def test_withdrawal_cancels_a_publication_scheduled_for_later(told, staff_user):
    """A story scheduled to go online later must not appear after consent is withdrawn."""
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone

    from editorial.services.consent import withdraw_consent
    from tests.factories import StoryPageFactory

    record, first, _second, _other = told
    community = first.get_parent()
    later = StoryPageFactory(parent=community, title="Tia in het voorjaar", live=False)
    later.go_live_at = timezone.now() + dt.timedelta(seconds=2)
    later.save_revision().publish()  # schedules it: not live, revision approved for the date
    record.pages.add(later)
    assert later.revisions.exclude(approved_go_live_at=None).count() == 1
    withdraw_consent(record, user=staff_user)
    assert later.revisions.exclude(approved_go_live_at=None).count() == 0
    _wait_until(later.go_live_at)
    call_command("publish_scheduled")
    assert not StoryPage.objects.get(pk=later.pk).live


def test_a_publication_against_the_consent_is_reversed_however_it_happens(told, staff_user):
    """revision.publish() from code, or a scheduled revision whose consent changed
    meanwhile, go past the Publish button's check: the page goes straight offline again."""
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone

    from editorial.services.consent import PUBLICATION_REVERSED_ACTION, withdraw_consent

    record, first, _second, _other = told
    withdraw_consent(record, user=staff_user)
    StoryPage.objects.get(pk=first.pk).save_revision().publish()
    first = StoryPage.objects.get(pk=first.pk)
    assert not first.live
    assert PageLogEntry.objects.filter(page=first, action=PUBLICATION_REVERSED_ACTION).count() == 1

    # a revision scheduled for a page whose only consent is for research
    scheduled = StoryPageFactory(parent=first.get_parent(), title="Tia op de kade", live=False)
    record_consent(
        given_by="Tia Lopes",
        uses=["research"],
        licence=Licence.CC_BY.value,
        text_version="2026-1",
        method="form",
        pages=[scheduled],
    )
    scheduled.go_live_at = timezone.now() + dt.timedelta(seconds=2)
    scheduled.save_revision().publish()
    assert scheduled.revisions.exclude(approved_go_live_at=None).count() == 1
    _wait_until(scheduled.go_live_at)
    call_command("publish_scheduled")
    scheduled = StoryPage.objects.get(pk=scheduled.pk)
    assert not scheduled.live
    assert PageLogEntry.objects.filter(page=scheduled, action=PUBLICATION_REVERSED_ACTION).exists()
    # a page with no consent record at all (the museum's own text) is the publisher's call
    museum_text = StoryPageFactory(parent=first.get_parent(), title="Over de collectie")
    museum_text.save_revision().publish()
    assert StoryPage.objects.get(pk=museum_text.pk).live


def test_curator_of_another_community_cannot_see_or_withdraw(client, told, curator_b, member_a):
    record = told[0]
    client.force_login(curator_b)
    listing = client.get(reverse("editorial_consent:index"))
    assert listing.status_code == 200 and "Tia Lopes" not in listing.content.decode()
    for name in ("withdraw", "edit", "inspect", "history"):
        response = client.get(reverse(f"editorial_consent:{name}", args=[record.pk]))
        assert response.status_code in (302, 403, 404), name
    response = client.post(reverse("editorial_consent:withdraw", args=[record.pk]), {"confirm": "on"})
    assert response.status_code in (302, 403, 404)
    record.refresh_from_db()
    assert not record.is_withdrawn
    client.force_login(member_a)  # no admin access at all
    response = client.post(reverse("editorial_consent:withdraw", args=[record.pk]), {"confirm": "on"})
    assert response.status_code in (302, 403)
    record.refresh_from_db()
    assert not record.is_withdrawn


def test_listing_is_scoped_and_nobody_deletes(client, told, curator_a, staff_user, community_b):
    outside = publish_story(community_b, "Elders")
    consent_for(outside).__class__.objects.filter(pages=outside).update(given_by="Iemand Elders")
    client.force_login(curator_a)
    content = client.get(reverse("editorial_consent:index")).content.decode()
    assert "Tia Lopes" in content and "Iemand Elders" not in content
    client.force_login(staff_user)
    content = client.get(reverse("editorial_consent:index")).content.decode()
    assert "Tia Lopes" in content and "Iemand Elders" in content
    record = told[0]
    response = client.post(reverse("editorial_consent:delete", args=[record.pk]))
    assert response.status_code in (302, 403)
    assert ConsentRecord.objects.filter(pk=record.pk).exists()


def test_curator_records_consent_only_for_their_own_pages(client, curator_a, community_a, community_b):
    own = publish_story(community_a, "Eigen verhaal")
    foreign = publish_story(community_b, "Vreemd verhaal")
    client.force_login(curator_a)
    url = reverse("editorial_consent:add")
    data = {
        "given_by": "Nha Djenabu",
        "uses": ["online"],
        "licence": Licence.CC_BY.value,
        "text_version": "2026-1",
        "method": "verbal",
        "given_at": "2026-11-01 10:00",
        "pages": [foreign.pk],
    }
    response = client.post(url, data)
    assert response.status_code == 200 and "pages" in response.context["form"].errors
    assert not ConsentRecord.objects.exists()
    data["pages"] = [own.pk]
    data["evidence"] = ContentFile(b"ID3 opname van mondelinge toestemming", name="toestemming.mp3")
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    record = ConsentRecord.objects.get()
    assert record.uses == ["online"] and list(record.pages.values_list("pk", flat=True)) == [own.pk]


def test_evidence_only_for_those_who_see_the_record(client, told, curator_a, curator_b, settings):
    record = consent_for(told[1], evidence=ContentFile(b"%PDF-1.4 handtekening", name="formulier.pdf"))
    url = record.evidence.url
    assert client.get(url).status_code == 302  # to the admin login
    client.force_login(curator_b)
    assert client.get(url).status_code in (302, 404)
    client.force_login(curator_a)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 handtekening"
    assert "no-store" in response["Cache-Control"]
    # …and never through the public uploads URL
    assert client.get(settings.MEDIA_URL + record.evidence.name).status_code == 404


def test_own_curator_opens_the_record_until_it_is_withdrawn(client, told, curator_a):
    from editorial.services.consent import withdraw_consent

    record = told[0]
    client.force_login(curator_a)
    for name in ("edit", "inspect", "history", "withdraw"):
        assert client.get(reverse(f"editorial_consent:{name}", args=[record.pk])).status_code == 200, name
    withdraw_consent(record, user=curator_a)
    assert client.get(reverse("editorial_consent:inspect", args=[record.pk])).status_code == 200
    for name in ("edit", "withdraw"):  # a withdrawn record is history: read-only
        assert client.get(reverse(f"editorial_consent:{name}", args=[record.pk])).status_code in (302, 403), name


def test_withdraw_action_is_offered_in_the_listing_and_the_editor(client, told, curator_a, staff_user):
    record = told[0]
    withdraw_url = reverse("editorial_consent:withdraw", args=[record.pk])
    for user in (curator_a, staff_user):
        client.force_login(user)
        assert withdraw_url in client.get(reverse("editorial_consent:index")).content.decode()
        assert withdraw_url in client.get(reverse("editorial_consent:edit", args=[record.pk])).content.decode()
        assert client.get(reverse("editorial_consent:add")).status_code == 200
