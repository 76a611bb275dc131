"""Who may see and edit which people in the admin: the one rule behind every door.

A person's real name, e-mail and biography are personal data, and how their name is
shown is their own choice. So a person belongs to one community (``Person.community``):

- museum staff (and superusers) see and edit everyone;
- a curator sees and edits only the people of the communities they curate, and files
  new people only under those;
- anyone else sees nobody; a person without a community is seen by museum staff only.

The listing, search, edit, copy, delete, usage and history views of the person
snippet, its chooser (the one in every page editor) and the permission policy all ask
these functions (stories/people_admin.py). The rule is computed from the user on the
server (core.access.Reader), never from the request.
"""

from __future__ import annotations

from core.access import Reader, reader_for


def _reader(user) -> Reader:
    return user if isinstance(user, Reader) else reader_for(user)


def people_visible_to(user):
    """The people this user may see (and, with the model permission, edit) in the admin."""
    from stories.models import Person

    reader = _reader(user)
    if reader.is_staff:
        return Person.objects.all()
    ids = reader.curator_community_ids
    if not ids:
        return Person.objects.none()
    return Person.objects.filter(community_id__in=ids)


def can_see_person(user, person) -> bool:
    """The single-person form of people_visible_to."""
    reader = _reader(user)
    if reader.is_staff:
        return True
    return person.community_id is not None and person.community_id in reader.curator_community_ids


def communities_for_people_of(user):
    """The communities this user may file a person under: all for staff, their own for curators."""
    from stories.models import CommunityPage

    reader = _reader(user)
    communities = CommunityPage.objects.order_by("title")
    if reader.is_staff:
        return communities
    return communities.filter(pk__in=reader.curator_community_ids)


def must_have_community(user) -> bool:
    """Only staff may leave a person without a community (seen by staff alone)."""
    return not _reader(user).is_staff


def file_people_by_their_pages(people=None) -> int:
    """Give each person without a community the one community whose pages show them.

    A person shown (narrator, interviewer, bringer) by one community's pages goes to it;
    shown by several or by none, they stay without one (museum staff only), since either
    choice could hand them to curators they never spoke to. The same rule as migration
    stories.0005 for existing data; the demo loader uses it. Returns how many were filed.
    """
    from stories.models import CommunityPage, HeritageObjectPage, Person, StoryNarrator, StoryPage

    unfiled = Person.objects.filter(community__isnull=True)
    if people is not None:
        unfiled = unfiled.filter(pk__in=[p.pk for p in people])
    unfiled_ids = set(unfiled.values_list("pk", flat=True))
    if not unfiled_ids:
        return 0
    community_by_path = dict(CommunityPage.objects.values_list("path", "pk"))
    shown_by: dict[int, set] = {}
    for rows in (
        StoryNarrator.objects.filter(person_id__in=unfiled_ids).values_list("person_id", "story__path"),
        StoryPage.objects.filter(interviewer_id__in=unfiled_ids).values_list("interviewer_id", "path"),
        HeritageObjectPage.objects.filter(brought_by_id__in=unfiled_ids).values_list("brought_by_id", "path"),
    ):
        for person_id, path in rows:
            shown_by.setdefault(person_id, set()).add(community_by_path.get(path[: -StoryPage.steplen]))
    filed = 0
    for person_id, communities in shown_by.items():
        if len(communities) == 1 and None not in communities:
            filed += Person.objects.filter(pk=person_id, community__isnull=True).update(
                community_id=next(iter(communities))
            )
    return filed
