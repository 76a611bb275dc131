"""The document types of the public index, declared by the apps that own the rows.

Search knows the index (its mapping, queue and engine) but not the content: each content
app declares its document types beside its models (``stories/search_documents.py``,
``depot/search_documents.py``) and registers them in its ``AppConfig.ready()``, as
Wagtail models declare their ``search_fields``. Search asks the registry, never the
content apps, so it imports none of them.

A key such as ``"story:12"`` names one document: the type's kind, a colon, the row's
primary key. A type's ``documents(pks)`` answers ``(key, document)`` pairs, the document
None when the row is gone or must not be indexed (a draft, a withdrawn record): it is
then deleted from the index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

CHUNK = 500

Pair = tuple[str, "dict | None"]


@dataclass(frozen=True)
class DocumentType:
    """One kind of index document.

    ``models``: the model classes whose instances are documents of this kind.
    ``documents``: the pairs for these primary keys, a fixed number of queries per call.
    ``count``: how many rows a rebuild will stream.
    ``stream``: every pair for a rebuild, in chunks (defaults to ``documents`` over
    ``all_pks`` in chunks of ``CHUNK``).
    ``keys_touched``: the keys a change to one instance makes stale (its own, and those
    of documents that show it); defaults to its own key.
    ``database``: how the kind takes part in the database search and in the check of the
    engine's answers (a ``search.database.DatabaseKind``: its ``queryset(reader)`` is
    the rows of this kind the reader may read now). A kind without one is never shown
    from the database, and its engine hits are dropped.
    """

    kind: str
    models: tuple
    documents: Callable[[list[int]], list[Pair]]
    count: Callable[[], int]
    stream: Callable[[], Iterator[Pair]]
    keys_touched: Callable[[object], set[str]] | None = field(default=None)
    database: object | None = field(default=None)

    def key(self, pk) -> str:
        return f"{self.kind}:{pk}"


_types: dict[str, DocumentType] = {}
_facet_labels: dict[str, Callable[[list[str]], dict[str, str]]] = {}


def register(document_type: DocumentType) -> None:
    """Add a document type; an app calls this from its AppConfig.ready()."""
    _types[document_type.kind] = document_type


def document_types() -> list[DocumentType]:
    return list(_types.values())


def database_kinds() -> list:
    """The ``DatabaseKind`` of every registered type that has one, in registration order."""
    return [t.database for t in _types.values() if t.database is not None]


def register_facet_labels(name: str, labels: Callable[[list[str]], dict[str, str]]) -> None:
    """The app owning a facet's values names them: ``labels(values)`` gives value -> label
    for the values on screen, in one query (communities, collections, languages)."""
    _facet_labels[name] = labels


def registered_facet_labels(name: str, values: list[str]) -> dict[str, str] | None:
    """Labels from the app that registered this facet; None when none did."""
    labels = _facet_labels.get(name)
    return labels(values) if labels is not None else None


def type_of(instance) -> DocumentType | None:
    for document_type in _types.values():
        if isinstance(instance, document_type.models):
            return document_type
    return None


def key_for(instance) -> str | None:
    """The index key of a model instance, or None when its model is not indexed."""
    document_type = type_of(instance)
    return document_type.key(instance.pk) if document_type else None


def keys_touched_by(instance) -> set[str]:
    """The keys a change to this instance makes stale; empty when it is not indexed."""
    document_type = type_of(instance)
    if document_type is None:
        return set()
    if document_type.keys_touched is None:
        return {document_type.key(instance.pk)}
    return document_type.keys_touched(instance)


def document_for(key: str) -> dict | None:
    """The current document for a key, or None when it should not be in the index."""
    kind, _, pk = key.partition(":")
    if kind not in _types:
        raise ValueError(f"unknown index key {key!r}")
    return _types[kind].documents([int(pk)])[0][1]


def count_documents() -> int:
    return sum(document_type.count() for document_type in _types.values())


def iter_documents() -> Iterator[Pair]:
    """Every (key, document) of the public index, streamed in chunks."""
    for document_type in _types.values():
        yield from document_type.stream()


def pk_chunks(pks_queryset, size: int = CHUNK) -> Iterator[list[int]]:
    """Primary keys of a queryset in ascending chunks, so memory stays flat however many rows."""
    last = 0
    while True:
        pks = list(pks_queryset.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:size])
        if not pks:
            return
        yield pks
        last = pks[-1]


def chunks(queryset, size: int = CHUNK) -> Iterator[list]:
    """Chunks of a queryset by primary key, so memory stays flat however many rows there are."""
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last).order_by("pk")[:size])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def decades_between(start: int | None, end: int | None) -> list[int]:
    """The decades a period spans, for the decade facet (one decade for nonsense periods)."""
    if start is None and end is None:
        return []
    start = start if start is not None else end
    end = end if end is not None else start
    if end < start or end - start > 300:
        return [start - start % 10]
    return list(range(start - start % 10, end - end % 10 + 10, 10))
