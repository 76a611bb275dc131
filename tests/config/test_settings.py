"""Production settings pass Django's deployment checklist and refuse to start without a secret."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="brengkunst.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="brengkunst.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_with_debug_on_is_flagged():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="brengkunst.example",
        DEBUG="1",
    )
    assert result.returncode != 0
    assert "DEBUG" in result.stdout + result.stderr


def test_production_counts_in_a_cache_every_process_shares():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="brengkunst.example",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "django.core.cache.backends.db.DatabaseCache"


def test_production_validates_passwords_and_guards_both_logins():
    """Django's four password validators, and django-axes in front of authenticate()."""
    script = (
        "from django.conf import settings as s; import json; print(json.dumps(["
        "[v['NAME'].rsplit('.', 1)[-1] for v in s.AUTH_PASSWORD_VALIDATORS],"
        "s.AUTHENTICATION_BACKENDS[0], 'axes.middleware.AxesMiddleware' in s.MIDDLEWARE,"
        "s.AXES_ENABLED, s.AXES_LOCKOUT_PARAMETERS, s.AXES_FAILURE_LIMIT, s.AXES_CLIENT_IP_CALLABLE]))"
    )
    result = run_manage("shell", "-c", script, SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="brengkunst.example")
    assert result.returncode == 0, result.stderr
    import json

    validators, backend, middleware, enabled, parameters, limit, client_ip = json.loads(
        result.stdout.strip().splitlines()[-1]
    )
    assert validators == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]
    assert backend == "axes.backends.AxesStandaloneBackend"
    assert middleware and enabled
    assert parameters == [["username", "ip_address"]]
    assert limit == 5
    assert client_ip == "accounts.lockout.client_address"


def test_a_weak_password_is_refused_in_production():
    script = (
        "from django.contrib.auth.password_validation import validate_password\n"
        "from django.core.exceptions import ValidationError\n"
        "for pw in ['12345678', 'password', 'kort']:\n"
        "    try:\n"
        "        validate_password(pw)\n"
        "        print('ACCEPTED', pw)\n"
        "    except ValidationError:\n"
        "        print('refused', pw)\n"
    )
    result = run_manage("shell", "-c", script, SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="brengkunst.example")
    assert result.returncode == 0, result.stderr
    assert "ACCEPTED" not in result.stdout, result.stdout
