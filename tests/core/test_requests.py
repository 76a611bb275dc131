"""Who is the client, for the contribution rate limit and the login lockout: REMOTE_ADDR,
or behind a trusted proxy the nearest address in X-Forwarded-For that is not one of our
proxies. A client cannot choose its own bucket by writing the header."""

import pytest
from django.test import RequestFactory

from core.requests import client_address


def request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/bijdragen/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_a_client_that_is_not_a_proxy_cannot_pick_its_address(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(request("203.0.113.7", "198.51.100.1, 10.0.0.2")) == "203.0.113.7"


@pytest.mark.parametrize(
    "forwarded, expected",
    [
        ("198.51.100.1", "198.51.100.1"),  # nginx in front: the client's address
        ("1.2.3.4, 198.51.100.1", "198.51.100.1"),  # a spoofed first hop is skipped
        ("198.51.100.1, 10.0.0.5", "198.51.100.1"),  # two proxies of ours
        ("2001:db8::42", "2001:db8::42"),
        ("10.0.0.5, 10.0.0.6", "10.0.0.1"),  # only proxies: the peer itself
        ("198.51.100.1, not-an-address", "10.0.0.1"),  # garbled: never a guess
        ("", "10.0.0.1"),
    ],
)
def test_behind_a_trusted_proxy_the_nearest_untrusted_hop_is_the_sender(settings, forwarded, expected):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "127.0.0.1"]
    assert client_address(request("10.0.0.1", forwarded)) == expected


def test_a_bad_trusted_proxy_setting_stops_the_start():
    import subprocess
    import sys

    from tests.config.test_settings import ROOT

    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "TRUSTED_PROXIES": "10.0.0.0/8,nginx",
            "PATH": "/usr/bin:/bin",
            "DATABASE_URL": "sqlite:///:memory:",
        },
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXIES: 'nginx' is not an IP address or network." in result.stderr
