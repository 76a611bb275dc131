"""People belong to a community: its curators see and edit only their own people, at every
admin door (listing, search, edit, copy, delete, usage, history, the chooser in page
editors); museum staff see everyone.

The attack these tests stop: a curator of one community opened another community's
pseudonymous narrator in the person snippet, set them to "full name", and the public
page showed the real name.
"""

import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from stories.models import Person, StoryNarrator
from tests.factories import HeritageObjectPageFactory, PersonFactory, StoryPageFactory

pytestmark = pytest.mark.django_db

REAL_NAME_A = "Rosa Lopes Varela"
EMAIL_A = "rosa.varela@example.org"
BIO_A = "Kwam in 1969 met haar broer naar de Kaap."


@pytest.fixture
def person_a(community_a):
    """Community A's narrator, who chose to be shown by a pseudonym."""
    person = PersonFactory(
        full_name=REAL_NAME_A,
        pseudonym="Tia Rosa",
        name_display="pseudonym",
        email=EMAIL_A,
        bio=BIO_A,
        community=community_a,
    )
    story = StoryPageFactory(parent=community_a, title="De boot van 1969")
    StoryNarrator.objects.create(story=story, person=person)
    story.save_revision().publish()
    return person


@pytest.fixture
def person_b(community_b):
    return PersonFactory(full_name="Bram van Katendrecht", email="bram@example.org", community=community_b)


def _url(name, *args):
    return reverse(f"wagtailsnippets_stories_person:{name}", args=args)


def _chooser_url(name, *args):
    return reverse(f"wagtailsnippetchoosers_stories_person:{name}", args=args)


def _leaks(response) -> list[str]:
    body = response.content.decode()
    return [secret for secret in (REAL_NAME_A, EMAIL_A, BIO_A, "Rosa Lopes") if secret in body]


def _person_form(person, **overrides):
    data = {
        "full_name": person.full_name,
        "pseudonym": person.pseudonym,
        "name_display": person.name_display,
        "bio": person.bio,
        "email": person.email,
        "community": str(person.community_id or ""),
    }
    data.update(overrides)
    return data


def test_curator_cannot_open_another_communitys_person_through_any_door(client, curator_b, person_a, person_b):
    client.force_login(curator_b)
    for url in (
        _url("edit", person_a.pk),
        _url("copy", person_a.pk),
        _url("delete", person_a.pk),
        _url("usage", person_a.pk),
        _url("history", person_a.pk),
        _url("history_results", person_a.pk),
        _chooser_url("chosen", person_a.pk),
    ):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert not _leaks(response), url
    # Their own person opens.
    assert client.get(_url("edit", person_b.pk)).status_code == 200


def test_curator_cannot_change_another_communitys_person_by_posting(client, curator_b, community_b, person_a):
    client.force_login(curator_b)
    response = client.post(
        _url("edit", person_a.pk), _person_form(person_a, name_display="full", full_name="Overgenomen")
    )
    assert response.status_code in (403, 404)
    person_a.refresh_from_db()
    assert (person_a.full_name, person_a.name_display) == (REAL_NAME_A, "pseudonym")
    # Nor move them into their own community, nor delete them.
    client.post(_url("edit", person_a.pk), _person_form(person_a, community=str(community_b.pk)))
    client.post(_url("delete", person_a.pk))
    person_a.refresh_from_db()
    assert person_a.community_id != community_b.pk and person_a.name_display == "pseudonym"


def test_curator_listing_search_and_chooser_show_only_their_people(client, curator_b, person_a, person_b):
    client.force_login(curator_b)
    for url, params in (
        (_url("list"), {}),
        (_url("list"), {"q": "Rosa"}),
        (_url("list_results"), {"q": "Rosa"}),
        (_url("list"), {"name_display": "pseudonym"}),
        (_chooser_url("choose"), {}),
        (_chooser_url("choose_results"), {"q": "Rosa"}),
        (_chooser_url("chosen_multiple"), {"id": [person_a.pk, person_b.pk]}),
    ):
        response = client.get(url, params)
        assert response.status_code == 200, url
        assert not _leaks(response), (url, params)
        assert "Tia Rosa" not in response.content.decode(), (url, params)
    assert "Bram van Katendrecht" in client.get(_url("list")).content.decode()
    assert "Bram van Katendrecht" in client.get(_chooser_url("choose")).content.decode()


def test_the_page_editors_person_chooser_is_limited_too(client, curator_b, community_b, person_a, person_b):
    """The narrator chooser inside a story editor is the snippet chooser: B's curator finds only B's people."""
    story = StoryPageFactory(parent=community_b, title="Van de Kaap")
    client.force_login(curator_b)
    editor = client.get(f"/admin/pages/{story.pk}/edit/")
    assert editor.status_code == 200
    assert _chooser_url("choose") in editor.content.decode()
    assert not _leaks(client.get(_chooser_url("choose_results"), {"q": "Lopes"}))


def test_museum_staff_see_and_edit_everyone(client, staff_user, person_a, person_b):
    client.force_login(staff_user)
    listing = client.get(_url("list")).content.decode()
    assert REAL_NAME_A in listing and "Bram van Katendrecht" in listing
    assert REAL_NAME_A in client.get(_chooser_url("choose")).content.decode()
    assert client.get(_url("edit", person_a.pk)).status_code == 200
    response = client.post(_url("edit", person_a.pk), _person_form(person_a, bio="Herzien door het museum."))
    assert response.status_code == 302
    person_a.refresh_from_db()
    assert person_a.bio == "Herzien door het museum."


def test_own_curator_edits_their_person(client, curator_a, person_a):
    client.force_login(curator_a)
    assert REAL_NAME_A in client.get(_url("list")).content.decode()
    response = client.post(_url("edit", person_a.pk), _person_form(person_a, bio="Aangevuld."))
    assert response.status_code == 302
    person_a.refresh_from_db()
    assert person_a.bio == "Aangevuld." and person_a.community_id is not None


def test_a_curator_creates_people_only_in_their_own_community(client, curator_b, community_a, community_b):
    client.force_login(curator_b)
    data = {"full_name": "Nieuwe Verteller", "pseudonym": "", "name_display": "full", "bio": "", "email": ""}
    # Another community's id is refused with a message on the field, and nothing is made.
    refused = client.post(_url("add"), {**data, "community": str(community_a.pk)})
    assert refused.status_code == 200
    assert "community" in refused.context["form"].errors
    assert not Person.objects.filter(full_name="Nieuwe Verteller").exists()
    # Their own community is offered, and is the one a new person gets.
    form = client.get(_url("add")).context["form"]
    assert list(form.fields["community"].queryset) == [community_b.page_ptr.specific]
    created = client.post(_url("add"), {**data, "community": str(community_b.pk)})
    assert created.status_code == 302
    assert Person.objects.get(full_name="Nieuwe Verteller").community_id == community_b.pk


def test_a_curator_cannot_leave_the_community_empty(client, curator_b):
    """A person without a community is visible to museum staff only, so a curator must name theirs."""
    client.force_login(curator_b)
    data = {"full_name": "Zonder Gemeenschap", "pseudonym": "", "name_display": "full", "bio": "", "email": ""}
    response = client.post(_url("add"), {**data, "community": ""})
    assert response.status_code == 200 and "community" in response.context["form"].errors
    assert not Person.objects.filter(full_name="Zonder Gemeenschap").exists()


def test_people_visible_to_follows_the_reader(curator_a, curator_b, member_a, staff_user, person_a, person_b):
    from django.contrib.auth.models import AnonymousUser

    from stories.services.people import people_visible_to

    unfiled = PersonFactory(full_name="Nog Niet Ingedeeld")
    assert set(people_visible_to(staff_user)) == {person_a, person_b, unfiled}
    assert set(people_visible_to(curator_a)) == {person_a}
    assert set(people_visible_to(curator_b)) == {person_b}
    assert not people_visible_to(member_a).exists()
    assert not people_visible_to(AnonymousUser()).exists()


def test_accepting_a_contribution_files_the_sender_under_its_community(curator_a, community_a):
    from contributions.services.review import accept_contribution
    from tests.contributions.factories import make_contribution

    page = accept_contribution(make_contribution(community_a), curator_a)
    narrator = page.specific.narrators.get().person
    assert narrator.community_id == community_a.pk


def test_the_migration_files_people_under_the_one_community_whose_pages_show_them(community_a, community_b):
    """Existing people: one community's pages only → that community; several or none → no
    community (museum staff only), since either choice could expose them to a community
    they never spoke to."""
    only_a = PersonFactory(full_name="Alleen A")
    interviewer_b = PersonFactory(full_name="Interviewer B")
    bringer_b = PersonFactory(full_name="Brenger B")
    both = PersonFactory(full_name="In A en B")
    nowhere = PersonFactory(full_name="Nergens")
    story_a = StoryPageFactory(parent=community_a)
    StoryNarrator.objects.create(story=story_a, person=only_a)
    StoryNarrator.objects.create(story=story_a, person=both)
    StoryPageFactory(parent=community_b, interviewer=interviewer_b)
    HeritageObjectPageFactory(parent=community_b, brought_by=bringer_b)
    HeritageObjectPageFactory(parent=community_b, brought_by=both)
    Person.objects.update(community=None)

    migration = importlib.import_module("stories.migrations.0005_file_people_under_their_community")
    migration.file_people_under_their_community(django_apps, None)

    assert {p.full_name: p.community_id for p in Person.objects.all()} == {
        "Alleen A": community_a.pk,
        "Interviewer B": community_b.pk,
        "Brenger B": community_b.pk,
        "In A en B": None,
        "Nergens": None,
    }
    assert nowhere.pk  # kept, not deleted


def test_a_curator_cannot_post_another_communitys_person_into_their_own_story(client, curator_b, community_b, person_a):
    """The chooser hides A's people; the form refuses their id too (the editor would show the real name)."""
    from wagtail.test.utils.form_data import inline_formset

    from tests.admin_forms import story_form

    story = StoryPageFactory(parent=community_b, title="Van de Kaap", slug="van-de-kaap", live=False)
    client.force_login(curator_b)
    for data in (
        story_form(title="Van de Kaap", slug="van-de-kaap", interviewer=str(person_a.pk)),
        story_form(title="Van de Kaap", slug="van-de-kaap", narrators=inline_formset([{"person": str(person_a.pk)}])),
    ):
        response = client.post(f"/admin/pages/{story.pk}/edit/", data)
        assert response.status_code == 200  # the form again, with an error
        assert not _leaks(response)
    latest = story.get_latest_revision_as_object() if story.get_latest_revision() else story
    assert latest.interviewer_id is None and not latest.narrators.exists()


def test_a_page_keeps_the_person_it_already_shows(client, curator_b, community_b):
    """A person shown by several communities has no community; editing a page that shows them still saves."""
    shared = PersonFactory(full_name="Gedeelde Interviewer")
    story = StoryPageFactory(parent=community_b, title="Kade", slug="kade", interviewer=shared, live=False)
    client.force_login(curator_b)
    from tests.admin_forms import story_form

    response = client.post(
        f"/admin/pages/{story.pk}/edit/", story_form(title="Kade, herzien", slug="kade", interviewer=str(shared.pk))
    )
    assert response.status_code == 302
    assert story.get_latest_revision_as_object().interviewer_id == shared.pk
