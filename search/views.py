"""The public search page (a first, database-backed version; the engine arrives with the search issue)."""

from django.core.paginator import Paginator
from django.shortcuts import render

from stories.services.public_search import search_pages

MAX_QUERY_LENGTH = 200


def search(request):
    query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    results = search_pages(query, request.user) if query else []
    page_obj = Paginator(results, 20).get_page(request.GET.get("page"))
    response = render(
        request, "search/search.html", {"query": query, "page_obj": page_obj}
    )
    # Search result pages are not for search engines to index (endless, user-made URLs).
    response["X-Robots-Tag"] = "noindex"
    return response
