"""Playwright driving Debian's chromium against pytest-django's live server."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def _unavailable(reason):
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"browser tests required but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium(django_db_setup):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        _unavailable(f"{CHROMIUM} not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    # Playwright's sync API keeps an event loop running in this thread for the whole
    # session; Django's ORM calls (fixtures, test bodies) are still synchronous and safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield from _launch(sync_playwright)
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _launch(sync_playwright):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def uploads_through_the_site(monkeypatch):
    """Django's live server answers MEDIA_URL itself (django.views.static.serve: no access
    check, no Range requests, so nothing is seekable); send uploads to the site's own
    access-checked view (media.serving), as production does, so the browser tests see
    what a visitor sees."""
    from django.test import testcases

    monkeypatch.setattr(testcases._MediaFilesHandler, "_should_handle", lambda self, path: False)


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def home_page(transactional_db):
    """Transactional tests start from a flushed database: put back what migrations seeded."""
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page, Site

    from home.models import HomePage
    from stories.services.roles import ensure_museum_staff_group

    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = HomePage.objects.first() or root.add_child(instance=HomePage(title="Brengkunst", slug="home", locale=locale))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    from importlib import import_module

    from stories.models import Language

    for code, name_nl, name_en in import_module("stories.migrations.0002_seed_languages").LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name_nl": name_nl, "name_en": name_en})
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    ensure_museum_staff_group()
    return home
