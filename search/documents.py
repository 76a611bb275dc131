"""The public index's shape, written with elasticsearch-dsl: analyzers, fields, one document kind per row.

One index holds stories, heritage objects, depot items and communities (field
``kind``), so one query ranks them together and one set of facets counts them all.
Only what a visitor may see goes in: public names of people, never full names of
pseudonymous or anonymous people; drafts are never indexed.
"""

from elasticsearch.dsl import (
    Date,
    Document,
    GeoPoint,
    InnerDoc,
    Integer,
    Keyword,
    Nested,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)

dutch_stop = token_filter("dutch_stop", type="stop", stopwords="_dutch_")
dutch_stemmer = token_filter("dutch_stemmer", type="stemmer", language="dutch")
english_stop = token_filter("english_stop", type="stop", stopwords="_english_")
english_stemmer = token_filter("english_stemmer", type="stemmer", language="english")
english_possessive = token_filter("english_possessive", type="stemmer", language="possessive_english")

# Emoji are not words here. The standard tokenizer makes each emoji (and each flag,
# each joined family) a token of its own, so "🎷 kaapverdië" required a 🎷 in the same
# field as the word and found nothing, and a run of emoji, a few characters, became
# dozens of terms, each multiplied by every searched field, until the engine refused
# the query (maxClauseCount) and search fell back to the database. Dropped from the text
# and from queries alike; the stored text keeps them.
no_emoji = token_filter("no_emoji", type="keep_types", types=["<EMOJI>"], mode="exclude")

# Dutch first: the communities' stories are mostly told in Dutch. Folding before
# stemming, so "café" and "cafe", "één" and "een" meet.
dutch_text = analyzer(
    "dutch_text", tokenizer="standard", filter=[no_emoji, "lowercase", "asciifolding", dutch_stop, dutch_stemmer]
)
english_text = analyzer(
    "english_text",
    tokenizer="standard",
    filter=[no_emoji, english_possessive, "lowercase", "asciifolding", english_stop, english_stemmer],
)
folded = analyzer("folded", tokenizer="standard", filter=[no_emoji, "lowercase", "asciifolding"])


def _prose(**kwargs):
    """A text field analysed in Dutch, with an English sub-field."""
    return Text(analyzer=dutch_text, fields={"en": Text(analyzer=english_text)}, **kwargs)


def _suggestable(**kwargs):
    """A text field that also answers as-you-type prefixes."""
    return Text(
        analyzer=dutch_text,
        fields={
            "en": Text(analyzer=english_text),
            "exact": Text(analyzer=folded),
            "suggest": SearchAsYouType(analyzer=folded),
            "raw": Keyword(ignore_above=256),
        },
        **kwargs,
    )


class TranscriptSegment(InnerDoc):
    """One timed sentence of a story's recording (media.Segment): found by its words,
    linked by its start. Its text is analysed in the transcript's language, like body."""

    start_ms = Integer()
    text = Text(analyzer=dutch_text)
    text_en = Text(analyzer=english_text)
    speaker = Keyword(index=False)  # the public name, shown with the sentence
    # Set for a recording quoted in a clip block: the id of that clip's player on the
    # story page (the main recording's sentences have none and link with ?t=).
    anchor = Keyword(index=False)


# A three-hour interview has about 4,000 segments; the engine refuses a document with more
# nested objects than index.mapping.nested_objects.limit (10,000 by default), so the
# limit is raised and the stories documents cap a story's segments below it.
MAX_TRANSCRIPT_SEGMENTS = 40_000


class PublicDocument(Document):
    """A row of the public index: a story, a heritage object, a depot item or a community."""

    kind = Keyword()
    title = _suggestable()
    summary = _prose()
    # Long text is analysed once, in its own language: Dutch text in ``body``, English
    # text in ``body_en`` (see search.documents.body_fields). Running both analyzers over every
    # body doubled the engine's indexing work and gave English stems of Dutch words.
    body = Text(analyzer=dutch_text)
    body_en = Text(analyzer=english_text)
    # People, tags and places answer as-you-type prefixes through one shared field: a
    # search_as_you_type field indexes up to four sub-fields (shingles and edge n-grams), and
    # three of them cost the engine about a quarter of its indexing rate.
    people = Text(analyzer=folded, copy_to="names_suggest", fields={"raw": Keyword()})
    tags = Keyword()
    tags_text = Text(analyzer=folded, copy_to="names_suggest")
    places = Keyword()
    places_text = Text(analyzer=folded, copy_to="names_suggest")
    names_suggest = SearchAsYouType(analyzer=folded, max_shingle_size=2)
    location = GeoPoint()
    communities = Keyword()  # slugs of every community the item belongs or links to
    home_community = Keyword()  # the community whose members may read community-level items
    depot_collections = Keyword()
    inventory_numbers = Keyword(fields={"text": Text(analyzer=folded)})
    languages = Keyword()
    media_type = Keyword()
    decades = Integer()
    year_from = Integer()
    year_to = Integer()
    access_level = Keyword()
    embargo_until = Date()
    # Ids of the Wagtail view restrictions (page privacy) on the page or an ancestor: a
    # reader's query leaves out those they do not meet (core.access). Ids, not
    # groups or kinds, so changing who a restriction admits needs no reindexing.
    view_restrictions = Keyword()
    published_at = Date()
    url = Keyword(index=False)
    image_url = Keyword(index=False)
    transcript = Nested(TranscriptSegment)  # stories: the main recording's transcripts

    class Index:
        settings = {
            "mapping.nested_objects.limit": MAX_TRANSCRIPT_SEGMENTS + 1_000,
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "max_result_window": 10_000,
        }


# Fields a free-text query searches, with their weights.
TEXT_FIELDS = [
    "title^4",
    "title.en^3",
    "title.exact^4",
    "summary^2",
    "summary.en^1.5",
    "body",
    "body_en",
    "people^2",
    "tags_text^2",
    "places_text^1.5",
    "inventory_numbers.text^5",
]
SUGGEST_FIELDS = [
    "title.suggest",
    "title.suggest._2gram",
    "title.suggest._3gram",
    "names_suggest",
    "names_suggest._2gram",
]
HIGHLIGHT_FIELDS = ["title", "summary", "body", "body_en"]
PHRASE_FIELDS = ["title", "summary", "body", "body_en"]
MLT_FIELDS = ["title", "summary", "body", "body_en", "tags_text", "places_text"]


TRANSCRIPT_FIELDS = ["transcript.text", "transcript.text_en"]


def body_fields(text: str, language: str | None) -> dict:
    """The document's long text, in the field analysed for its language (Dutch by default)."""
    if (language or "").lower().startswith("en"):
        return {"body_en": text}
    return {"body": text}


def index_body() -> dict:
    """Settings and mappings for a new versioned index, as the engine's create call takes them."""
    from elasticsearch.dsl import Index

    index = Index("unused")
    index.settings(**PublicDocument.Index.settings)
    index.document(PublicDocument)
    return index.to_dict()
