"""Content-Security-Policy on the public site: scripts, styles and media only from the site
itself, no inline script, no plug-ins, no framing. The Wagtail admin (/admin/) is left out of
the policy (its own pages use inline scripts and styles). A catalogue item's image comes
from the museum's image server: that item's page allows that one origin in img-src."""

import pytest

from tests.factories import DepotItemFactory, StoryPageFactory

HEADER = "Content-Security-Policy"


def directives(response):
    assert HEADER in response, f"no {HEADER} header on {response.wsgi_request.path}"
    policy = {}
    for part in response[HEADER].split(";"):
        words = part.split()
        if words:
            policy[words[0]] = words[1:]
    return policy


@pytest.fixture
def public_story(community_a):
    story = StoryPageFactory(parent=community_a, title="De kolenkit")
    story.save_revision().publish()
    return story


@pytest.fixture
def public_pages(home_page, community_a, public_story):
    return {
        "home": home_page.url,
        "story": public_story.url,
        "search": "/search/?q=kolenkit",
        "autocomplete": "/search/autocomplete/?q=kol",
        "community": community_a.url,
        "english search": "/en/search/",
        "login": "/account/login/",
    }


@pytest.mark.parametrize("name", ["home", "story", "search", "autocomplete", "community", "english search", "login"])
def test_public_pages_carry_a_strict_policy(client, public_pages, name):
    response = client.get(public_pages[name])
    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # in particular no 'unsafe-inline' or 'unsafe-eval'
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["media-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_a_missing_page_carries_the_policy_too(client, home_page):
    response = client.get("/geen-pagina/")
    assert response.status_code == 404
    assert "'unsafe-inline'" not in response[HEADER]


def test_the_lockout_page_carries_the_policy(client, member_a, settings):
    settings.AXES_FAILURE_LIMIT = 1
    response = client.post("/account/login/", {"username": "member_a", "password": "wrong"})
    assert response.status_code == 429
    assert directives(response)["script-src"] == ["'self'"]


def test_the_wagtail_admin_is_left_out(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert HEADER not in response


def test_public_templates_have_no_inline_script_or_style():
    """What the policy forbids must not be in our own templates (the admin's excepted)."""
    import re
    from pathlib import Path

    from django.conf import settings

    offenders = []
    for template in Path(settings.BASE_DIR).glob("*/templates/**/*.html"):
        if "/admin/" in str(template) or ".venv" in template.parts:
            continue
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"<style\b|\sstyle=|\son[a-z]+=", text):
            offenders.append(str(template.relative_to(settings.BASE_DIR)))
    assert offenders == []


def test_the_depot_item_page_allows_its_own_image_server(client, depot_index):
    """The museum's image server is named by the catalogue record itself: the item's page
    allows exactly that origin in img-src, and no other page does."""
    item = DepotItemFactory(image_url="https://images.museum.example/iiif/BK-1.jpg")
    response = client.get(f"{depot_index.url}{item.inventory_number}/")
    assert response.status_code == 200
    assert 'src="https://images.museum.example/iiif/BK-1.jpg"' in response.content.decode()
    assert directives(response)["img-src"] == ["'self'", "data:", "https://images.museum.example"]
    assert directives(client.get(depot_index.url))["img-src"] == ["'self'", "data:"]


@pytest.mark.parametrize(
    "image_url",
    [
        "https://images.museum.example;script-src 'unsafe-inline'/x.jpg",
        "https://images.museum.example 'unsafe-inline'/x.jpg",
        "javascript:alert(1)",
        "https://*/x.jpg",
    ],
)
def test_a_strange_image_address_adds_nothing_to_the_policy(client, depot_index, image_url):
    item = DepotItemFactory(image_url=image_url)
    response = client.get(f"{depot_index.url}{item.inventory_number}/")
    policy = directives(response)
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["script-src"] == ["'self'"]
