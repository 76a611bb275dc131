"""core.sendfile: one settings family for handing files to the web server, and the old
names still read (with a warning) for one release."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from core.sendfile import DEFAULT_PREFIXES, from_environment


def test_the_new_names():
    assert from_environment({}) == ("django", DEFAULT_PREFIXES)
    environ = {
        "FILE_SERVING": "x-accel-redirect",
        "FILE_SERVING_UPLOADS_PREFIX": "/internal/uploads/",
        "FILE_SERVING_CONTRIBUTIONS_PREFIX": "",
    }
    assert from_environment(environ) == ("x-accel-redirect", {"uploads": "/internal/uploads/", "contributions": ""})


def test_the_old_names_answer_as_before_with_a_warning():
    with pytest.warns(FutureWarning, match="UPLOADS_SERVE_MODE"):
        mode, prefixes = from_environment(
            {"UPLOADS_SERVE_MODE": "x-sendfile", "CONTRIBUTIONS_SENDFILE_HEADER": "X-Sendfile"}
        )
    assert (mode, prefixes) == ("x-sendfile", DEFAULT_PREFIXES)
    with pytest.warns(FutureWarning, match="CONTRIBUTIONS_SENDFILE_PREFIX"):
        mode, prefixes = from_environment(
            {
                "UPLOADS_SERVE_MODE": "x-accel-redirect",
                "UPLOADS_ACCEL_PREFIX": "/_up/",
                "CONTRIBUTIONS_SENDFILE_HEADER": "X-Accel-Redirect",
                "CONTRIBUTIONS_SENDFILE_PREFIX": "/_in/",
            }
        )
    assert (mode, prefixes) == ("x-accel-redirect", {"uploads": "/_up/", "contributions": "/_in/"})
    # Uploads through nginx, the inbox (never configured) through Django, as before.
    with pytest.warns(FutureWarning):
        mode, prefixes = from_environment({"UPLOADS_SERVE_MODE": "x-accel-redirect"})
    assert (mode, prefixes) == ("x-accel-redirect", {"uploads": "/_protected_uploads/", "contributions": ""})


def test_old_names_that_cannot_be_one_setting_stop_the_start():
    with pytest.warns(FutureWarning), pytest.raises(ImproperlyConfigured, match="FILE_SERVING"):
        from_environment({"UPLOADS_SERVE_MODE": "x-sendfile", "CONTRIBUTIONS_SENDFILE_HEADER": "X-Accel-Redirect"})
    # X-Sendfile for uploads only: the inbox folder was never allowed to the web server.
    with pytest.warns(FutureWarning), pytest.raises(ImproperlyConfigured, match="FILE_SERVING"):
        from_environment({"UPLOADS_SERVE_MODE": "x-sendfile"})
    with pytest.warns(FutureWarning), pytest.raises(ImproperlyConfigured, match="X-LIGHTTPD"):
        from_environment({"CONTRIBUTIONS_SENDFILE_HEADER": "X-LIGHTTPD-send-file"})
