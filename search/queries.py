"""Engine queries, built with elasticsearch-dsl from clean parameters and the reader.

The access filter is part of the query itself (a bool filter), so hits, totals,
facet counts, highlights, suggestions and related items all come from readable
documents only. It is built from the user on the server, never from the request, from
the access service's rule (not a copy of it).
"""

from __future__ import annotations

from elasticsearch.dsl import A, Q, Search

from core.access import rule_for
from search.documents import HIGHLIGHT_FIELDS, MLT_FIELDS, PHRASE_FIELDS, SUGGEST_FIELDS, TEXT_FIELDS, TRANSCRIPT_FIELDS
from search.params import FACETS, SearchParams

FACET_SIZE = 20
# The facet fields too, so a hit the database check drops can be taken out of the counts.
SOURCE_FIELDS = ["title", "summary", "url", "published_at", "image_url", *FACETS.values()]


def access_filter(reader, today=None) -> Q:
    """The access rule (core.access.rule_for) as an engine filter.

    The same grants the database filter is made of, on the document's fields: access
    level, home community, embargo date and the ids of the view restrictions above it.
    Nothing about who may read what is decided here.
    """
    rule = rule_for(reader, today)
    if rule.everything:
        return Q("match_all")
    unmet = [str(r.pk) for r in rule.unmet_restrictions]
    grants = []
    for grant in rule.grants:
        must, must_not = [], []
        if grant.levels is not None:
            must.append(Q("terms", access_level=list(grant.levels)))
        if grant.communities is not None:
            must.append(Q("terms", home_community=[str(c.pk) for c in grant.communities]))
        if not grant.ignores_embargo:
            must_not.append(Q("range", embargo_until={"gt": rule.today.isoformat()}))
        if unmet and not grant.ignores_restrictions:
            must_not.append(Q("terms", view_restrictions=unmet))
        grants.append(Q("bool", filter=must, must_not=must_not))
    return Q("bool", should=grants, minimum_should_match=1)


# Each word becomes about thirty clauses (one per searched field and kind of match), and
# the engine refuses a query of more than 1,024 (40 words did): the first this many words
# are searched, like the database fallback's ten.
MAX_QUERY_WORDS = 24


def text_query(query: str) -> Q:
    """All words match somewhere (ranked first), or most of them; phrases score extra."""
    query = " ".join(query.split()[:MAX_QUERY_WORDS])
    return Q(
        "bool",
        should=[
            Q(
                "multi_match",
                query=query,
                fields=TEXT_FIELDS,
                type="best_fields",
                operator="and",
                tie_breaker=0.3,
                boost=2,
            ),
            Q(
                "multi_match",
                query=query,
                fields=TEXT_FIELDS,
                type="best_fields",
                minimum_should_match="2<70%",
                tie_breaker=0.3,
            ),
            Q("multi_match", query=query, fields=PHRASE_FIELDS, type="phrase", boost=2),
            transcript_query(query),
        ],
        minimum_should_match=1,
    )


TRANSCRIPT_INNER_HITS = "transcript"


def transcript_query(query: str) -> Q:
    """The best-matching sentence of a story's transcript, returned as an inner hit (its
    start and its text with the words marked), so a hit can link to that moment. The
    sentence counts towards the story's score, a little below its body text."""
    return Q(
        "nested",
        path="transcript",
        score_mode="max",
        ignore_unmapped=True,  # an index built before transcripts (rebuild to add them)
        query=Q(
            "bool",
            should=[
                Q("multi_match", query=query, fields=TRANSCRIPT_FIELDS, operator="and", boost=2),
                Q("multi_match", query=query, fields=TRANSCRIPT_FIELDS, minimum_should_match="2<70%"),
            ],
            minimum_should_match=1,
        ),
        boost=0.8,
        inner_hits={
            "name": TRANSCRIPT_INNER_HITS,
            "size": 1,
            "_source": [
                "transcript.start_ms",
                "transcript.speaker",
                "transcript.text",
                "transcript.text_en",
                "transcript.anchor",
            ],
            "highlight": {
                "encoder": "html",
                "pre_tags": ["<mark>"],
                "post_tags": ["</mark>"],
                "fields": {field: {"number_of_fragments": 0} for field in TRANSCRIPT_FIELDS},
            },
        },
    )


def _facet_filters(params: SearchParams) -> dict[str, Q]:
    return {name: Q("terms", **{FACETS[name]: values}) for name, values in params.facets.items()}


def search_body(params: SearchParams, reader) -> dict:
    """The full search request: query, access filter, facets (multi-select), highlight, page."""
    search = Search()
    if params.query:
        search = search.query(text_query(params.query))
    search = search.filter(access_filter(reader))
    filters = _facet_filters(params)
    if filters:
        # Post-filter: facet counts of one facet ignore its own selection, so values combine.
        search = search.post_filter(Q("bool", filter=list(filters.values())))
    for name, field in FACETS.items():
        others = [q for other, q in filters.items() if other != name]
        bucket = A("filter", Q("bool", filter=others) if others else Q("match_all"))
        bucket.bucket("values", "terms", field=field, size=FACET_SIZE)
        search.aggs.bucket(name, bucket)
    if params.query:
        search = search.highlight_options(
            encoder="html",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            fragment_size=160,
            number_of_fragments=2,
            no_match_size=0,
        ).highlight(*HIGHLIGHT_FIELDS)
    if params.sort == "date" or not params.query:
        search = search.sort({"published_at": {"order": "desc", "missing": "_last"}}, "_score")
    else:
        search = search.sort("_score", {"published_at": {"order": "desc", "missing": "_last"}})
    search = search.source(SOURCE_FIELDS).extra(track_total_hits=True)
    return search[params.offset : params.offset + params.per_page].to_dict()


def autocomplete_body(prefix: str, reader, size: int = 8) -> dict:
    search = (
        Search()
        .query(Q("multi_match", query=prefix, type="bool_prefix", fields=SUGGEST_FIELDS))
        .filter(access_filter(reader))
        .source(["kind", "title", "url"])
    )
    return search[:size].to_dict()


def related_body(key: str, reader, size: int = 4, kinds=("story", "object")) -> dict:
    search = (
        Search()
        .query(
            Q(
                "more_like_this",
                fields=MLT_FIELDS,
                like=[{"_id": key}],
                min_term_freq=1,
                min_doc_freq=1,
                max_query_terms=25,
                minimum_should_match="10%",
            )
        )
        .filter(access_filter(reader))
        .filter(Q("terms", kind=list(kinds)))
        .exclude(Q("ids", values=[key]))
        .source(SOURCE_FIELDS)
    )
    return search[:size].to_dict()


def links_body(field: str, value: str, reader, aggregate: str, size: int = 50) -> dict:
    """Counts of `aggregate` values over readable documents whose `field` holds `value`."""
    search = Search().filter(access_filter(reader)).filter(Q("term", **{field: value}))
    search.aggs.bucket("values", "terms", field=aggregate, size=size)
    return search[:0].to_dict()
