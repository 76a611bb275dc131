"""Production: secure by default and fails fast when a required variable is missing."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env

DEBUG = env.bool("DEBUG", False)
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment (at least 50 random characters).")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# One cache for every server process: the contribution form's rate limit counts in it,
# and a per-process cache would let each process allow its own quota. The database
# cache needs nothing else to run (its table is made after every migrate, see
# contributions/apps.py); CACHE_BACKEND/CACHE_LOCATION name another shared cache (e.g.
# django.core.cache.backends.redis.RedisCache, redis://…).
CACHES = {
    "default": {
        "BACKEND": env.str("CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": env.str("CACHE_LOCATION", "brengkunst_cache"),
    }
}
