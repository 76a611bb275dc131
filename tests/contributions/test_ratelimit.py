"""The contribution rate limit counts in a cache every server process shares."""

import pytest
from django.core.cache import caches

from contributions.services import ratelimit


@pytest.mark.django_db(transaction=True)
def test_the_count_is_shared_through_the_database_cache(settings):
    """Production's default cache: two processes see one count (two cache objects here,
    each with its own connection to the same table)."""
    from django.core.management import call_command

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "brengkunst_test_cache"},
        "other": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "brengkunst_test_cache"},
    }
    settings.CONTRIBUTION_RATE_LIMIT = 3
    call_command("migrate", verbosity=0)  # post_migrate makes the cache table
    try:
        first, second = caches["default"], caches["other"]
        assert first is not second
        digest = ratelimit.address_hash("198.51.100.1")
        for _ in range(3):
            ratelimit.count_attempt(digest)
        assert second.get(ratelimit.KEY_PREFIX + digest) == 3
        assert ratelimit.is_blocked(digest)
    finally:
        first.clear()
