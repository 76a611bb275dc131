"""Who is trying to log in (the address), and the answer while that is locked.

django-axes calls `lockout_response` (AXES_LOCKOUT_CALLABLE) for both login pages. It
says, in the visitor's language, why the login was refused and how long to wait: every
attempt during the lock starts the cool-off again (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT),
so the full cool-off is the honest wait. Status 429, so scripts and monitoring see a limit,
not a wrong password.
"""

import ipaddress
import math

from axes.helpers import get_cool_off, get_failure_limit
from django.shortcuts import render

import core.requests


def client_address(request) -> str | None:
    """The address axes counts by (AXES_CLIENT_IP_CALLABLE): core.requests.client_address,
    which the contribution rate limit counts by too, so both read TRUSTED_PROXIES alike;
    None when the request carries no address (axes stores it in an IP column, which on
    PostgreSQL refuses anything else)."""
    address = core.requests.client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cool_off_minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "registration/locked_out.html", context, status=429)
