from django.urls import path

from exchange import admin_views

app_name = "exchange_admin"
urlpatterns = [
    path("", admin_views.index, name="index"),
    path("community/<int:pk>/", admin_views.community, name="community"),
    path("community/<int:pk>/start/", admin_views.start, name="start"),
    path("<int:pk>/progress/", admin_views.progress, name="progress"),
    path("<int:pk>/download/", admin_views.download, name="download"),
]
