"""A per-address limit on contributions, counted in Django's cache.

The address is never stored: a keyed hash of it is both the cache key and what a
Contribution keeps, so curators can see that several came from one sender without
knowing who. The count must be shared by every server process: production settings
use the database cache unless CACHE_BACKEND names another shared one.

The sender's address is core.requests.client_address (REMOTE_ADDR, or behind one of
the TRUSTED_PROXIES the nearest address in X-Forwarded-For that is not ours), the same
one the login lockout counts by.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "contributions:attempts:"


def address_hash(address: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def is_blocked(address_digest: str) -> bool:
    return cache.get(KEY_PREFIX + address_digest, 0) >= settings.CONTRIBUTION_RATE_LIMIT


def count_attempt(address_digest: str) -> int:
    """Count one sending of the form; the window starts at the first one."""
    key = KEY_PREFIX + address_digest
    cache.add(key, 0, timeout=settings.CONTRIBUTION_RATE_WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=settings.CONTRIBUTION_RATE_WINDOW_SECONDS)
        return 1
