"""Human labels for facet values, looked up once per request for the values on screen."""

from django.utils.translation import gettext as _

from search.results import KIND_LABELS, MEDIA_LABELS


def facet_labels(name: str, values: list[str]) -> dict[str, str]:
    if not values:
        return {}
    if name == "community":
        from stories.models import CommunityPage

        return dict(CommunityPage.objects.filter(slug__in=values).values_list("slug", "title"))
    if name == "collection":
        from depot.models import DepotCollection

        return {c.slug: c.display_name for c in DepotCollection.objects.filter(slug__in=values)}
    if name == "language":
        from stories.models import Language

        return {lang.code: lang.name for lang in Language.objects.filter(code__in=values)}
    if name == "media":
        return {v: str(MEDIA_LABELS.get(v, v)) for v in values}
    if name == "kind":
        return {v: str(KIND_LABELS.get(v, v)) for v in values}
    if name == "decade":
        return {v: _("%(decade)ss") % {"decade": v} for v in values}
    return {v: v for v in values}
