"""Previewing a draft shows it as it would be published, for a draft never saved live too.

The preview renders the page from the editor's form (or a revision), so its links to
places, languages, communities and objects are modelcluster's in-memory relations, not
database managers: the story's context used database-only calls on them and the
preview of a draft made from a contribution answered 500.
"""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from contributions.services.review import accept_contribution
from stories.models import StoryPage
from tests.contributions.factories import make_contribution
from tests.factories import HeritageObjectPageFactory, PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_dirs(settings, tmp_path):
    settings.CONTRIBUTIONS_UPLOADS_DIR = tmp_path / "contributions"


@pytest.fixture
def contributed_draft(community_a, curator_a):
    contribution = make_contribution(community_a, title="De boot van mijn vader")
    return StoryPage.objects.get(pk=accept_contribution(contribution, curator_a).pk)


def _edit_form(page, **overrides):
    """The editor's form for this page as a browser would post it (links as lists)."""
    link_fields = ("places", "languages", "related_communities", "related_objects")
    links = {key: overrides.pop(key) for key in link_fields if key in overrides}
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary or "Samenvatting",
            "body": streamfield([("paragraph", rich_text("<p>Mijn vader kwam met de boot.</p>"))]),
            "narrators": inline_formset([]),
            "depot_links": inline_formset([]),
            "access_level": page.access_level,
            "text_language": page.text_language or "nl",
            "licence": page.licence,
            "comment_notifications": False,
            **overrides,
        }
    )
    data.update(links)
    return data


def _admin_preview(client, page, data):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.json()["is_valid"], response.json()
    return client.get(url)


def test_curator_previews_a_draft_made_from_a_contribution(client, curator_a, contributed_draft):
    client.force_login(curator_a)
    response = _admin_preview(client, contributed_draft, _edit_form(contributed_draft, title="De boot, herzien"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "De boot, herzien" in text and "Mijn vader kwam met de boot." in text


def test_preview_shows_the_links_chosen_in_the_form_before_saving(
    client, curator_a, community_a, community_b, contributed_draft
):
    place = PlaceFactory(name="Mindelo")
    own_object = HeritageObjectPageFactory(parent=community_a, title="De koffer van Nha Nina")
    client.force_login(curator_a)
    data = _edit_form(
        contributed_draft,
        places=[place.pk],
        related_communities=[community_b.pk],
        related_objects=[own_object.pk],
    )
    response = _admin_preview(client, contributed_draft, data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Mindelo" in text
    assert own_object.title in text
    assert community_b.title in text


def test_preview_of_a_revision_from_code(contributed_draft, curator_a):
    revision = contributed_draft.get_latest_revision_as_object()
    response = revision.make_preview_request()
    assert response.status_code == 200
    assert contributed_draft.title in response.content.decode()


def test_preview_of_a_heritage_object_draft(community_a, curator_a):
    draft = HeritageObjectPageFactory(parent=community_a, title="De naaimachine", live=False)
    revision = draft.save_revision(user=curator_a)
    response = revision.as_object().make_preview_request()
    assert response.status_code == 200
    assert "De naaimachine" in response.content.decode()
