"""The demo loads in one command, and loading it twice changes nothing."""

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from depot.models import DepotCollection, DepotItem
from stories.models import CommunityPage, HeritageObjectPage, StoryPage

pytestmark = pytest.mark.django_db

DEMO_USERS = ("beheer", "museum", "curator", "lid")


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def uploaded_files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_demo_loads_what_it_promises_and_a_second_run_changes_nothing(client, tmp_path):
    # One test, since loading the demo is the slow part.
    call_command("load_demo_data", "--quiet")
    assert CommunityPage.objects.live().count() >= 5
    assert StoryPage.objects.live().count() >= 40
    assert HeritageObjectPage.objects.live().count() >= 15
    assert DepotCollection.objects.count() >= 5
    assert DepotItem.objects.count() >= 200
    before = row_counts()
    files = uploaded_files(tmp_path / "uploads")
    assert any(f.endswith(".wav") for f in files), "the demo generates its own recordings"
    assert any(f.endswith((".jpg", ".png")) for f in files), "the demo generates its own images"

    _people_are_filed_under_their_communities()

    call_command("load_demo_data", "--quiet")
    assert row_counts() == before
    assert uploaded_files(tmp_path / "uploads") == files

    readme = (settings.BASE_DIR / "README.md").read_text()
    for username in DEMO_USERS:
        # Through the login page: authenticate() needs the request (django-axes counts per address).
        response = client.post("/account/login/", {"username": username, "password": f"brengkunst-{username}"})
        assert response.status_code == 302, username
        assert f"`brengkunst-{username}`" in readme
    client.logout()

    public = StoryPage.objects.live().filter(access_level="public", embargo_until__isnull=True)
    for page in [
        *public[:10],
        *CommunityPage.objects.live(),
        *HeritageObjectPage.objects.live().filter(access_level="public")[:5],
    ]:
        assert client.get(page.url).status_code == 200, page.url
    contribute = client.get("/bijdragen/")
    assert contribute.status_code == 200 and b"csrfmiddlewaretoken" in contribute.content


def _people_are_filed_under_their_communities():
    """Curators see the people of their own community's pages; people of several stay with staff."""
    from stories.models import Person
    from stories.services.people import people_visible_to

    filed = Person.objects.filter(community__isnull=False)
    assert filed.count() >= Person.objects.count() * 2 // 3
    for person in filed.select_related("community"):
        homes = {
            page.get_parent().pk
            for page in [
                *StoryPage.objects.filter(narrators__person=person),
                *StoryPage.objects.filter(interviewer=person),
                *HeritageObjectPage.objects.filter(brought_by=person),
            ]
        }
        assert homes == {person.community_id}, person
    from django.contrib.auth import get_user_model

    curator = get_user_model().objects.get(username="curator")
    visible = set(people_visible_to(curator))
    assert visible and all(p.community_id in {c.pk for c in CommunityPage.objects.all()} for p in visible)
    assert visible != set(Person.objects.all())
