"""Admin URLs that replace Wagtail's own at the same paths (mounted before them in
config/urls.py), with Wagtail's admin-access check and no caching, like the rest of the admin."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from stories import admin_choosers

urlpatterns = decorate_urlpatterns(
    [
        path("choose-page/<int:parent_page_id>/", admin_choosers.BrowseView.as_view()),
        path("choose-page/", admin_choosers.BrowseView.as_view()),
        path("choose-page/chosen-multiple/", admin_choosers.ChosenMultipleView.as_view()),
        path("reports/page-types-usage/", admin_choosers.PageTypesUsageReportView.as_view()),
        path(
            "reports/page-types-usage/results/",
            admin_choosers.PageTypesUsageReportView.as_view(results_only=True),
        ),
    ],
    lambda view: never_cache(require_admin_access(view)),
)
