"""Wagtail's document URLs, answered by the access-checked view (media.serving.serve_document).

The names and the URL shape are Wagtail's (``wagtaildocs_serve``: /documents/<id>/<file
name>), so ``document.url`` and rich-text document links need no change; Wagtail's own
serve view, which answers every document to anyone, is not mounted.
"""

from django.urls import path, re_path
from wagtail.documents.views import serve as wagtail_serve

from media.serving import serve_document

urlpatterns = [
    re_path(r"^(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path(
        "authenticate_with_password/<int:restriction_id>/",
        wagtail_serve.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
]
