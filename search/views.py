"""Public search endpoints; thin: parse, ask the service, render (HTML or JSON)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from search import params as search_params
from search import service


def _noindex(response):
    # Search result pages are not for search engines to index (endless, user-made URLs).
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def search(request):
    params = search_params.parse(request.GET)
    results = service.search(params, request.user)
    if request.GET.get("format") == "json":
        response = JsonResponse(results.as_json(), json_dumps_params={"ensure_ascii": False})
    else:
        response = render(request, "search/search.html", {"results": results, "query": params.query})
    if not request.user.is_authenticated:
        response["Cache-Control"] = "public, max-age=60"
    else:
        response["Cache-Control"] = "private, no-store"
    response["Vary"] = "Cookie, Accept-Language"
    return _noindex(response)


@require_GET
def autocomplete(request):
    suggestions = service.autocomplete(request.GET.get("q", ""), request.user)
    response = JsonResponse({"suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "private, no-store" if request.user.is_authenticated else "public, max-age=60"
    return _noindex(response)
