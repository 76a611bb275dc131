"""Fixtures for contribution tests: a contribute page, private storage in tmp, a clean cache."""

import secrets
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from stories.models import Language


@pytest.fixture(autouse=True)
def contributions_dir(settings, tmp_path):
    settings.CONTRIBUTIONS_UPLOADS_DIR = tmp_path / "contributions"
    return Path(settings.CONTRIBUTIONS_UPLOADS_DIR)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def language(db):
    return Language.objects.get(code="nl")


def stored_files(root: Path) -> list[Path]:
    """Every file in private contribution storage (blobs and temporary files)."""
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def form_data(community_a, language):
    """A complete, valid form, as a browser would send it (without files)."""

    def build(**overrides):
        data = {
            "community": str(community_a.pk),
            "kind": "story",
            "title": "De boot naar Rotterdam",
            "text": "Mijn vader kwam in 1965 met de boot.\n\nHij werkte in de haven.",
            "language": str(language.pk),
            "name_display": "full",
            "full_name": "Maria Fernandes",
            "pseudonym": "",
            "email": "maria@example.org",
            "consent_uses": ["online", "exhibition"],
            "licence": "https://creativecommons.org/licenses/by-nc/4.0/",
            "consent_agreed": "on",
            "consent_text_version": "2026-1",
            "form_token": secrets.token_urlsafe(32),
            "kept_files": "",
            "website": "",
        }
        data.update(overrides)
        return {k: v for k, v in data.items() if v is not None}

    return build


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)
