"""Wagtail's page bulk actions, naming only pages in the user's admin scope.

The confirmation page of a bulk action lists the title of every id in its query string,
also those the user may not act on ("you don't have permission to ... these pages"), so
any id of another community's page showed its title. These subclasses look ids up only
within the user's scope (core.admin_scope): an id outside it is treated as
if it did not exist. Registered after Wagtail's own (hook order), so they replace them.
"""

from django.shortcuts import get_list_or_404
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction

from core.admin_scope import scoped


class ScopedPagesMixin:
    def get_queryset(self, model, object_ids):
        # Wagtail's is a classmethod without the user; it is only ever called on the instance.
        return get_list_or_404(scoped(model.objects.filter(pk__in=object_ids), self.request.user))

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        chooser = form.fields.get("chooser")  # the destination of a move
        if chooser is not None:
            chooser.queryset = scoped(chooser.queryset, self.request.user)
            posted = form.data.get("chooser", "") if form.is_bound else ""
            if posted and not (posted.isdigit() and chooser.queryset.filter(pk=posted).exists()):
                # The chooser widget would print the posted page's title next to the error.
                form.data = form.data.copy()
                form.data.pop("chooser")
        return form


class ScopedDeleteBulkAction(ScopedPagesMixin, DeleteBulkAction):
    pass


class ScopedMoveBulkAction(ScopedPagesMixin, MoveBulkAction):
    pass


class ScopedPublishBulkAction(ScopedPagesMixin, PublishBulkAction):
    pass


class ScopedUnpublishBulkAction(ScopedPagesMixin, UnpublishBulkAction):
    pass


SCOPED_PAGE_BULK_ACTIONS = (
    ScopedDeleteBulkAction,
    ScopedMoveBulkAction,
    ScopedPublishBulkAction,
    ScopedUnpublishBulkAction,
)
