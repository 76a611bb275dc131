"""A per-address limit on contributions, counted in Django's cache.

The address is never stored: a keyed hash of it is both the cache key and what a
Contribution keeps, so curators can see that several came from one sender without
knowing who. The count must be shared by every server process: production settings
use the database cache unless CACHE_BACKEND names another shared one.

Behind a reverse proxy every request comes from the proxy's address, which would put
all senders in one bucket; X-Forwarded-For, on the other hand, is written by the
client and cannot be trusted as such. So the header is read only when the request
comes from a proxy listed in TRUSTED_PROXIES, and then from the right: the first
address that is not itself a trusted proxy is the sender.
"""

import hashlib
import hmac
import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "contributions:attempts:"


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _ip(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _is_trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def sender_address(request) -> str:
    """The sender's address: REMOTE_ADDR, or the nearest untrusted hop of X-Forwarded-For
    when REMOTE_ADDR is one of the TRUSTED_PROXIES."""
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    if not networks or not _is_trusted(_ip(remote), networks):
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _ip(hop)
        if address is None:
            return remote  # a garbled header: count it against the proxy, never guess
        if not _is_trusted(address, networks):
            return str(address)
    return remote


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
