"""Only museum staff link stories and objects to the catalogue: the chooser and the editor forms."""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from depot.models import DepotItem, DepotRelation
from stories.models import ObjectDepotLink, StoryDepotLink
from tests.admin_forms import story_form
from tests.factories import DepotItemFactory, HeritageObjectPageFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

CHOOSE = "depot_item_chooser:choose"
RESULTS = "depot_item_chooser:choose_results"
CHOSEN = "depot_item_chooser:chosen"


@pytest.fixture
def items(db):
    return {
        "koffer": DepotItemFactory(inventory_number="BK-1975-0042", title="Hutkoffer", maker="Onbekend"),
        "doek": DepotItemFactory(inventory_number="BK-1975-0043", title="Draagdoek", maker="Maria da Silva"),
        "pan": DepotItemFactory(inventory_number="TM-3012", title="Koekenpan", maker="Jan de Vries"),
        "gone": DepotItemFactory(inventory_number="BK-1975-0044", title="Weg", withdrawn=True),
    }


def results_for(client, query):
    response = client.get(reverse(RESULTS), {"q": query})
    assert response.status_code == 200
    return response.content.decode()


# ---- the chooser ----------------------------------------------------------------


def test_staff_find_items_by_inventory_number_title_or_maker(client, staff_user, items):
    client.force_login(staff_user)
    assert client.get(reverse(CHOOSE)).status_code == 200
    by_prefix = results_for(client, "bk-1975")
    assert "Hutkoffer" in by_prefix and "Draagdoek" in by_prefix and "Koekenpan" not in by_prefix
    assert "Weg" not in by_prefix  # withdrawn items are not offered for new links
    assert "Koekenpan" in results_for(client, "koeken")
    assert "Draagdoek" in results_for(client, "da silva")
    # a number is matched from its start only: "0042" is not the start of BK-1975-0042
    assert "Hutkoffer" not in results_for(client, "0042")


def test_the_full_inventory_number_comes_first(client, staff_user, items):
    DepotItemFactory(inventory_number="BK-1975-00420", title="Andere koffer")
    client.force_login(staff_user)
    html = results_for(client, "BK-1975-0042")
    assert html.index("Hutkoffer") < html.index("Andere koffer")


def test_choosing_answers_with_the_item(client, staff_user, items):
    client.force_login(staff_user)
    response = client.get(reverse(CHOSEN, args=[items["pan"].pk]))
    data = json.loads(response.content)
    assert data["step"] == "chosen"
    assert data["result"]["id"] == str(items["pan"].pk)
    assert "TM-3012" in data["result"]["title"]


def test_results_are_paginated(client, staff_user):
    DepotItem.objects.bulk_create(
        DepotItem(inventory_number=f"P-{n:03d}", url_slug=f"P-{n:03d}", title=f"Pot {n}") for n in range(45)
    )
    client.force_login(staff_user)
    html = results_for(client, "P-")
    assert "P-000" in html and "P-019" in html and "P-020" not in html
    second = client.get(reverse(RESULTS), {"q": "P-", "p": 3}).content.decode()
    assert "P-040" in second and "P-039" not in second


@pytest.mark.parametrize("who", ["curator_a", "member_a"])
def test_the_chooser_refuses_everyone_else(client, request, items, who):
    client.force_login(request.getfixturevalue(who))
    for url in (
        reverse(CHOOSE),
        reverse(RESULTS) + "?q=BK",
        reverse(CHOSEN, args=[items["koffer"].pk]),
        reverse("depot_item_chooser:chosen_multiple") + f"?id={items['koffer'].pk}",
        reverse("depot_item_chooser:create"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Hutkoffer" not in response.content, url


def test_the_chooser_sends_anonymous_visitors_to_the_login(client, items):
    response = client.get(reverse(RESULTS), {"q": "BK"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_relation_types_are_the_five_of_the_issue():
    assert set(DepotRelation.values) == {"depicts", "mentions", "made_by", "family", "same_kind"}


# ---- the story editor -----------------------------------------------------------


@pytest.fixture
def story(community_a):
    story = StoryPageFactory(parent=community_a, title="Het verhaal van de koffer", live=False)
    story.save_revision()
    return story


def post_story(client, story, **overrides):
    return client.post(
        f"/admin/pages/{story.pk}/edit/",
        story_form(title=story.title, slug=story.slug, **overrides),
    )


def draft_of(page):
    """The page as the latest revision has it (re-read: the instance caches latest_revision)."""
    return type(page).objects.get(pk=page.pk).get_latest_revision_as_object()


def latest_links(page):
    return list(draft_of(page).depot_links.all())


def link_rows(*rows, **formset_options):
    return inline_formset(list(rows), **formset_options)


def test_staff_link_a_story_with_relation_and_note(client, staff_user, story, items):
    client.force_login(staff_user)
    edit = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert reverse(CHOOSE) in edit  # the panel uses the depot chooser
    response = post_story(
        client,
        story,
        depot_links=link_rows({"depot_item": items["koffer"].pk, "relation": "family", "note": "De koffer van oma"}),
        **{"action-publish": "publish"},
    )
    assert response.status_code == 302
    link = StoryDepotLink.objects.get(story=story)
    assert (link.depot_item, link.relation, link.note) == (items["koffer"], "family", "De koffer van oma")


def test_a_curator_does_not_see_the_depot_panel(client, curator_a, story):
    client.force_login(curator_a)
    edit = client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert reverse(CHOOSE) not in edit
    assert 'name="depot_links-TOTAL_FORMS"' not in edit


def test_a_curator_posting_depot_links_creates_none(client, curator_a, story, items):
    client.force_login(curator_a)
    response = post_story(
        client,
        story,
        summary="Door de curator herzien",
        depot_links=link_rows({"depot_item": items["koffer"].pk, "relation": "depicts", "note": "zelf gelinkt"}),
    )
    assert response.status_code == 302  # the rest of the edit is saved as a draft
    assert draft_of(story).summary == "Door de curator herzien"
    assert latest_links(story) == []
    assert not StoryDepotLink.objects.exists()


def test_a_curator_cannot_change_or_remove_links_staff_made(client, curator_a, staff_user, story, items):
    client.force_login(staff_user)
    post_story(
        client,
        story,
        depot_links=link_rows({"depot_item": items["koffer"].pk, "relation": "mentions", "note": "van staf"}),
        **{"action-publish": "publish"},
    )
    link = StoryDepotLink.objects.get(story=story)
    client.force_login(curator_a)
    for rows in (
        link_rows(
            {"id": link.pk, "depot_item": items["pan"].pk, "relation": "depicts", "note": "veranderd"}, initial=1
        ),
        link_rows(
            {"id": link.pk, "depot_item": link.depot_item_id, "relation": "mentions", "note": "", "DELETE": "1"},
            initial=1,
        ),
    ):
        response = post_story(client, story, summary="Curator", depot_links=rows)
        assert response.status_code == 302
        [kept] = latest_links(story)
        assert (kept.depot_item_id, kept.relation, kept.note) == (items["koffer"].pk, "mentions", "van staf")
    link.refresh_from_db()
    assert (link.depot_item_id, link.relation, link.note) == (items["koffer"].pk, "mentions", "van staf")


def test_a_curator_saves_without_the_hidden_panel_in_the_post(client, curator_a, story):
    """The browser of a curator never renders the panel, so its management form is absent."""
    client.force_login(curator_a)
    data = story_form(title=story.title, slug=story.slug, summary="Zonder depotpaneel")
    data = {k: v for k, v in data.items() if not k.startswith("depot_links")}
    assert client.post(f"/admin/pages/{story.pk}/edit/", data).status_code == 302
    assert draft_of(story).summary == "Zonder depotpaneel"


# ---- the heritage object editor ---------------------------------------------------


@pytest.fixture
def heritage_object(community_a):
    obj = HeritageObjectPageFactory(parent=community_a, title="Koffer van de familie", live=False)
    obj.save_revision()
    return obj


def object_form(obj, **overrides):
    data = {
        "title": obj.title,
        "slug": obj.slug,
        "summary": "Een koffer",
        "description": rich_text(""),
        "provenance": rich_text(""),
        "images": inline_formset([]),
        "depot_links": inline_formset([]),
        "status": "registered",
        "access_level": "public",
        "text_language": "nl",
        "licence": "https://creativecommons.org/licenses/by/4.0/",
        "comment_notifications": False,
    }
    data.update(overrides)
    return nested_form_data(data)


def test_staff_register_an_object_to_its_catalogue_record(client, staff_user, heritage_object, items):
    client.force_login(staff_user)
    response = client.post(
        f"/admin/pages/{heritage_object.pk}/edit/",
        object_form(
            heritage_object,
            depot_item=items["koffer"].pk,
            depot_links=link_rows({"depot_item": items["doek"].pk, "relation": "same_kind", "note": ""}),
            **{"action-publish": "publish"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    heritage_object.refresh_from_db()
    assert heritage_object.depot_item == items["koffer"]
    assert list(ObjectDepotLink.objects.values_list("depot_item", "relation")) == [(items["doek"].pk, "same_kind")]


def test_a_curator_cannot_set_the_catalogue_record_or_links(client, curator_a, heritage_object, items):
    client.force_login(curator_a)
    response = client.post(
        f"/admin/pages/{heritage_object.pk}/edit/",
        object_form(
            heritage_object,
            summary="Door de curator",
            depot_item=items["koffer"].pk,
            depot_links=link_rows({"depot_item": items["doek"].pk, "relation": "depicts", "note": ""}),
        ),
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    draft = draft_of(heritage_object)
    assert draft.summary == "Door de curator"
    assert draft.depot_item is None
    assert list(draft.depot_links.all()) == []
    assert not ObjectDepotLink.objects.exists()


def test_a_number_prefix_wins_over_titles_and_makers(client, staff_user, items):
    """Typing the start of a number lists numbers (an index range); words search titles and makers."""
    DepotItemFactory(inventory_number="F-9", title="Foto van TM-3012 in gebruik")
    client.force_login(staff_user)
    html = results_for(client, "tm-30")
    assert "Koekenpan" in html and "Foto van" not in html
    assert "Foto van" in results_for(client, "in gebruik")
