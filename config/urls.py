"""URL map: admin outside the language prefix; public pages in Dutch at / and English at /en/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap

from editorial import review_views
from media.serving import uploads_urlpattern
from search import views as search_views

urlpatterns = [
    # A few of Wagtail's admin views, limited to the user's pages (stories/admin_urls.py).
    path("admin/", include("stories.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs, through the same access check as uploads (media/serving.py).
    path("documents/", include("media.document_urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    # Uploads only through the access check (media/serving.py), also in development.
    *uploads_urlpattern(),
    path("recordings/", include("media.urls")),  # transcript WebVTT (access-checked)
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/autocomplete/", search_views.autocomplete, name="search-autocomplete"),
    path("account/login/", auth_views.LoginView.as_view(), name="login"),
    path("account/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # The teller's review of a draft, by private link (editorial.services.teller_review).
    path("review/<int:page_id>/", review_views.review, name="editorial_teller_review"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
