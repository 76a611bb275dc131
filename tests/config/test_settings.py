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
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="brengkunst.example", DEBUG="1",
    )
    assert result.returncode != 0
    assert "DEBUG" in result.stdout + result.stderr


def test_production_counts_in_a_cache_every_process_shares():
    result = run_manage(
        "shell", "-c", "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        SECRET_KEY=secrets.token_urlsafe(64), ALLOWED_HOSTS="brengkunst.example",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "django.core.cache.backends.db.DatabaseCache"
