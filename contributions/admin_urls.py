from django.urls import path

from contributions import admin_views

app_name = "contributions_admin"
urlpatterns = [
    path("", admin_views.index, name="index"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/accept/", admin_views.accept, name="accept"),
    path("<int:pk>/decline/", admin_views.decline, name="decline"),
    path("<int:pk>/ask-changes/", admin_views.ask_changes, name="ask_changes"),
    path("<int:pk>/revoke-links/", admin_views.revoke_links, name="revoke_links"),
    path("<int:pk>/files/<int:file_pk>/", admin_views.serve_file, name="file"),
]
