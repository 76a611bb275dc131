"""Groups and permissions: museum staff everywhere, curators only in their own community.

Curators may add, edit and lock pages under their community page but not publish:
publishing happens through the workflow, whose last step is museum review.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from core.access import MUSEUM_STAFF_GROUP

CURATOR_PAGE_PERMISSIONS = ("add", "change", "lock")
STAFF_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")
CURATOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    # wagtailmedia checks permissions on its own Media model, also for a custom media model.
    ("wagtailmedia", "add_media"),
    ("wagtailmedia", "change_media"),
    ("wagtailmedia", "choose_media"),
    # The PDFs of their community's contributions (media.serving lets them open the
    # documents of a draft); other communities' collections stay out of their listings.
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
STAFF_COLLECTION_PERMISSIONS = CURATOR_COLLECTION_PERMISSIONS + (
    ("wagtailimages", "delete_image"),
    ("wagtailmedia", "delete_media"),
)
CURATOR_MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("stories", "add_person"),
    ("stories", "change_person"),
    ("stories", "view_person"),
    ("stories", "add_place"),
    ("stories", "change_place"),
    ("stories", "view_place"),
    ("depot", "view_depotitem"),
    ("depot", "view_depotcollection"),
)
STAFF_MODEL_PERMISSIONS = CURATOR_MODEL_PERMISSIONS + (
    ("stories", "delete_person"),
    ("stories", "delete_place"),
    ("stories", "add_language"),
    ("stories", "change_language"),
    ("stories", "view_language"),
    ("depot", "add_depotitem"),
    ("depot", "change_depotitem"),
    ("depot", "delete_depotitem"),
    ("depot", "link_depotitem"),
    ("depot", "add_depotcollection"),
    ("depot", "change_depotcollection"),
)


def _permissions(pairs):
    wanted = set(pairs)
    found = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.filter(codename__in=[c for _, c in wanted]).select_related("content_type")
    }
    return [found[pair] for pair in pairs if pair in found]


def _grant_collection(group, collection, pairs):
    for permission in _permissions(pairs):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def _grant_pages(group, page, types):
    for permission_type in types:
        codename = f"{permission_type}_page"
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


@transaction.atomic
def ensure_museum_staff_group() -> Group:
    """The Museum staff group with its permissions on the whole site; safe to call again."""
    group, _ = Group.objects.get_or_create(name=MUSEUM_STAFF_GROUP)
    group.permissions.add(*_permissions(STAFF_MODEL_PERMISSIONS))
    root_pages = Page.get_first_root_node().get_children() if Page.get_first_root_node() else []
    for page in root_pages:
        _grant_pages(group, page, STAFF_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    if root_collection:
        _grant_collection(group, root_collection, STAFF_COLLECTION_PERMISSIONS)
    return group


def _community_collection(community) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=community.title).first()
    return existing or root.add_child(name=community.title)


def community_collection(community) -> Collection:
    """The collection the community's curators may use (created with the community): its
    files live there, so no other community's curators reach them."""
    grant = (
        GroupCollectionPermission.objects.filter(group_id=community.curator_group_id)
        .select_related("collection")
        .first()
    )
    if grant:
        return grant.collection
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=community.title).first() or root


@transaction.atomic
def ensure_community_groups(community):
    """Give a community its curator and member groups, with rights on its subtree only."""
    curators, _ = Group.objects.get_or_create(name=f"{community.title}: curators")
    members, _ = Group.objects.get_or_create(name=f"{community.title}: members")
    curators.permissions.add(*_permissions(CURATOR_MODEL_PERMISSIONS))
    _grant_pages(curators, community, CURATOR_PAGE_PERMISSIONS)
    _grant_collection(curators, _community_collection(community), CURATOR_COLLECTION_PERMISSIONS)
    type(community).objects.filter(pk=community.pk).update(curator_group=curators, member_group=members)
    community.curator_group, community.member_group = curators, members
    return curators, members


@transaction.atomic
def ensure_curator_collection_rights():
    """Curator groups made before a right joined CURATOR_COLLECTION_PERMISSIONS get it
    on the collection they already have; safe to call again (after every migrate)."""
    grants = (
        GroupCollectionPermission.objects.filter(group__curated_community__isnull=False)
        .values_list("group_id", "collection_id")
        .distinct()
    )
    permissions = _permissions(CURATOR_COLLECTION_PERMISSIONS)
    for group_id, collection_id in grants:
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group_id=group_id, collection_id=collection_id, permission=permission
            )
