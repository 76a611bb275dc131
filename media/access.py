"""Who may read a recording's transcript: whoever may read a page that uses the recording.

A recording has no access level of its own; the story that presents it does. So a
transcript (and its WebVTT export) is readable when some live story or object page
that shows the recording (as its main recording, or in a media clip block) is readable
by the user under ``stories.services.access``, or when the user may edit the recording
in the admin (curators of its collection, museum staff).
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from stories.services import access


def story_ids_presenting(media_id: int) -> list[int]:
    """Stories whose main recording this is: their search documents carry its transcript."""
    from stories.models import StoryPage

    return list(StoryPage.objects.filter(main_media_id=media_id).values_list("pk", flat=True))


def pages_using(media_id: int):
    """Live story and object pages that show the recording, as specific-page querysets."""
    from wagtail.models import ReferenceIndex

    from media.models import OralHistoryMedia
    from stories.models import HeritageObjectPage, StoryPage

    media_type = ContentType.objects.get_for_model(OralHistoryMedia)
    referring_ids = ReferenceIndex.objects.filter(
        to_content_type=media_type, to_object_id=str(media_id)
    ).values_list("object_id", flat=True)
    referring_ids = [int(pk) for pk in referring_ids if str(pk).isdigit()]
    return (
        StoryPage.objects.live().filter(Q(main_media_id=media_id) | Q(pk__in=referring_ids)),
        HeritageObjectPage.objects.live().filter(pk__in=referring_ids),
    )


def can_edit_media(user, media) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(type(media))
    return policy.user_has_permission_for_instance(user, "change", media)


def can_read_media(user, media) -> bool:
    if can_edit_media(user, media):
        return True
    return any(queryset.filter(access.readable_filter(user)).exists() for queryset in pages_using(media.pk))


def is_publicly_readable(media) -> bool:
    """True when an anonymous visitor may read it (the export may then be cached publicly)."""
    from django.contrib.auth.models import AnonymousUser

    return any(
        queryset.filter(access.readable_filter(AnonymousUser())).exists() for queryset in pages_using(media.pk)
    )
