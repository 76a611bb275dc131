"""Who edits the contribute page: every community's curators may change its intro and
consent text (a draft); museum staff, who have publish rights on the whole site, publish.

Curator groups are made by stories.services.roles when a community is created, and the
community's link to its group is written with a queryset update (no signal), so new
curator groups are recognised by their name when they are saved.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

CURATOR_GROUP_SUFFIX = ": curators"


def curator_groups():
    return Group.objects.filter(name__endswith=CURATOR_GROUP_SUFFIX)


def grant_curators_edit(pages=None, groups=None) -> None:
    from contributions.models import ContributePage

    permission = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    pages = list(pages if pages is not None else ContributePage.objects.all())
    for group in groups if groups is not None else curator_groups():
        for page in pages:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
