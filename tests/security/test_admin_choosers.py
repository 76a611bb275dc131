"""A curator's admin choosers and bulk-action pages name nothing of another community.

Wagtail's page chooser lists every page by default and its bulk-action confirmation
pages print the title of every id in the query string, so a curator of community A
could read the titles and URLs of community B's restricted and embargoed stories by
guessing ids or searching. These tests play curator A against B's pages.
"""

import datetime
import re

import pytest
from django.utils import timezone

from core.choices import AccessLevel
from tests.factories import StoryPageFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Geheim verhaal uit Katendrecht"
EMBARGO_TITLE = "Verzegeld verhaal uit Katendrecht"
OWN_TITLE = "Eigen verhaal uit Kaapverdie"


@pytest.fixture
def pages_b(community_b):
    restricted = StoryPageFactory(
        parent=community_b, title=SECRET_TITLE, slug="geheim-verhaal", access_level=AccessLevel.STAFF
    )
    embargoed = StoryPageFactory(
        parent=community_b,
        title=EMBARGO_TITLE,
        slug="verzegeld-verhaal",
        embargo_until=timezone.localdate() + datetime.timedelta(days=365),
    )
    return restricted, embargoed


@pytest.fixture
def page_a(community_a):
    return StoryPageFactory(parent=community_a, title=OWN_TITLE, slug="eigen-verhaal")


def _leaks(response, pages, searched=""):
    """What of `pages` the response names: title, slug or admin URL (not the words searched for)."""
    text = response.content.decode()
    if searched:
        text = text.replace(searched, "")
    found = []
    for page in pages:
        for needle in (page.title, page.slug, f"/pages/{page.pk}/"):
            if needle in text:
                found.append(needle)
    return found


def _bulk_url(action, pages):
    ids = "&".join(f"id={page.pk}" for page in pages)
    return f"/admin/bulk/wagtailcore/page/{action}/?{ids}"


def test_chooser_browse_shows_curator_nothing_of_another_community(
    client, curator_a, community_a, community_b, pages_b, page_a
):
    client.force_login(curator_a)
    seen_a = False
    # Walk the chooser from the root down along every page it offers, as a curator would.
    to_visit, visited = ["/admin/choose-page/"], set()
    while to_visit:
        url = to_visit.pop()
        if url in visited:
            continue
        visited.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        assert _leaks(response, pages_b) == [], url
        text = response.content.decode()
        seen_a = seen_a or OWN_TITLE in text
        for pk in re.findall(r"/admin/choose-page/(\d+)/", text.replace("\\/", "/")):
            to_visit.append(f"/admin/choose-page/{pk}/")
    assert seen_a, "the curator can still reach their own community's pages"
    assert f"/admin/choose-page/{community_a.pk}/" in visited


def test_chooser_browse_into_another_communitys_page_is_not_found(client, curator_a, community_b, pages_b):
    client.force_login(curator_a)
    for page in (community_b, *pages_b):
        response = client.get(f"/admin/choose-page/{page.pk}/")
        assert _leaks(response, pages_b) == [], page
        assert response.status_code == 404, page


def test_chooser_search_finds_only_the_curators_own_pages(client, curator_a, pages_b, page_a):
    client.force_login(curator_a)
    response = client.get("/admin/choose-page/search/", {"q": "verhaal"})
    assert response.status_code == 200
    assert _leaks(response, pages_b) == []
    assert OWN_TITLE in response.content.decode()
    for page in pages_b:
        response = client.get("/admin/choose-page/search/", {"q": page.title})
        assert _leaks(response, pages_b, searched=page.title) == [], page


def test_chosen_multiple_does_not_describe_another_communitys_pages(client, curator_a, pages_b, page_a):
    client.force_login(curator_a)
    ids = "&".join(f"id={page.pk}" for page in (*pages_b, page_a))
    response = client.get(f"/admin/choose-page/chosen-multiple/?{ids}")
    assert _leaks(response, pages_b) == []
    assert OWN_TITLE in response.content.decode()


@pytest.mark.parametrize("action", ["delete", "unpublish", "publish", "move"])
def test_bulk_action_confirmation_names_no_page_of_another_community(client, curator_a, pages_b, page_a, action):
    client.force_login(curator_a)
    response = client.get(_bulk_url(action, pages_b))
    assert _leaks(response, pages_b) == []
    mixed = client.get(_bulk_url(action, (*pages_b, page_a)))
    assert _leaks(mixed, pages_b) == []
    assert OWN_TITLE in mixed.content.decode()


@pytest.fixture
def editor_a(community_a):
    """A user with every page right in community A only (one who may move pages there)."""
    from django.contrib.auth.models import Group

    from stories.services.roles import STAFF_PAGE_PERMISSIONS, _grant_pages
    from tests.factories import UserFactory

    group = Group.objects.create(name="Kaapverdianen: editors")
    group.permissions.add(*community_a.curator_group.permissions.all())
    _grant_pages(group, community_a, STAFF_PAGE_PERMISSIONS)
    return UserFactory(username="editor_a", groups=[group])


def test_bulk_move_to_another_communitys_page_neither_names_nor_moves(client, editor_a, community_a, pages_b, page_a):
    client.force_login(editor_a)
    assert page_a.permissions_for_user(editor_a).can_move()
    response = client.post(_bulk_url("move", [page_a]), {"chooser": pages_b[0].pk})
    assert _leaks(response, pages_b) == []
    page_a.refresh_from_db()
    assert page_a.get_parent().pk == community_a.pk


def test_admin_page_search_shows_nothing_of_another_community(client, curator_a, pages_b, page_a):
    client.force_login(curator_a)
    for q in ("verhaal", SECRET_TITLE, EMBARGO_TITLE):
        response = client.get("/admin/pages/search/", {"q": q})
        assert response.status_code == 200
        assert _leaks(response, pages_b, searched=q) == [], q
    assert OWN_TITLE in client.get("/admin/pages/search/", {"q": "verhaal"}).content.decode()


def test_museum_staff_sees_every_community_in_the_chooser_and_bulk_pages(
    client, staff_user, community_b, pages_b, page_a
):
    client.force_login(staff_user)
    browse = client.get(f"/admin/choose-page/{community_b.pk}/").content.decode()
    assert SECRET_TITLE in browse and EMBARGO_TITLE in browse
    search = client.get("/admin/choose-page/search/", {"q": "verhaal"}).content.decode()
    assert SECRET_TITLE in search and OWN_TITLE in search
    bulk = client.get(_bulk_url("delete", (*pages_b, page_a))).content.decode()
    assert SECRET_TITLE in bulk and OWN_TITLE in bulk


def test_story_editor_offers_no_object_of_another_community(client, curator_a, staff_user, community_a, community_b):
    from tests.factories import HeritageObjectPageFactory

    hidden = HeritageObjectPageFactory(
        parent=community_b, title="Geheim voorwerp uit Katendrecht", access_level=AccessLevel.STAFF
    )
    own = HeritageObjectPageFactory(parent=community_a, title="Eigen voorwerp uit Kaapverdie")
    story = StoryPageFactory(parent=community_a, title=OWN_TITLE, slug="eigen-verhaal")
    client.force_login(curator_a)
    for url in (f"/admin/pages/{story.pk}/edit/", f"/admin/pages/add/stories/storypage/{community_a.pk}/"):
        text = client.get(url).content.decode()
        assert hidden.title not in text, url
        assert own.title in text, url
    client.force_login(staff_user)
    assert hidden.title in client.get(f"/admin/pages/{story.pk}/edit/").content.decode()


def test_saving_a_story_keeps_a_link_made_by_someone_with_wider_rights(client, curator_a, community_a, community_b):
    from tests.admin_forms import story_form
    from tests.factories import HeritageObjectPageFactory

    other = HeritageObjectPageFactory(parent=community_b, title="Voorwerp uit Katendrecht")
    story = StoryPageFactory(parent=community_a, title=OWN_TITLE, slug="eigen-verhaal", live=False)
    story.related_objects.add(other)
    story.save_revision()
    client.force_login(curator_a)
    data = story_form(title="Eigen verhaal, herzien", slug=story.slug)
    data["related_objects"] = [other.pk]  # as the editor posts it back, still chosen
    response = client.post(f"/admin/pages/{story.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    story.refresh_from_db()
    revision = story.get_latest_revision_as_object()
    assert revision.title == "Eigen verhaal, herzien"
    assert [page.pk for page in revision.related_objects.all()] == [other.pk]


def test_page_types_report_names_and_counts_only_the_curators_pages(client, curator_a, staff_user, pages_b, page_a):
    """Wagtail's report names the latest edited page of each type, site-wide."""
    latest_b = pages_b[1]
    latest_b.save_revision()  # B's page is the most recently edited story
    client.force_login(curator_a)
    response = client.get("/admin/reports/page-types-usage/")
    assert response.status_code == 200
    assert _leaks(response, pages_b) == []
    text = response.content.decode()
    assert OWN_TITLE in text
    assert 'href="/admin/pages/usage/stories/storypage/">1<' in text
    client.force_login(staff_user)
    text = client.get("/admin/reports/page-types-usage/").content.decode()
    assert latest_b.title in text
    assert 'href="/admin/pages/usage/stories/storypage/">3<' in text
