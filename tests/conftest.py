"""Shared fixtures: a site with two communities, and one user per role.

Autouse is kept to the environment (uploads in a temporary folder); everything else
is asked for by name.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Site

from contributions.models import ContributePage
from core.access import MUSEUM_STAFF_GROUP
from tests.factories import (
    CommunityIndexPageFactory,
    CommunityPageFactory,
    DepotIndexPageFactory,
    UserFactory,
)

SHARED_DATA = Path(os.environ.get("SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    """Uploads never land in the repository."""
    settings.MEDIA_ROOT = str(tmp_path / "uploads")


@pytest.fixture
def shared_data():
    """The real outside files in ../shared/data; skipped with a reason where absent (never in CI)."""
    if not SHARED_DATA.is_dir():
        if os.environ.get("CI") or os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(f"shared test data missing at {SHARED_DATA}")
        pytest.skip(f"shared test data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def home_page(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def community_index(home_page):
    return CommunityIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def community_a(community_index):
    return CommunityPageFactory(parent=community_index, title="Kaapverdianen", slug="kaapverdianen")


@pytest.fixture
def community_b(community_index):
    return CommunityPageFactory(parent=community_index, title="Katendrecht", slug="katendrecht")


@pytest.fixture
def depot_index(home_page):
    return DepotIndexPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture
def staff_user(db):
    return UserFactory(username="museum", groups=[Group.objects.get(name=MUSEUM_STAFF_GROUP)])


@pytest.fixture
def curator_a(community_a):
    community_a.refresh_from_db()
    return UserFactory(username="curator_a", groups=[community_a.curator_group])


@pytest.fixture
def curator_b(community_b):
    community_b.refresh_from_db()
    return UserFactory(username="curator_b", groups=[community_b.curator_group])


@pytest.fixture
def member_a(community_a):
    community_a.refresh_from_db()
    return UserFactory(username="member_a", groups=[community_a.member_group])


@pytest.fixture
def member_b(community_b):
    community_b.refresh_from_db()
    return UserFactory(username="member_b", groups=[community_b.member_group])


@pytest.fixture
def contribute_page(home_page, community_a, community_b):
    """The public contribution form page (the sender's status pages hang under it too)."""
    page = ContributePage(
        title="Bijdragen",
        slug="bijdragen",
        consent_text="<p>Ik geef toestemming.</p>",
        consent_text_version="2026-1",
    )
    home_page.add_child(instance=page)
    return page
