"""Settings shared by every environment; all real configuration comes from the environment.

Variables (see docs/configuration.md): DATABASE_URL, SEARCH_URL, SEARCH_ENGINE,
SECRET_KEY, DEBUG, ALLOWED_HOSTS, UPLOADS_DIR, UPLOADS_URL, STATIC_ROOT,
BASE_URL, EMAIL_URL, DEFAULT_FROM_EMAIL.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from environs import Env

from core import sendfile

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = Env()
env.read_env(BASE_DIR / ".env", recurse=False)

DEBUG = env.bool("DEBUG", False)
SECRET_KEY = env.str("SECRET_KEY", "")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "home",
    "stories",
    "depot",
    "media",
    "search",
    "editorial",
    "contributions",
    "exchange",
    "core",  # the bottom layer; an app so that its template tags (core/templatetags) load
    "wagtailmedia",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Last: the demo sits on top of every app (it may import them; none imports it).
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a refused login of a locked-out account into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # The site's shell (base templates, 404/500, components) lives in site/.
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.site_navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env.str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env.int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Passwords, login ------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Visitors and community members log in on the public site; curators and staff in the admin.
# Both pages go through django.contrib.auth.authenticate, so django-axes guards both: its
# backend comes first and refuses an account that is locked for the sender's address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute force: AXES_FAILURE_LIMIT wrong passwords for one username from one address lock that
# combination for AXES_COOLOFF_MINUTES (each try during the lock starts it again); a success
# clears the count. Counted in the database (axes.AccessAttempt), so every process agrees.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# The sender's address by the same rule as the contribution rate limit (core/requests.py, TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_address"
# No table of every successful login with its address; a failed attempt is deleted at the
# first login attempt after its cool-off, or when the account logs in.
AXES_DISABLE_ACCESS_LOG = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

# --- Content-Security-Policy (django-csp; see core/csp.py) --------------------
# Everything from the site itself, no inline script or style, no plug-ins, never framed.
# The Wagtail admin is left out: it relies on inline scripts and styles.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

# --- Languages: Dutch first, English second ---------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

# --- Static files and uploads -----------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", VAR_DIR / "static")
STATIC_URL = "/static/"
# Uploaded files never live inside the code tree (media/ is an app, not a folder of uploads).
MEDIA_ROOT = env.path("UPLOADS_DIR", VAR_DIR / "uploads")
MEDIA_URL = env.str("UPLOADS_URL", "/uploads/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o640
# Small requests are parsed in memory; anything larger goes to a temporary file in chunks,
# hashed (sha256) as it arrives, so a 500 MB video never sits in the server's memory.
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "contributions.upload_handlers.HashingTemporaryFileUploadHandler",
]
# Consent evidence (signed forms, recorded verbal consent): never under UPLOADS_URL.
PRIVATE_UPLOADS_DIR = env.path("PRIVATE_UPLOADS_DIR", VAR_DIR / "private")
# Files behind an access check (uploads: media/serving.py; inbox files:
# contributions/admin_views.py) all leave the same way (core/sendfile.py), FILE_SERVING:
# "django" streams them itself (with Range); in production let the web server send the
# bytes: "x-accel-redirect" (nginx: an internal location per storage root, aliasing it,
# FILE_SERVING_UPLOADS_PREFIX for UPLOADS_DIR, FILE_SERVING_CONTRIBUTIONS_PREFIX for
# CONTRIBUTIONS_UPLOADS_DIR; an empty prefix leaves that root to Django) or "x-sendfile"
# (Apache mod_xsendfile, lighttpd: the absolute path). The old UPLOADS_SERVE_MODE,
# UPLOADS_ACCEL_PREFIX, CONTRIBUTIONS_SENDFILE_HEADER/PREFIX are read for one more release.
FILE_SERVING, FILE_SERVING_PREFIXES = sendfile.from_environment(os.environ)
# Publicly readable files may be cached this long (seconds): short, so withdrawn consent bites soon.
UPLOADS_PUBLIC_MAX_AGE = env.int("UPLOADS_PUBLIC_MAX_AGE", 300)

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Brengkunst"
# The page model that stands for a community: the access rule (core.access) reads its
# subtree and its curator and member groups without importing the app that defines it.
COMMUNITY_PAGE_MODEL = "stories.CommunityPage"
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "heic"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "txt", "csv", "odt", "docx"]
# Documents only through media.serving.serve_document (the access check), never a storage URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Pixels an image may have (admin uploads and the public form): 100 million takes a 48 MP
# phone photo and refuses a decompression bomb (a small PNG that decodes to gigabytes).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("IMAGES_MAX_PIXELS", 100_000_000)
WAGTAILMEDIA = {
    "MEDIA_MODEL": "media.OralHistoryMedia",
    "MEDIA_FORM_BASE": "media.forms.RecordingForm",  # ffprobe checks every upload
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "wav", "ogg", "oga", "flac"],
    "VIDEO_EXTENSIONS": ["mp4", "webm", "mov", "m4v"],
}

# --- Search -----------------------------------------------------------------
# SEARCH_URL unset: Wagtail's database backend and database search for the public.
# Set: the engine answers both, Wagtail's own backend for admin search and the
# project's adapter (search/engine.py) for the public index.
SEARCH_URL = env.str("SEARCH_URL", "")
SEARCH_ENGINE = env.str("SEARCH_ENGINE", "opensearch")  # opensearch | elasticsearch
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", "brengkunst_")
SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", 5.0)
# When the engine answers a search, index updates still waiting (a send failed, or older
# than SEARCH_REPLAY_AFTER_SECONDS) are sent: checked at most once per
# SEARCH_REPLAY_CHECK_SECONDS, so an outage ends without running search_replay by hand.
SEARCH_REPLAY_CHECK_SECONDS = env.float("SEARCH_REPLAY_CHECK_SECONDS", 60.0)
SEARCH_REPLAY_AFTER_SECONDS = env.float("SEARCH_REPLAY_AFTER_SECONDS", 120.0)


def _wagtail_search_backend(engine: str) -> str:
    """Wagtail's backend module for the engine and the installed client's major version."""
    if engine.startswith("elasticsearch"):
        return "wagtail.search.backends.elasticsearch8"
    import opensearchpy

    return "wagtail.search.backends." + ("opensearch3" if opensearchpy.VERSION[0] >= 3 else "opensearch2")


if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": _wagtail_search_backend(SEARCH_ENGINE),
            "URLS": [SEARCH_URL],
            # Wagtail's own indexes; the public index has its own alias (search/).
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}wagtail_",
            "TIMEOUT": SEARCH_TIMEOUT,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Background tasks ---------------------------------------------------------
# Immediate (in the request) in development and tests; in production the database
# backend, TASKS_BACKEND=django_tasks_db.DatabaseBackend, with `manage.py db_worker`
# running beside the web process. Its table exists everywhere, so switching is a setting.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# --- E-mail -----------------------------------------------------------------
EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "Brengkunst <noreply@brengkunst.localhost>")

# --- Brengkunst ---------------------------------------------------------------
# Page size for public listings: community stories, depot links.
LISTING_PAGE_SIZE = env.int("LISTING_PAGE_SIZE", 12)

# Public contributions (contributions/): files sent by the public are kept outside the
# public uploads folder and only served through the inbox's checked view.
CONTRIBUTIONS_UPLOADS_DIR = env.path("CONTRIBUTIONS_UPLOADS_DIR", VAR_DIR / "contributions")
_MB = 1024 * 1024
CONTRIBUTION_MAX_BYTES = {
    "audio": env.int("CONTRIBUTION_MAX_AUDIO_MB", 500) * _MB,
    "video": env.int("CONTRIBUTION_MAX_VIDEO_MB", 1024) * _MB,
    "image": env.int("CONTRIBUTION_MAX_IMAGE_MB", 30) * _MB,
    "document": env.int("CONTRIBUTION_MAX_DOCUMENT_MB", 30) * _MB,
}
CONTRIBUTION_MAX_TOTAL_BYTES = env.int("CONTRIBUTION_MAX_TOTAL_MB", 1536) * _MB
CONTRIBUTION_MAX_FILES = env.int("CONTRIBUTION_MAX_FILES", 20)
# Sendings of the form per sender address per window (counted in the cache: use a shared
# cache with several server processes).
CONTRIBUTION_RATE_LIMIT = env.int("CONTRIBUTION_RATE_LIMIT", 10)
CONTRIBUTION_RATE_WINDOW_SECONDS = env.int("CONTRIBUTION_RATE_WINDOW_SECONDS", 3600)
# How long the sender's private status link works (contributions.services.sender_links).
CONTRIBUTION_LINK_DAYS = env.int("CONTRIBUTION_LINK_DAYS", 90)
# How long a finished community export waits for download before it is deleted (exchange.services).
EXPORT_KEEP_DAYS = env.int("EXPORT_KEEP_DAYS", 7)
# How long a teller's review link works (editorial.services.teller_review).
REVIEW_LINK_DAYS = env.int("REVIEW_LINK_DAYS", 30)
# Reverse proxies (addresses or networks) whose X-Forwarded-For is believed when they are
# the direct peer; empty: REMOTE_ADDR is the sender (see contributions.services.ratelimit).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", [])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is not an IP address or network.") from _error
# How long files from a form that came back with errors wait for the corrected form.
CONTRIBUTION_KEEP_UPLOADS_SECONDS = env.int("CONTRIBUTION_KEEP_UPLOADS_SECONDS", 24 * 3600)
# How often sending the form queues the removal of unclaimed files (contributions.tasks).
CONTRIBUTION_CLEANUP_INTERVAL_SECONDS = env.int("CONTRIBUTION_CLEANUP_INTERVAL_SECONDS", 6 * 3600)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "WARNING")},
}
