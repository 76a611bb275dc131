"""Files one browser may fetch for a preview it was shown: the teller's review of a draft.

A draft's recordings and images are used by no live page, so the file check
(media.serving) refuses them to anyone without an admin right, and a reviewer following
a private link has none. The review page grants the browser, in its session, exactly
the files the preview it rendered points at, for a limited time; the file check accepts
a granted name as it accepts a readable page. Nothing else opens: not another file of
the same page, not a file of another page, and not after the grant expires.
"""

from __future__ import annotations

import time

SESSION_KEY = "preview_file_grants"
MAX_NAMES = 500


def grant_files(request, names, *, seconds: int) -> None:
    """Let this browser fetch these storage names (uploads-relative) for ``seconds``."""
    session = getattr(request, "session", None)
    if session is None:
        return
    now = time.time()
    grants = {name: until for name, until in session.get(SESSION_KEY, {}).items() if until > now}
    for name in names:
        grants[name] = now + seconds
    if len(grants) > MAX_NAMES:  # the newest grants win; a session cannot grow without end
        grants = dict(sorted(grants.items(), key=lambda item: item[1])[-MAX_NAMES:])
    session[SESSION_KEY] = grants


def is_granted(request, name: str) -> bool:
    session = getattr(request, "session", None) if request is not None else None
    if session is None:
        return False
    until = session.get(SESSION_KEY, {}).get(name)
    return until is not None and until > time.time()
