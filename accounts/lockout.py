"""The answer to a login attempt while its account is locked for the sender's address.

django-axes calls `lockout_response` (AXES_LOCKOUT_CALLABLE) for both login pages. It
says, in the visitor's language, why the login was refused and how long to wait: every
attempt during the lock starts the cool-off again (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT),
so the full cool-off is the honest wait. Status 429, so scripts and monitoring see a limit,
not a wrong password.
"""

import math

from axes.helpers import get_cool_off, get_failure_limit
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cool_off_minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "registration/locked_out.html", context, status=429)
