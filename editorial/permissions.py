"""Who may see and act on consent records in the admin.

Museum staff (and superusers) see every record. A community's curators see the records
that rest on at least one page of their community, may add records for pages there and
withdraw them. Records are never deleted by anyone: a withdrawn record is the proof.
"""

from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from core.access import reader_for, subtree
from editorial.models import ConsentRecord

CURATOR_ACTIONS = {"add", "change", "view", "withdraw"}


def consent_records_for(user):
    """The consent records this user may see in the admin."""
    reader = reader_for(user)
    if reader.is_staff:
        return ConsentRecord.objects.all()
    paths = reader.curator_paths
    if not paths:
        return ConsentRecord.objects.none()
    condition = Q(pk__in=[])
    for path in paths:
        condition |= subtree(path, "pages__path")
    return ConsentRecord.objects.filter(pk__in=ConsentRecord.objects.filter(condition).values("pk"))


def may_withdraw(user, record) -> bool:
    return not record.is_withdrawn and consent_records_for(user).filter(pk=record.pk).exists()


class ConsentRecordPermissionPolicy(BasePermissionPolicy):
    def __init__(self):
        super().__init__(ConsentRecord)

    def user_has_permission(self, user, action):
        if action == "delete" or not user.is_authenticated or not user.is_active:
            return False
        reader = reader_for(user)
        if reader.is_staff:
            return True
        return action in CURATOR_ACTIONS and bool(reader.curator_paths)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return ConsentRecord.objects.none()
        records = consent_records_for(user)
        if action in {"change", "withdraw"}:
            records = records.filter(withdrawn_at__isnull=True)  # a withdrawn record is history
        return records

    def instances_user_has_any_permission_for(self, user, actions):
        result = ConsentRecord.objects.none()
        for action in actions:
            result = result | self.instances_user_has_permission_for(user, action)
        return result

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()
