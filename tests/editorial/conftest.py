"""Editorial fixtures: private evidence in a temporary folder; stories to attach consent to.

The real search node fixture (`engine`) is re-exported from the search tests.
"""

import pytest

from tests.factories import StoryPageFactory
from tests.search.conftest import engine, search_url  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def private_uploads_in_tmp(settings, tmp_path):
    settings.PRIVATE_UPLOADS_DIR = str(tmp_path / "private")


@pytest.fixture
def story_a(community_a):
    return StoryPageFactory(parent=community_a, title="De haven van Mindelo", slug="haven-mindelo")


@pytest.fixture
def story_b(community_b):
    return StoryPageFactory(parent=community_b, title="Kaapse nachten", slug="kaapse-nachten")
