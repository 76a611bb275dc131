"""Login brute force: after AXES_FAILURE_LIMIT wrong passwords for one account from one
address, both login pages (the Wagtail admin's and the members') refuse that account from
that address, even with the right password, until the cool-off has passed. Another address,
or another account, can still log in; a success clears the count. The address is the one the
contribution rate limit uses (TRUSTED_PROXIES), so a client cannot rotate X-Forwarded-For to
escape the lock.
"""

import pytest
from django.contrib.auth import SESSION_KEY

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory
ATTACKER = "203.0.113.9"
ELSEWHERE = "198.51.100.20"

LOGIN_PAGES = ["/admin/login/", "/account/login/"]


def attempt(client, url, username, password, address=ATTACKER, **extra):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def fail(client, url, username, times, address=ATTACKER, **extra):
    for _ in range(times):
        attempt(client, url, username, "wrong password", address, **extra)


def logged_in(client):
    return SESSION_KEY in client.session


@pytest.fixture(autouse=True)
def limits(settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.TRUSTED_PROXIES = []


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_five_wrong_passwords_lock_the_account_for_that_address(client, curator_a, url):
    fail(client, url, "curator_a", 5)
    response = attempt(client, url, "curator_a", PASSWORD)
    assert response.status_code == 429
    text = response.content.decode()
    assert "Te veel mislukte pogingen" in text
    assert "15 minuten" in text
    assert not logged_in(client)


def test_the_lockout_page_speaks_english_on_the_english_site(client, member_a):
    fail(client, "/en/account/login/", "member_a", 5)
    response = attempt(client, "/en/account/login/", "member_a", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed login attempts" in response.content.decode()
    assert "15 minutes" in response.content.decode()


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_four_wrong_passwords_do_not_lock(client, curator_a, url):
    fail(client, url, "curator_a", 4)
    response = attempt(client, url, "curator_a", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_the_same_account_from_another_address_can_still_log_in(client, curator_a, url):
    fail(client, url, "curator_a", 5)
    response = attempt(client, url, "curator_a", PASSWORD, address=ELSEWHERE)
    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_another_account_from_the_same_address_can_still_log_in(client, curator_a, curator_b, url):
    fail(client, url, "curator_a", 5)
    response = attempt(client, url, "curator_b", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_both_login_pages_share_one_count(client, curator_a):
    """Three tries on one page and two on the other are five: no double budget."""
    fail(client, "/admin/login/", "curator_a", 3)
    fail(client, "/account/login/", "curator_a", 2)
    assert attempt(client, "/admin/login/", "curator_a", PASSWORD).status_code == 429


def test_a_success_clears_the_count(client, curator_a):
    fail(client, "/account/login/", "curator_a", 4)
    assert attempt(client, "/account/login/", "curator_a", PASSWORD).status_code == 302
    client.logout()
    fail(client, "/account/login/", "curator_a", 4)
    assert attempt(client, "/account/login/", "curator_a", PASSWORD).status_code == 302


def test_the_lock_ends_after_the_cool_off(client, curator_a, settings):
    from datetime import timedelta

    from axes.models import AccessAttempt

    fail(client, "/account/login/", "curator_a", 5)
    assert attempt(client, "/account/login/", "curator_a", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.first().attempt_time - timedelta(minutes=16))
    assert attempt(client, "/account/login/", "curator_a", PASSWORD).status_code == 302


def test_a_forged_forwarded_header_does_not_escape_the_lock(client, curator_a):
    """Without trusted proxies X-Forwarded-For is the client's own text: each try claims a new address."""
    for n in range(5):
        attempt(client, "/account/login/", "curator_a", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = attempt(client, "/account/login/", "curator_a", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_lock_follows_the_visitor_not_the_proxy(client, curator_a, settings):
    """Every request comes from nginx (10.0.0.1); the contribution rate limit's rule picks the visitor."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    fail(client, "/account/login/", "curator_a", 5, address="10.0.0.1", HTTP_X_FORWARDED_FOR=ATTACKER)
    locked = attempt(client, "/account/login/", "curator_a", PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR=ATTACKER)
    assert locked.status_code == 429
    other = attempt(client, "/account/login/", "curator_a", PASSWORD, "10.0.0.1", HTTP_X_FORWARDED_FOR=ELSEWHERE)
    assert other.status_code == 302


def test_a_wrong_password_still_gets_the_ordinary_form_error(client, member_a):
    response = attempt(client, "/account/login/", "member_a", "wrong")
    assert response.status_code == 200
    assert "form-errors" in response.content.decode()


def test_a_request_without_an_address_still_logs_in(client, curator_a, staff_user):
    """No REMOTE_ADDR (force_login's bare request, an ASGI server on a unix socket): axes
    stores no made-up address (PostgreSQL's inet column refuses "unknown") and the login works."""
    from django.test import RequestFactory

    from accounts.lockout import client_address

    request = RequestFactory().post("/account/login/")
    del request.META["REMOTE_ADDR"]
    assert client_address(request) is None
    client.force_login(staff_user)
    assert client.get("/admin/").status_code == 200
    response = client.post("/account/login/", {"username": "curator_a", "password": PASSWORD}, REMOTE_ADDR="")
    assert response.status_code == 302


def test_the_address_is_the_contribution_rate_limits(settings):
    from django.test import RequestFactory

    from accounts.lockout import client_address

    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ATTACKER}")
    assert client_address(request) == ATTACKER
