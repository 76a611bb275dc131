"""Site-wide navigation for the site's shell: translated labels, language-aware URLs."""

from django.urls import reverse
from django.utils.translation import gettext as _


def site_navigation(request):
    """Main navigation: the home page's live menu children, labelled by what they are."""
    from wagtail.models import Site

    labels = {
        "communityindexpage": _("Communities"),
        "depotindexpage": _("Depot"),
        "contributepage": _("Contribute"),
    }
    site = Site.find_for_request(request) if request else None
    nav = []
    if site is not None:
        for page in site.root_page.get_children().live().in_menu().select_related("content_type"):
            label = labels.get(page.content_type.model, page.title)
            nav.append({"label": label, "url": page.get_url(request)})
    nav.append({"label": _("Search"), "url": reverse("search")})
    return {"nav_items": nav}
