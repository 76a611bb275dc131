"""Wagtail's image and document bulk actions, naming only files the user may see.

Like the page bulk actions (stories/admin_bulk_actions.py), their confirmation page
lists the title of every id in its query string, also those the user may not act on
("you don't have permission to ..."), so an id of a file in another community's
collection showed its title: a restricted story's photo or letter. These subclasses
look ids up only among the files the user has some permission on in the collections
(Wagtail's collection permission policy); any other id is treated as if it did not
exist. Registered after Wagtail's own (hook order), so they replace them.
"""

from django.shortcuts import get_list_or_404
from wagtail.documents.views.bulk_actions.add_tags import AddTagsBulkAction as AddDocumentTags
from wagtail.documents.views.bulk_actions.add_to_collection import (
    AddToCollectionBulkAction as AddDocumentsToCollection,
)
from wagtail.documents.views.bulk_actions.delete import DeleteBulkAction as DeleteDocuments
from wagtail.images.views.bulk_actions.add_tags import AddTagsBulkAction as AddImageTags
from wagtail.images.views.bulk_actions.add_to_collection import AddToCollectionBulkAction as AddImagesToCollection
from wagtail.images.views.bulk_actions.delete import DeleteBulkAction as DeleteImages

SEEING = ["add", "change", "delete", "choose"]


class VisibleFilesMixin:
    def get_queryset(self, model, object_ids):
        # Wagtail's is a classmethod without the user; it is only ever called on the instance.
        visible = self.permission_policy.instances_user_has_any_permission_for(self.request.user, SEEING)
        return get_list_or_404(visible.filter(pk__in=object_ids))


def _scoped(action_class):
    return type(f"Visible{action_class.__name__}", (VisibleFilesMixin, action_class), {"__module__": __name__})


VISIBLE_FILE_BULK_ACTIONS = tuple(
    _scoped(action_class)
    for action_class in (
        DeleteImages,
        AddImagesToCollection,
        AddImageTags,
        DeleteDocuments,
        AddDocumentsToCollection,
        AddDocumentTags,
    )
)
