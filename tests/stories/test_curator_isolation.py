"""A curator of one community cannot edit, publish, list or preview another community's pages."""

import pytest
from wagtail.models import Page

from tests.admin_forms import story_form
from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_b(community_b):
    story = StoryPageFactory(parent=community_b, title="Concept uit Katendrecht", live=False)
    story.title = "Concept uit Katendrecht, herzien"
    story.save_revision()
    return story


@pytest.fixture
def draft_a(community_a):
    story = StoryPageFactory(parent=community_a, title="Concept uit Kaapverdië", live=False)
    story.save_revision()
    return story


def test_curator_permissions_stop_at_their_own_community(curator_a, draft_a, draft_b):
    own = draft_a.permissions_for_user(curator_a)
    other = draft_b.permissions_for_user(curator_a)
    assert own.can_edit() and not own.can_publish()
    assert not other.can_edit()
    assert not other.can_publish()
    assert not other.can_delete()
    assert not draft_b.get_parent().permissions_for_user(curator_a).can_add_subpage()


def test_curator_cannot_open_another_communitys_editor_or_preview(client, curator_a, draft_a, draft_b):
    client.force_login(curator_a)
    assert client.get(f"/admin/pages/{draft_a.pk}/edit/").status_code == 200
    for url in (
        f"/admin/pages/{draft_b.pk}/edit/",
        f"/admin/pages/{draft_b.pk}/edit/preview/",
        f"/admin/pages/{draft_b.pk}/revisions/",
        f"/admin/pages/{draft_b.pk}/history/",
        f"/admin/pages/add/stories/storypage/{draft_b.get_parent().pk}/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert b"herzien" not in response.content, url


def test_curator_cannot_publish_another_communitys_draft(client, curator_a, draft_b):
    client.force_login(curator_a)
    response = client.post(
        f"/admin/pages/{draft_b.pk}/edit/",
        story_form(title="Gekaapt", slug=draft_b.slug, **{"action-publish": "publish"}),
    )
    assert response.status_code in (302, 403)
    draft_b.refresh_from_db()
    assert not draft_b.live
    assert draft_b.title != "Gekaapt"


def test_curator_cannot_publish_even_their_own_drafts_directly(client, curator_a, draft_a):
    """Publishing goes through the workflow, whose last step is museum review."""
    client.force_login(curator_a)
    client.post(
        f"/admin/pages/{draft_a.pk}/edit/",
        story_form(title=draft_a.title, slug=draft_a.slug, **{"action-publish": "publish"}),
    )
    draft_a.refresh_from_db()
    assert not draft_a.live


def test_admin_listing_shows_only_the_curators_community(client, curator_a, community_a, community_b, draft_a, draft_b):
    client.force_login(curator_a)
    listing = client.get(f"/admin/pages/{community_a.pk}/")
    assert listing.status_code == 200
    assert "Concept uit Kaapverdië" in listing.content.decode()
    other = client.get(f"/admin/pages/{community_b.pk}/")
    assert other.status_code in (302, 403)
    assert b"Katendrecht, herzien" not in other.content
    search = client.get("/admin/pages/search/", {"q": "Concept"})
    assert "Katendrecht" not in search.content.decode()


def test_museum_staff_can_edit_and_publish_in_every_community(staff_user, draft_a, draft_b):
    for page in (draft_a, draft_b):
        permissions = page.permissions_for_user(staff_user)
        assert permissions.can_edit() and permissions.can_publish()


def test_new_community_gets_its_own_curator_group(community_index):
    from tests.factories import CommunityPageFactory

    community = CommunityPageFactory(parent=community_index, title="Marokkaanse Rotterdammers")
    community.refresh_from_db()
    assert community.curator_group.name == "Marokkaanse Rotterdammers: curators"
    perms = community.curator_group.page_permissions.all()
    assert {p.page_id for p in perms} == {community.pk}
    assert Page.objects.filter(pk=community.pk).exists()


def test_museum_staff_publishing_through_the_same_form_works(client, staff_user, draft_a):
    """Proves the form the curator tests post is valid: only the permission differs."""
    client.force_login(staff_user)
    client.post(
        f"/admin/pages/{draft_a.pk}/edit/",
        story_form(title=draft_a.title, slug=draft_a.slug, **{"action-publish": "publish"}),
    )
    draft_a.refresh_from_db()
    assert draft_a.live
