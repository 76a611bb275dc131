"""Development: debug on, a fixed insecure key, everything local under var/."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", True)
SECRET_KEY = env.str("SECRET_KEY", "dev-only-insecure-key-brengkunst-not-for-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["*"])
