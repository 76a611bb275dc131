"""Human labels for facet values, looked up once per request for the values on screen.

Search names the values it makes itself (kinds, media, decades); communities,
collections and languages are named by the apps that own them, which register a
labeller (``search.registry.register_facet_labels``).
"""

from django.utils.translation import gettext as _

from search import registry
from search.results import KIND_LABELS, MEDIA_LABELS


def facet_labels(name: str, values: list[str]) -> dict[str, str]:
    if not values:
        return {}
    if name == "media":
        return {v: str(MEDIA_LABELS.get(v, v)) for v in values}
    if name == "kind":
        return {v: str(KIND_LABELS.get(v, v)) for v in values}
    if name == "decade":
        return {v: _("%(decade)ss") % {"decade": v} for v in values}
    labels = registry.registered_facet_labels(name, values)
    return labels if labels is not None else {v: v for v in values}
