"""The editor form of stories: the pages it offers to link to stay within the user's scope.

`related_objects` is a plain multiple-choice field, so Wagtail renders every heritage
object of the site, with its title, into the editor: a curator of one community saw the
titles of another community's restricted and embargoed objects. The choices are limited
to the user's admin scope (core.admin_scope), plus whatever the page already
links to, so saving the form never drops a link someone with wider rights made.
"""

from django.db.models import Q

from core.admin_scope import admin_scope
from stories.forms import PeopleLimitedPageForm

SCOPED_PAGE_FIELDS = ("related_objects",)


class ScopedLinksPageForm(PeopleLimitedPageForm):
    """Person fields limited to the user's people (stories.forms), page links to their scope."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope = admin_scope(self.for_user) if self.for_user is not None else None
        if scope is None:
            return
        for name in SCOPED_PAGE_FIELDS:
            field = self.fields.get(name)
            if field is None:
                continue
            linked = [page.pk for page in getattr(self.instance, name).all()] if self.instance else []
            field.queryset = field.queryset.filter(scope | Q(pk__in=linked))
