"""Where a request comes from: the client's address, read the same way by every limit.

Behind a reverse proxy every request comes from the proxy's address, which would put
all clients in one bucket; X-Forwarded-For, on the other hand, is written by the
client and cannot be trusted as such. So the header is read only when the request
comes from a proxy listed in TRUSTED_PROXIES, and then from the right: the first
address that is not itself a trusted proxy is the client.

In core because two apps count by it and must agree: the contribution rate limit
(contributions.services.ratelimit) and the login lockout (accounts.lockout, django-axes).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


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


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or the nearest untrusted hop of X-Forwarded-For
    when REMOTE_ADDR is one of the TRUSTED_PROXIES ("unknown" when there is no REMOTE_ADDR)."""
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
