"""The public site's Content-Security-Policy, and the one exception a page may make to it.

In core because a content app (depot) makes that exception, and apps import only downwards.

The policy (CONTENT_SECURITY_POLICY in config/settings/base.py, sent by django-csp's
middleware) allows scripts, styles, media and requests only from the site itself: our
templates load their JavaScript and CSS as files and carry no inline script, style or
event handler (tests/security/test_csp.py checks both). The Wagtail admin is left out
(EXCLUDE_URL_PREFIXES): it runs on inline scripts and styles, a policy allowing those
would protect little, and X-Frame-Options already keeps it out of other sites' frames.

A depot item's image lives on the museum's image server, named by the catalogue record;
`allow_image_from` lets that one page load images from that one origin.
"""

import re
from urllib.parse import urlsplit

# An origin as CSP writes it: scheme, host and optional port, nothing a header could be bent with.
_ORIGIN = re.compile(r"^https?://[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?$", re.IGNORECASE)


def origin_of(url: str) -> str | None:
    """The http(s) origin of `url`, or None when it has none a policy may name."""
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or "@" in parts.netloc:
        return None
    origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
    return origin if _ORIGIN.match(origin) else None


def allow_image_from(response, url: str):
    """Add the origin of `url` to this response's img-src (django-csp's per-response update,
    the attribute its csp_update decorator sets); a URL without a clean origin adds nothing."""
    origin = origin_of(url)
    if origin:
        response._csp_update = {"img-src": [origin]}
    return response
