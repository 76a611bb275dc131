from django.urls import path

from media import views

app_name = "media"
urlpatterns = [
    path("transcripts/<int:pk>.vtt", views.transcript_webvtt, name="transcript_webvtt"),
]
