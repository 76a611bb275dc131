"""Everything one community gave, as a zip of JSON documents and files (docs/export.md).

The export is for the community and the museum: its curators and museum staff start it
(exchange.access). It holds the community page, its stories and objects (the published
version and the draft on top of it), the people as they are shown in public, the consent
records, transcripts as WebVTT and the files (recordings, images, documents).

What it leaves out, on purpose: real names behind a pseudonym or an anonymous display,
e-mail addresses, the consent evidence (signed forms, recorded consent: they name the
person) and user accounts. The ids in the files are the exporting site's; they only tie
the documents of one export together (the importer gives everything new ids).

``stream_export`` yields the archive chunk by chunk: one story's JSON or one chunk of a
file at a time, so a community with gigabytes of recordings exports in flat memory.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from editorial.models import ConsentRecord
from exchange.zipstream import ZipStream
from media.models import OralHistoryMedia, Transcript
from media.transcript_service import export_webvtt
from stories.models import CommunityPage, HeritageObjectPage, Person, StoryPage
from stories.models.choices import NameDisplay

FORMAT = "brengkunst-community-export"
VERSION = 1

RICH_REFERENCE = re.compile(r'<(?:a|embed)\b[^>]*\b(?:linktype|embedtype)="(document|image)"[^>]*\bid="(\d+)"')

STORY_FIELDS = [
    "title", "slug", "seo_title", "search_description", "access_level", "embargo_until", "text_language",
    "licence", "summary", "pull_quote", "content_warning", "recorded_date_text", "recorded_year_from",
    "recorded_year_to", "period_start_year", "period_end_year",
]  # fmt: skip
OBJECT_FIELDS = [
    "title", "slug", "seo_title", "search_description", "access_level", "embargo_until", "text_language",
    "licence", "summary", "description", "brought_on", "provenance", "status",
]  # fmt: skip


@dataclass
class Files:
    """The files the exported pages use, by kind and id, gathered while the pages are written."""

    images: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    recordings: set[int] = field(default_factory=set)

    def from_rich_text(self, html: str) -> None:
        for kind, pk in RICH_REFERENCE.findall(html or ""):
            (self.documents if kind == "document" else self.images).add(int(pk))

    def from_body(self, raw_blocks: list) -> None:
        for block in raw_blocks or []:
            value = block.get("value")
            if block.get("type") == "paragraph":
                self.from_rich_text(value)
            elif block.get("type") == "image" and isinstance(value, dict) and value.get("image"):
                self.images.add(int(value["image"]))
            elif block.get("type") == "media_clip" and isinstance(value, dict) and value.get("recording"):
                self.recordings.add(int(value["recording"]))


def _value(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _depot_links(page) -> list[dict]:
    return [
        {"inventory_number": link.depot_item.inventory_number, "relation": link.relation, "note": link.note}
        for link in page.depot_links.all()
        if link.depot_item_id
    ]


def story_content(story: StoryPage, files: Files) -> dict:
    """One version of a story (live or a revision's object), as plain JSON values."""
    data = {name: _value(getattr(story, name)) for name in STORY_FIELDS}
    data["body"] = list(story.body.raw_data)
    files.from_body(data["body"])
    data["interviewer"] = story.interviewer_id
    data["main_media"] = story.main_media_id
    if story.main_media_id:
        files.recordings.add(story.main_media_id)
    data["narrators"] = [narrator.person_id for narrator in story.narrators.all()]
    data["places"] = sorted(place.pk for place in story.places.all())
    data["languages"] = sorted(language.code for language in story.languages.all())
    data["tags"] = sorted(tag.name for tag in story.tags.all())
    data["related_objects"] = sorted(page.pk for page in story.related_objects.all())
    data["related_communities"] = sorted(page.slug for page in story.related_communities.all())
    data["depot_links"] = _depot_links(story)
    return data


def object_content(obj: HeritageObjectPage, files: Files) -> dict:
    data = {name: _value(getattr(obj, name)) for name in OBJECT_FIELDS}
    files.from_rich_text(obj.description)
    files.from_rich_text(obj.provenance)
    data["brought_by"] = obj.brought_by_id
    data["depot_item"] = obj.depot_item.inventory_number if obj.depot_item_id else None
    data["tags"] = sorted(tag.name for tag in obj.tags.all())
    data["images"] = [
        {"image": image.image_id, "alt_text": image.alt_text, "caption": image.caption} for image in obj.images.all()
    ]
    files.images.update(image.image_id for image in obj.images.all())
    data["depot_links"] = _depot_links(obj)
    return data


def page_document(page, content: Callable, files: Files) -> dict:
    """A page with its published version and, when there is one, the draft on top of it."""
    document = {
        "id": page.pk,
        "live": page.live,
        "first_published_at": _value(page.first_published_at),
        "published": content(page, files) if page.live else None,
        "draft": None,
    }
    if not page.live or page.has_unpublished_changes:
        revision = page.get_latest_revision()
        draft = revision.as_object() if revision else page
        document["draft"] = content(draft, files)
    return document


def person_as_shown(person: Person) -> dict:
    """A person as the public sees them: the shown name, never a hidden real name or e-mail."""
    return {
        "id": person.pk,
        "name": person.public_name if person.name_display != NameDisplay.ANONYMOUS else "",
        "name_display": person.name_display,
        "bio": person.public_bio,
        "of_this_community": None,  # filled by the caller
    }


def consent_document(record: ConsentRecord, page_ids: set[int]) -> dict:
    given_by = record.given_by
    if record.person_id and record.person.name_display != NameDisplay.FULL:
        given_by = person_as_shown(record.person)["name"]  # the record names the person: as shown
    return {
        "id": record.pk,
        "person": record.person_id,
        "given_by": given_by,
        "uses": list(record.uses or []),
        "licence": record.licence,
        "text_version": record.text_version,
        "method": record.method,
        "given_at": _value(record.given_at),
        "withdrawn_at": _value(record.withdrawn_at),
        "withdrawal_note": record.withdrawal_note,
        "had_evidence": bool(record.evidence),
        "pages": sorted(pk for pk in record.pages.values_list("pk", flat=True) if pk in page_ids),
    }


def _file_name(kind: str, pk: int, name: str) -> str:
    base = name.rsplit("/", 1)[-1]
    stem, dot, extension = base.rpartition(".")
    safe = slugify(stem if dot else base)[:60] or "file"
    return f"files/{kind}/{pk}-{safe}{'.' + slugify(extension)[:10] if dot else ''}"


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode()


@dataclass
class Plan:
    """What one export will hold, counted before it starts (for the progress indicator)."""

    community: CommunityPage
    story_ids: list[int]
    object_ids: list[int]

    @property
    def page_count(self) -> int:
        return len(self.story_ids) + len(self.object_ids)


def plan_export(community: CommunityPage) -> Plan:
    stories = StoryPage.objects.descendant_of(community).order_by("path").values_list("pk", flat=True)
    objects = HeritageObjectPage.objects.descendant_of(community).order_by("path").values_list("pk", flat=True)
    return Plan(community, list(stories), list(objects))


def stream_export(
    community: CommunityPage, *, progress: Callable[[int, int], None] | None = None, site_name: str = ""
) -> Iterator[bytes]:
    """Yield the archive. ``progress(done, total)`` is told after each page and each file."""
    plan = plan_export(community)
    files = Files()
    people: set[int] = set(Person.objects.filter(community=community).values_list("pk", flat=True))
    places: set[int] = set()
    zip_stream = ZipStream()
    done = 0
    total = plan.page_count  # files are added to the total once the pages have named them

    def tick():
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    page_ids = set(plan.story_ids) | set(plan.object_ids) | {community.pk}
    for pk in plan.object_ids:
        obj = HeritageObjectPage.objects.get(pk=pk)
        document = page_document(obj, object_content, files)
        for version in (document["published"], document["draft"]):
            if version and version["brought_by"]:
                people.add(version["brought_by"])
        yield zip_stream.add_bytes(f"objects/{pk}.json", _json(document))
        tick()
    for pk in plan.story_ids:
        story = StoryPage.objects.get(pk=pk)
        document = page_document(story, story_content, files)
        for version in (document["published"], document["draft"]):
            if version:
                people.update(pk for pk in [version["interviewer"], *version["narrators"]] if pk)
                places.update(version["places"])
        yield zip_stream.add_bytes(f"stories/{pk}.json", _json(document))
        tick()

    # The consent behind this community's pages, and that of its people resting on no page
    # yet; a record of theirs for another community's pages is that community's.
    records = (
        ConsentRecord.objects.filter(Q(pages__in=page_ids) | Q(person__in=people, pages__isnull=True))
        .select_related("person")
        .distinct()
        .order_by("pk")
    )
    consent = [consent_document(record, page_ids) for record in records]
    people.update(record["person"] for record in consent if record["person"])
    yield zip_stream.add_bytes("consent.json", _json(consent))

    shown = []
    for person in Person.objects.filter(pk__in=people).order_by("pk"):
        entry = person_as_shown(person)
        entry["of_this_community"] = person.community_id == community.pk
        shown.append(entry)
    yield zip_stream.add_bytes("people.json", _json(shown))

    from stories.models import Place

    yield zip_stream.add_bytes(
        "places.json",
        _json(
            [
                {
                    "id": place.pk,
                    "name": place.name,
                    "municipality": place.municipality,
                    "country": place.country,
                    "latitude": None if place.latitude is None else str(place.latitude),
                    "longitude": None if place.longitude is None else str(place.longitude),
                }
                for place in Place.objects.filter(pk__in=places).order_by("pk")
            ]
        ),
    )

    community_files = Files()
    community_files.from_rich_text(community.intro)
    files.images.update(community_files.images)
    files.documents.update(community_files.documents)
    if community.hero_image_id:
        files.images.add(community.hero_image_id)

    recordings = list(OralHistoryMedia.objects.filter(pk__in=files.recordings).order_by("pk"))
    images = list(get_image_model().objects.filter(pk__in=files.images).order_by("pk"))
    documents = list(get_document_model().objects.filter(pk__in=files.documents).order_by("pk"))
    total = plan.page_count + len(recordings) + len(images) + len(documents)

    recording_entries = []
    for recording in recordings:
        entry = {
            "id": recording.pk,
            "title": recording.title,
            "type": recording.type,
            "duration": recording.duration,
            "width": recording.width,
            "height": recording.height,
            "language": recording.language,
            "codecs": recording.codecs,
            "container": recording.container,
            "sha256": recording.sha256,
            "file": _file_name("recordings", recording.pk, recording.file.name),
            "thumbnail": _file_name("thumbnails", recording.pk, recording.thumbnail.name)
            if recording.thumbnail
            else None,
            "transcripts": [],
        }
        for transcript in Transcript.objects.filter(media=recording).order_by("language"):
            name = f"transcripts/{recording.pk}.{slugify(transcript.language) or 'und'}.vtt"
            entry["transcripts"].append({"language": transcript.language, "file": name})
            yield zip_stream.add_bytes(name, export_webvtt(transcript).encode())
        recording_entries.append(entry)
        yield from _add_stored_file(zip_stream, entry, "file", recording.file)
        if entry["thumbnail"]:
            yield from _add_stored_file(zip_stream, entry, "thumbnail", recording.thumbnail)
        tick()
    yield zip_stream.add_bytes("recordings.json", _json(recording_entries))

    image_entries = []
    for image in images:
        entry = {"id": image.pk, "title": image.title, "file": _file_name("images", image.pk, image.file.name)}
        image_entries.append(entry)
        yield from _add_stored_file(zip_stream, entry, "file", image.file)
        tick()
    yield zip_stream.add_bytes("images.json", _json(image_entries))

    document_entries = []
    for document in documents:
        entry = {
            "id": document.pk,
            "title": document.title,
            "file": _file_name("documents", document.pk, document.file.name),
        }
        document_entries.append(entry)
        yield from _add_stored_file(zip_stream, entry, "file", document.file)
        tick()
    yield zip_stream.add_bytes("documents.json", _json(document_entries))

    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "site": site_name,
        "community": {
            "id": community.pk,
            "title": community.title,
            "slug": community.slug,
            "short_description": community.short_description,
            "intro": community.intro,
            "hero_image": community.hero_image_id,
            "live": community.live,
        },
        "languages": _languages(),
        "counts": {
            "stories": len(plan.story_ids),
            "objects": len(plan.object_ids),
            "people": len(shown),
            "consent_records": len(consent),
            "recordings": len(recordings),
            "images": len(images),
            "documents": len(documents),
        },
    }
    yield zip_stream.add_bytes("manifest.json", _json(manifest))
    yield zip_stream.close()


def _languages() -> list[dict]:
    from stories.models import Language

    return [
        {"code": language.code, "name_nl": language.name_nl, "name_en": language.name_en}
        for language in Language.objects.order_by("code")
    ]


def _add_stored_file(zip_stream: ZipStream, entry: dict, key: str, field_file) -> Iterator[bytes]:
    """A stored file into the archive. One gone from storage is named in the entry
    (``"missing": [key]``) and left out, so one lost file does not stop the export."""
    try:
        source = field_file.open("rb")
    except OSError:
        entry.setdefault("missing", []).append(key)
        return
    with source:
        yield from zip_stream.add_file(entry[key], source)
