"""Wagtail's page chooser and page-types report, limited to the pages the admin may show the user.

The `construct_page_chooser_queryset` hook (stories/wagtail_hooks.py) filters the pages
the chooser lists and finds; these two views close what the hook cannot reach: the page
a browse starts from (its title and status head the list) and the "chosen" answer of the
multiple chooser, which describes any id it is given. They are mounted in config/urls.py
in front of Wagtail's own URLs of the same paths.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.http import Http404
from wagtail.admin.views import chooser
from wagtail.admin.views.reports import page_types_usage
from wagtail.models import Page

from core.admin_scope import admin_scope, in_scope, scoped


def limit_chooser_pages(pages, request):
    """The construct_page_chooser_queryset hook: only pages in the user's admin scope."""
    return scoped(pages, request.user)


class BrowseView(chooser.BrowseView):
    def get_object_list(self):
        # Wagtail has chosen the page to list the children of by now.
        if not in_scope(self.parent_page, self.request.user):
            if self.kwargs.get("parent_page_id"):
                raise Http404
            # No page asked for: Wagtail picked the common ancestor of the wanted page
            # types, which may lie outside the user's scope. Start at the root instead.
            self.parent_page = Page.get_first_root_node().specific
        return super().get_object_list()


class ChosenMultipleView(chooser.ChosenMultipleView):
    def get(self, request):
        # Wagtail's view answers with the title and URL of every id; keep only those in
        # scope and let it build its usual answer from them.
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        allowed = scoped(Page.objects.filter(pk__in=ids), request.user).values_list("pk", flat=True)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in allowed])
        return super().get(request)


class PageTypesUsageReportView(page_types_usage.PageTypesUsageReportView):
    """Wagtail's "page types usage" report, counted over the user's own pages only.

    Wagtail's names the most recently edited page of every type, site-wide (so a
    curator read the title of another community's newest restricted story), and counts
    every page. Same columns here, computed within the user's admin scope.
    """

    def get_queryset(self):
        scope = admin_scope(self.request.user)
        if scope is None:
            return super().get_queryset()
        queryset = ContentType.objects.filter(model__in=self.page_models)
        self.queryset = queryset
        queryset = self.filter_queryset(queryset)
        language_code = self.filters.form.cleaned_data.get("page_locale", None)
        site_root_path = self.filters.form.cleaned_data.get("site", None)
        pages = Page.objects.filter(scope, content_type=OuterRef("pk"))
        counted = admin_scope(self.request.user, field="pages__path")
        if language_code:
            pages = pages.filter(locale__language_code=language_code)
            counted &= Q(pages__locale__language_code=language_code)
        if site_root_path:
            pages = pages.filter(path__startswith=site_root_path)
            counted &= Q(pages__path__startswith=site_root_path)
        latest = pages.order_by(F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk")
        queryset = queryset.annotate(
            count=Count("pages", filter=counted),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        )
        return queryset.order_by("-count", "app_label", "model")
