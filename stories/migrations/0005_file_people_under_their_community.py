"""Existing people filed under the community whose pages show them.

A person shown (as narrator, interviewer or bringer) by the pages of exactly one
community goes to that community. A person shown by several communities, or by none,
gets no community: then only museum staff see them in the admin. Giving them to one of
several communities would let that community's curators edit how the person is named on
another community's pages (the very thing this field stops); staff file them by hand.
"""

from django.db import migrations

STEPLEN = 4  # treebeard's path step: a story's community is its parent
CHUNK = 500


def file_people_under_their_community(apps, schema_editor):
    Person = apps.get_model("stories", "Person")
    CommunityPage = apps.get_model("stories", "CommunityPage")
    StoryNarrator = apps.get_model("stories", "StoryNarrator")
    StoryPage = apps.get_model("stories", "StoryPage")
    HeritageObjectPage = apps.get_model("stories", "HeritageObjectPage")

    community_by_path = dict(CommunityPage.objects.values_list("path", "pk"))
    shown_by: dict[int, set] = {}
    for rows in (
        StoryNarrator.objects.values_list("person_id", "story__path"),
        StoryPage.objects.filter(interviewer__isnull=False).values_list("interviewer_id", "path"),
        HeritageObjectPage.objects.filter(brought_by__isnull=False).values_list("brought_by_id", "path"),
    ):
        for person_id, path in rows.iterator():
            shown_by.setdefault(person_id, set()).add(community_by_path.get(path[:-STEPLEN]))
    people_of: dict[int, list[int]] = {}
    for person_id, communities in shown_by.items():
        if len(communities) == 1 and None not in communities:
            people_of.setdefault(next(iter(communities)), []).append(person_id)
    for community_id, person_ids in people_of.items():
        for start in range(0, len(person_ids), CHUNK):
            Person.objects.filter(pk__in=person_ids[start : start + CHUNK], community__isnull=True).update(
                community_id=community_id
            )


class Migration(migrations.Migration):
    """Apart from the schema change, so PostgreSQL adds the new column's foreign key
    before any row is updated (one transaction cannot alter a table with pending
    trigger events)."""

    dependencies = [
        ("stories", "0004_person_community"),
    ]

    operations = [
        migrations.RunPython(file_people_under_their_community, migrations.RunPython.noop),
    ]
