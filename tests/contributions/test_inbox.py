"""The curators' inbox: each curator sees and decides only their own communities'
contributions, through the real admin URLs; files are served only to them."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry, PageLogEntry, Workflow, WorkflowState

from contributions.models import ContributionStatus
from tests.contributions import media
from tests.contributions.factories import audio_and_photo, make_contribution

pytestmark = pytest.mark.django_db


@pytest.fixture
def workflow(community_index):
    """The editorial workflow on the community index (the editorial app's when it has one)."""
    community_index.refresh_from_db()
    existing = community_index.get_workflow()
    if existing:
        return existing
    from django.contrib.auth.models import Group
    from wagtail.models import GroupApprovalTask, WorkflowPage, WorkflowTask

    workflow = Workflow.objects.create(name="Test review")
    task = GroupApprovalTask.objects.create(name="Museum review")
    task.groups.set([Group.objects.get(name="Museum staff")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=community_index)
    return workflow


@pytest.fixture
def in_a(community_a):
    return make_contribution(community_a, files=audio_and_photo(), title="Uit Kaapverdië")


@pytest.fixture
def in_b(community_b):
    return make_contribution(community_b, files=[("b.wav", media.wav_bytes(frequency=300))], title="Van Katendrecht")


def _urls(contribution):
    file = contribution.files.first()
    return {
        "detail": reverse("contributions_admin:detail", args=[contribution.pk]),
        "file": reverse("contributions_admin:file", args=[contribution.pk, file.pk]),
    }


def test_curator_sees_only_their_communitys_contributions(client, curator_a, in_a, in_b):
    client.force_login(curator_a)
    listing = client.get(reverse("contributions_admin:index"))
    body = listing.content.decode()
    assert listing.status_code == 200
    assert "Uit Kaapverdië" in body and in_a.reference in body
    assert "Van Katendrecht" not in body and in_b.reference not in body
    # Searching or filtering on the other community's words finds nothing.
    assert (
        "Van Katendrecht"
        not in client.get(
            reverse("contributions_admin:index"), {"q": "Katendrecht", "community": in_b.community_id}
        ).content.decode()
    )


def test_museum_staff_see_all_and_filter_by_status_and_search(client, staff_user, in_a, in_b):
    in_b.status = ContributionStatus.DECLINED
    in_b.save()
    client.force_login(staff_user)
    body = client.get(reverse("contributions_admin:index")).content.decode()
    assert "Uit Kaapverdië" in body and "Van Katendrecht" in body
    received = client.get(reverse("contributions_admin:index"), {"status": "received"}).content.decode()
    assert "Uit Kaapverdië" in received and "Van Katendrecht" not in received
    found = client.get(reverse("contributions_admin:index"), {"q": in_b.reference}).content.decode()
    assert "Van Katendrecht" in found and "Uit Kaapverdië" not in found


def test_curator_of_a_gets_404_for_bs_contribution_and_files(client, curator_a, in_b):
    client.force_login(curator_a)
    urls = _urls(in_b)
    assert client.get(urls["detail"]).status_code == 404
    assert client.get(urls["file"]).status_code == 404
    assert client.post(reverse("contributions_admin:accept", args=[in_b.pk])).status_code == 404
    assert client.post(reverse("contributions_admin:decline", args=[in_b.pk]), {"note": "nee"}).status_code == 404
    in_b.refresh_from_db()
    assert in_b.status == ContributionStatus.RECEIVED and in_b.page is None


def test_members_visitors_and_other_logins_cannot_reach_the_inbox(client, member_a, in_a):
    urls = _urls(in_a)
    # Anonymous: sent to the admin login.
    for url in urls.values():
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    # A community member has no admin access at all.
    client.force_login(member_a)
    for url in urls.values():
        assert client.get(url).status_code in (302, 403)


def test_files_play_inline_for_the_curator_and_are_never_public(client, curator_a, in_a, settings):
    client.force_login(curator_a)
    detail = client.get(_urls(in_a)["detail"]).content.decode()
    audio, photo = in_a.files.all()
    audio_url = reverse("contributions_admin:file", args=[in_a.pk, audio.pk])
    photo_url = reverse("contributions_admin:file", args=[in_a.pk, photo.pk])
    assert f'<audio controls preload="metadata" src="{audio_url}">' in detail
    assert f'<img src="{photo_url}"' in detail
    response = client.get(audio_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == media.wav_bytes()
    # The bytes are outside the public uploads folder: no public URL can reach them.
    assert not str(settings.CONTRIBUTIONS_UPLOADS_DIR).startswith(str(settings.MEDIA_ROOT))
    assert client.get(settings.MEDIA_URL + audio.storage_name).status_code == 404


def test_inbox_recordings_can_be_scrubbed_with_range_requests(client, curator_a, in_a, curator_b):
    client.force_login(curator_a)
    audio = in_a.files.first()
    url = reverse("contributions_admin:file", args=[in_a.pk, audio.pk])
    whole = media.wav_bytes()
    response = client.get(url, HTTP_RANGE="bytes=100-199")
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 100-199/{len(whole)}"
    assert b"".join(response.streaming_content) == whole[100:200]
    assert response["Accept-Ranges"] == "bytes"
    assert "no-store" in response["Cache-Control"]
    assert client.get(url, HTTP_RANGE=f"bytes={len(whole)}-").status_code == 416
    # a range request is no way around the check
    client.force_login(curator_b)
    assert client.get(url, HTTP_RANGE="bytes=0-10").status_code == 404


def test_inbox_files_through_nginx_in_production(client, curator_a, in_a, settings):
    settings.FILE_SERVING = "x-accel-redirect"
    client.force_login(curator_a)
    audio = in_a.files.first()
    response = client.get(reverse("contributions_admin:file", args=[in_a.pk, audio.pk]))
    assert response["X-Accel-Redirect"] == "/internal/contributions/" + audio.storage_name
    assert response.content == b""


def test_opening_marks_in_review_once_and_logs_it(client, curator_a, in_a):
    client.force_login(curator_a)
    client.get(_urls(in_a)["detail"])
    client.get(_urls(in_a)["detail"])
    in_a.refresh_from_db()
    assert in_a.status == ContributionStatus.IN_REVIEW
    actions = list(ModelLogEntry.objects.filter(object_id=str(in_a.pk)).values_list("action", flat=True))
    assert actions.count("contributions.in_review") == 1


def test_accept_makes_draft_page_media_person_consent_and_workflow_state(
    client, curator_a, in_a, community_a, workflow
):
    from editorial.models import ConsentRecord
    from stories.models import StoryPage

    client.force_login(curator_a)
    response = client.post(reverse("contributions_admin:accept", args=[in_a.pk]))
    assert response.status_code == 302
    in_a.refresh_from_db()
    assert in_a.status == ContributionStatus.ACCEPTED and in_a.reviewed_by == curator_a
    page = in_a.page.specific
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert isinstance(page, StoryPage)
    assert page.get_parent().pk == community_a.pk
    assert not page.live and page.has_unpublished_changes
    assert page.title == "Uit Kaapverdië"
    assert page.access_level == "public"
    assert page.licence == in_a.licence
    # The recording in wagtailmedia, the photo in images, both in the community's collection.
    assert page.main_media.type == "audio"
    assert page.main_media.sha256 == in_a.files.first().sha256
    assert page.main_media.collection.name == community_a.title
    image_blocks = [b for b in page.body if b.block_type == "image"]
    assert len(image_blocks) == 1
    assert image_blocks[0].value["image"].collection.name == community_a.title
    assert image_blocks[0].value["image"].width == 64
    # The sender, as they chose to be shown.
    narrator = page.narrators.get().person
    assert (narrator.full_name, narrator.pseudonym, narrator.public_name) == ("Echte Naam", "Nha Nina", "Nha Nina")
    # Consent from the form, linked to the page.
    record = ConsentRecord.objects.get(pages=page)
    assert set(record.uses) == {"online", "exhibition"}
    assert record.method == "form" and record.text_version == "2026-1"
    # Submitted to the workflow.
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow == workflow
    assert state.requested_by == curator_a
    # Each step in the audit log: on the contribution and on the page.
    contribution_actions = set(ModelLogEntry.objects.filter(object_id=str(in_a.pk)).values_list("action", flat=True))
    assert {
        "contributions.in_review",
        "contributions.accepted",
    } <= contribution_actions or "contributions.accepted" in contribution_actions
    page_actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"wagtail.create", "contributions.page_created", "wagtail.workflow.start"} <= page_actions


def test_accepting_an_object_makes_a_heritage_object_page(client, curator_a, community_a, workflow):
    from stories.models import HeritageObjectPage

    contribution = make_contribution(
        community_a,
        kind="object",
        files=[("kist.png", media.image_bytes("PNG"))],
        title="De zeemanskist",
        consent_uses=["research"],
    )
    client.force_login(curator_a)
    client.post(reverse("contributions_admin:accept", args=[contribution.pk]))
    contribution.refresh_from_db()
    page = contribution.page.specific
    assert isinstance(page, HeritageObjectPage)
    assert page.brought_by.pseudonym == "Nha Nina"
    assert page.images.count() == 1
    assert page.access_level == "staff"  # research only: never public


def test_an_iphone_heic_photo_becomes_a_wagtail_image_with_renditions(client, curator_a, community_a, workflow):
    """HEIC passes the form's content check; accepting must turn it into an image the site
    can show (Willow opens it through pillow-heif; renditions are written as JPEG or WebP)."""
    contribution = make_contribution(
        community_a,
        kind="object",
        files=[("IMG_0042.HEIC", media.heic_bytes(size=(120, 90)))],
        title="Het theeglas",
    )
    assert contribution.files.get().content_type == "image/heic"
    client.force_login(curator_a)
    client.post(reverse("contributions_admin:accept", args=[contribution.pk]))
    contribution.refresh_from_db()
    image = contribution.page.specific.images.get().image
    assert (image.width, image.height) == (120, 90)
    rendition = image.get_rendition("fill-60x60")
    assert (rendition.width, rendition.height) == (60, 60)
    assert rendition.file.name.rsplit(".", 1)[-1].lower() in ("jpg", "jpeg", "webp", "png")
    assert rendition.file.storage.exists(rendition.file.name)


def test_accept_twice_is_refused(client, curator_a, in_a, workflow):
    client.force_login(curator_a)
    client.post(reverse("contributions_admin:accept", args=[in_a.pk]))
    response = client.post(reverse("contributions_admin:accept", args=[in_a.pk]), follow=True)
    assert "was already accepted" in response.content.decode() or "al" in response.content.decode()
    from stories.models import StoryPage

    assert StoryPage.objects.count() == 1


def test_a_failing_accept_leaves_nothing(client, curator_a, in_a, workflow, monkeypatch, settings):
    from pathlib import Path

    from wagtail.images.models import Image

    from contributions.services import review
    from media.models import OralHistoryMedia
    from stories.models import Person, StoryPage

    def broken(*args, **kwargs):
        raise RuntimeError("consent service down")

    monkeypatch.setattr(review, "_record_consent", broken)
    client.force_login(curator_a)
    client.raise_request_exception = True
    with pytest.raises(RuntimeError):
        client.post(reverse("contributions_admin:accept", args=[in_a.pk]))
    in_a.refresh_from_db()
    assert in_a.status == ContributionStatus.RECEIVED
    assert StoryPage.objects.count() == 0
    assert OralHistoryMedia.objects.count() == 0 and Image.objects.count() == 0
    assert Person.objects.count() == 0
    uploads = Path(settings.MEDIA_ROOT)
    leftovers = [p for p in uploads.rglob("*") if p.is_file()] if uploads.exists() else []
    assert leftovers == []


def test_decline_with_a_note_mailed_to_the_sender(client, curator_a, in_a, django_capture_on_commit_callbacks):
    client.force_login(curator_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("contributions_admin:decline", args=[in_a.pk]),
            {"note": "Dit verhaal hoort bij een andere gemeenschap.", "notify_sender": "on"},
        )
    assert response.status_code == 302
    in_a.refresh_from_db()
    assert in_a.status == ContributionStatus.DECLINED
    assert in_a.decision_note == "Dit verhaal hoort bij een andere gemeenschap."
    assert len(mail.outbox) == 1 and "andere gemeenschap" in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(object_id=str(in_a.pk), action="contributions.declined").exists()


def test_decline_without_notifying_sends_nothing(client, curator_a, in_a, django_capture_on_commit_callbacks):
    client.force_login(curator_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("contributions_admin:decline", args=[in_a.pk]), {"note": "Intern"})
    assert mail.outbox == []


def test_publishing_the_page_mails_the_sender_once(
    client, staff_user, curator_a, in_a, workflow, django_capture_on_commit_callbacks
):
    from contributions.services.review import accept_contribution

    page = accept_contribution(in_a, curator_a)
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish(user=staff_user)
    with django_capture_on_commit_callbacks(execute=True):
        page.refresh_from_db()
        page.save_revision(user=staff_user).publish(user=staff_user)
    published = [m for m in mail.outbox if "online" in m.subject.lower()]
    assert len(published) == 1
    assert published[0].to == ["sender@example.org"]
    with translation.override("nl"):
        assert page.full_url in published[0].body


def test_the_inbox_menu_item_is_shown_to_curators_and_staff_only(client, curator_a, staff_user, community_a):
    from django.contrib.auth.models import Permission

    from tests.factories import UserFactory

    client.force_login(curator_a)
    assert reverse("contributions_admin:index") in client.get("/admin/").content.decode()
    editor = UserFactory(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert reverse("contributions_admin:index") not in client.get("/admin/").content.decode()
    refused = client.get(reverse("contributions_admin:index"))
    # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
    assert refused.status_code == 403 or (refused.status_code == 302 and refused["Location"] == "/admin/")


def test_curators_edit_the_contribute_page_but_only_staff_publish(
    client, curator_a, curator_b, member_a, staff_user, home_page
):
    from django.contrib.auth.models import Group

    from contributions.models import ContributePage
    from tests.factories import CommunityPageFactory

    page = ContributePage(title="Bijdragen", slug="bijdragen", consent_text="<p>Tekst</p>", consent_text_version="1")
    home_page.add_child(instance=page)
    later = CommunityPageFactory(parent=curator_a.groups.first().curated_community.get_parent(), title="Surinamers")
    later.refresh_from_db()
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    for user in (curator_a, curator_b, UserFactoryWithGroup(later.curator_group)):
        client.force_login(user)
        assert client.get(edit).status_code == 200
        assert not page.permissions_for_user(user).can_publish()
    client.force_login(member_a)
    assert client.get(edit).status_code in (302, 403)
    assert page.permissions_for_user(staff_user).can_publish()
    assert Group.objects.filter(page_permissions__page=page).count() == 3


def UserFactoryWithGroup(group):
    from tests.factories import UserFactory

    return UserFactory(groups=[group])
