"""Tests: fast hashing, uploads in a temporary folder (set by tests/conftest.py), tasks inline."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-insecure-key-brengkunst"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ENQUEUE_ON_COMMIT": False,
    }
}
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", "http://testserver")

# Tests never use an engine by accident: the app runs on database search, and only the
# engine tests point it at the node bin/test started (SEARCH_URL), each on a private alias.
TEST_SEARCH_URL = env.str("TEST_SEARCH_URL", "") or env.str("SEARCH_URL", "")
SEARCH_URL = ""
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
