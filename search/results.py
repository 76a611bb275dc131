"""The one result shape both search backends answer with (and the JSON API serialises)."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.timecodes import t_param
from search import registry
from search.params import SearchParams

KIND_LABELS = {
    "story": _("Story"),
    "object": _("Heritage object"),
    "depot": _("Depot item"),
    "community": _("Community"),
}
MEDIA_LABELS = {"audio": _("Audio"), "video": _("Video"), "image": _("Images"), "text": _("Text")}


@dataclass
class Hit:
    key: str
    kind: str
    title: str
    url: str
    summary: str = ""
    highlights: list[str] = field(default_factory=list)  # HTML: escaped text with <mark>
    community: str = ""
    community_title: str = ""
    published_at: str | None = None
    image_url: str = ""
    # A match inside a story's transcript: when it was said, by whom (public name), the
    # sentence (HTML: escaped text with <mark>), and the story's URL that starts there.
    moment_time: str = ""
    moment_speaker: str = ""
    moment_html: str = ""
    moment_url: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    params: SearchParams
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    backend: str = "database"
    notice: str = ""

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.params.per_page))

    @property
    def has_next(self) -> bool:
        return self.params.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.params.page > 1

    def as_json(self) -> dict:
        return {
            "query": self.params.query,
            "filters": self.params.facets,
            "sort": self.params.sort,
            "page": self.params.page,
            "per_page": self.params.per_page,
            "pages": self.pages,
            "total": self.total,
            "backend": self.backend,
            "notice": str(self.notice),
            "results": [{**asdict(hit), "kind_label": str(hit.kind_label)} for hit in self.hits],
            "facets": {name: [asdict(value) for value in values] for name, values in self.facets.items()},
        }


def add_transcript_moment(hit: Hit, start_ms: int, sentence_html: str, speaker: str = "", anchor: str = "") -> Hit:
    """Point the hit at a moment of the story's recording: ``?t=MM:SS`` starts the main
    player there; a sentence of a clip links to that clip's player, which plays its part."""
    if hit.url:
        hit.moment_time = t_param(start_ms / 1000)
        hit.moment_speaker = speaker or ""
        hit.moment_html = sentence_html
        if anchor:
            hit.moment_url = f"{hit.url}#{anchor}"
        else:
            hit.moment_url = f"{hit.url}?t={hit.moment_time}#recording-player"
    return hit


def moment_from_inner_hits(hit: Hit, inner_hits: dict | None) -> Hit:
    """The engine's best transcript sentence for this hit (search.queries.transcript_query)."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    found = ((inner_hits or {}).get("transcript") or {}).get("hits", {}).get("hits") or []
    if not found:
        return hit
    source = found[0].get("_source") or {}
    highlight = found[0].get("highlight") or {}
    fragments = highlight.get("transcript.text") or highlight.get("transcript.text_en")
    # Highlights come escaped by the engine (encoder "html"); anything else is escaped here.
    html = fragments[0] if fragments else escape(source.get("text") or source.get("text_en") or "")
    return add_transcript_moment(
        hit, int(source.get("start_ms") or 0), mark_safe(html), source.get("speaker", ""), source.get("anchor") or ""
    )


def add_community_titles(hits: list[Hit]) -> list[Hit]:
    """Fill community_title for a page of hits, in one query."""
    slugs = {hit.community for hit in hits if hit.community}
    if slugs:
        titles = registry.registered_facet_labels("community", sorted(slugs)) or {}
        for hit in hits:
            hit.community_title = titles.get(hit.community, "")
    return hits


def localised_url(url: str) -> str:
    """Index URLs are Dutch (no prefix); English visitors get the /en/ version."""
    if url and url.startswith("/") and (get_language() or "nl").startswith("en") and not url.startswith("/en/"):
        return "/en" + url
    return url
