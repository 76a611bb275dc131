"""An export of exchange.export read back into a site: the community as it was given.

The site needs its community index (every site has one after setup) and must not have a
community of the same slug yet: an import recreates a community, it does not merge into
one. Everything is checked before the first row is written (format, version, that every
file the documents name is in the archive, no path leaving it); then all rows are written
in one transaction, and the files stored for a failed import are deleted again.

Pages go live in the order the site's own rules want: first as drafts, then the consent
records that hold them, then the publication of the pages that were live, through the
publish pipeline (consent guard, search index). The draft that was on top of a live page
becomes its latest revision again. People come back as the export showed them: a
pseudonym as their name, a hidden name as a placeholder only curators see.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.files.base import File
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from depot.models import DepotItem
from editorial.models import ConsentRecord
from exchange.export import FORMAT, VERSION
from media.models import OralHistoryMedia
from media.transcript_service import import_transcript
from stories.models import (
    CommunityIndexPage,
    CommunityPage,
    HeritageObjectPage,
    Language,
    Person,
    Place,
    StoryNarrator,
    StoryPage,
)
from stories.models.choices import NameDisplay
from stories.services.roles import community_collection

RICH_ID = re.compile(r'(<(?:a|embed)\b[^>]*\b(?:linktype|embedtype)="(document|image|page)"[^>]*\bid=")(\d+)(")')


class ImportRefused(Exception):
    """The archive cannot be imported here; the message says why, nothing was written."""


@dataclass
class Report:
    community: CommunityPage | None = None
    counts: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass
class Ids:
    """Old id → new object, per kind."""

    people: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    images: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    recordings: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)


def _read_json(archive: zipfile.ZipFile, name: str):
    try:
        return json.loads(archive.read(name))
    except KeyError:
        raise ImportRefused(
            _("The archive has no %(name)s: it is not a complete community export.") % {"name": name}
        ) from None
    except ValueError as error:
        raise ImportRefused(
            _("%(name)s in the archive is not valid JSON: %(error)s") % {"name": name, "error": error}
        ) from None


def check_archive(archive: zipfile.ZipFile) -> dict:
    """The manifest, once the archive is known to be an export this site can read."""
    names = set(archive.namelist())
    for name in names:
        if name.startswith("/") or ".." in name.split("/") or "\\" in name:
            raise ImportRefused(_("The archive holds a file outside its own folders (%(name)s).") % {"name": name})
    manifest = _read_json(archive, "manifest.json")
    if manifest.get("format") != FORMAT:
        raise ImportRefused(_("This zip is not a Brengkunst community export."))
    if manifest.get("version") != VERSION:
        raise ImportRefused(
            _("This export has format version %(found)s; this site reads version %(wanted)s.")
            % {"found": manifest.get("version"), "wanted": VERSION}
        )
    for listing in ("recordings.json", "images.json", "documents.json"):
        for entry in _read_json(archive, listing):
            for key in ("file", "thumbnail"):
                name = entry.get(key)
                if name and key not in entry.get("missing", []) and name not in names:
                    raise ImportRefused(_("The archive lacks %(name)s, which %(listing)s names.") % locals())
            for transcript in entry.get("transcripts", []):
                if transcript["file"] not in names:
                    raise ImportRefused(
                        _("The archive lacks %(name)s, which %(listing)s names.")
                        % {"name": transcript["file"], "listing": listing}
                    )
    return manifest


def _date(value):
    return date.fromisoformat(value) if value else None


def _datetime(value):
    return datetime.fromisoformat(value) if value else None


def _rich(html: str, ids: Ids) -> str:
    """Rich text with the exporting site's ids replaced by the new ones; a link to a page
    that did not come along loses its link, keeping its words."""

    def replace(match):
        kind, old = match.group(2), int(match.group(3))
        target = {"document": ids.documents, "image": ids.images, "page": ids.pages}[kind].get(old)
        if target is None:
            return re.sub(r'\b(linktype|embedtype)="\w+"', r'\1="dropped"', match.group(0), count=1)
        return f"{match.group(1)}{target.pk}{match.group(4)}"

    html = RICH_ID.sub(replace, html or "")
    html = re.sub(r'<a\b[^>]*linktype="dropped"[^>]*>(.*?)</a>', r"\1", html, flags=re.S)
    return re.sub(r'<embed\b[^>]*embedtype="dropped"[^>]*/?>', "", html)


def _body(raw_blocks: list, ids: Ids, report: Report) -> list:
    blocks = []
    for block in raw_blocks or []:
        kind, value = block.get("type"), block.get("value")
        if kind == "paragraph":
            value = _rich(value, ids)
        elif kind == "image":
            target = ids.images.get(value.get("image"))
            if target is None:
                continue
            value = {**value, "image": target.pk}
        elif kind == "media_clip":
            target = ids.recordings.get(value.get("recording"))
            if target is None:
                continue
            value = {**value, "recording": target.pk}
        elif kind == "heritage_object":
            target = ids.pages.get(value.get("object_page"))
            if target is None:
                continue
            value = {**value, "object_page": target.pk}
        elif kind == "depot_item":
            continue  # ids of another catalogue; the depot links (by inventory number) carry them
        blocks.append({"type": kind, "value": value, "id": block.get("id")})
    return blocks


class CommunityImporter:
    def __init__(self, archive: zipfile.ZipFile, *, user=None):
        self.archive = archive
        self.user = user
        self.ids = Ids()
        self.report = Report()
        self.stored: list = []  # file fields written, deleted again if the import fails

    # -- files and the rows that are files --------------------------------------------

    def _file(self, name: str) -> File:
        return File(self.archive.open(name), name=name.rsplit("/", 1)[-1].split("-", 1)[-1])

    def _remember(self, field_file):
        self.stored.append(field_file)

    def import_images(self):
        Image = get_image_model()
        for entry in _read_json(self.archive, "images.json"):
            if "file" in entry.get("missing", []):
                self.report.notes.append(_("Image “%(title)s” had no file at export.") % entry)
                continue
            image = Image(title=entry["title"], file=self._file(entry["file"]), collection=self.collection)
            image.save()
            self._remember(image.file)
            self.ids.images[entry["id"]] = image

    def import_documents(self):
        Document = get_document_model()
        for entry in _read_json(self.archive, "documents.json"):
            if "file" in entry.get("missing", []):
                self.report.notes.append(_("Document “%(title)s” had no file at export.") % entry)
                continue
            document = Document(title=entry["title"], file=self._file(entry["file"]), collection=self.collection)
            document.save()
            self._remember(document.file)
            self.ids.documents[entry["id"]] = document

    def import_recordings(self):
        for entry in _read_json(self.archive, "recordings.json"):
            if "file" in entry.get("missing", []):
                self.report.notes.append(_("Recording “%(title)s” had no file at export.") % entry)
                continue
            recording = OralHistoryMedia(
                title=entry["title"],
                type=entry["type"],
                duration=entry.get("duration") or 0,
                width=entry.get("width"),
                height=entry.get("height"),
                language=entry.get("language") or "",
                codecs=entry.get("codecs") or "",
                container=entry.get("container") or "",
                sha256=entry.get("sha256") or "",
                collection=self.collection,
            )
            recording.file = self._file(entry["file"])
            if entry.get("thumbnail") and "thumbnail" not in entry.get("missing", []):
                recording.thumbnail = self._file(entry["thumbnail"])
            recording.save()
            recording.file_size = recording.file.size
            recording.save(update_fields=["file_size"])
            self._remember(recording.file)
            if recording.thumbnail:
                self._remember(recording.thumbnail)
            self.ids.recordings[entry["id"]] = recording
            for transcript in entry.get("transcripts", []):
                import_transcript(
                    recording, self.archive.read(transcript["file"]), transcript["file"], transcript["language"]
                )

    # -- people, places, languages ----------------------------------------------------

    def import_people(self, community):
        for entry in _read_json(self.archive, "people.json"):
            display = entry.get("name_display") or NameDisplay.ANONYMOUS
            name = entry.get("name") or ""
            if display == NameDisplay.ANONYMOUS or not name:
                full_name, display = _("Name not in the export (person %(id)s)") % entry, NameDisplay.ANONYMOUS
            else:
                full_name = name
            person = Person.objects.create(
                full_name=full_name[:200],
                pseudonym=name[:200] if display == NameDisplay.PSEUDONYM else "",
                name_display=display,
                bio=entry.get("bio") or "",
                community=community if entry.get("of_this_community") else None,
            )
            self.ids.people[entry["id"]] = person

    def import_places(self):
        for entry in _read_json(self.archive, "places.json"):
            place = Place.objects.filter(
                name=entry["name"], municipality=entry["municipality"], country=entry["country"]
            ).first() or Place.objects.create(
                name=entry["name"],
                municipality=entry["municipality"],
                country=entry["country"],
                latitude=entry["latitude"],
                longitude=entry["longitude"],
            )
            self.ids.places[entry["id"]] = place

    @staticmethod
    def import_languages(manifest):
        for entry in manifest.get("languages", []):
            Language.objects.get_or_create(
                code=entry["code"], defaults={"name_nl": entry["name_nl"], "name_en": entry["name_en"]}
            )

    # -- pages ------------------------------------------------------------------------

    def _community(self, manifest) -> CommunityPage:
        data = manifest["community"]
        index = CommunityIndexPage.objects.first()
        if index is None:
            raise ImportRefused(_("This site has no community index page to put the community under."))
        if CommunityPage.objects.filter(slug=data["slug"]).exists():
            raise ImportRefused(
                _("This site already has a community “%(slug)s”: an import recreates a community, it does not merge.")
                % data
            )
        community = CommunityPage(
            title=data["title"],
            slug=data["slug"],
            short_description=data.get("short_description") or "",
            live=bool(data.get("live", True)),
        )
        index.add_child(instance=community)
        community.save_revision(user=self.user, log_action=False)
        return community

    def _finish_community(self, community, manifest):
        data = manifest["community"]
        community.intro = _rich(data.get("intro"), self.ids)
        hero = self.ids.images.get(data.get("hero_image"))
        community.hero_image = hero
        revision = community.save_revision(user=self.user, log_action=False)
        if community.live:
            revision.publish(user=self.user, log_action=False)

    def _apply_common(self, page, content, fields):
        for name in fields:
            if name in ("embargo_until", "brought_on"):
                setattr(page, name, _date(content.get(name)))
            elif name in content:
                setattr(page, name, content[name] if content[name] is not None else getattr(page, name))
        page.tags.set(content.get("tags", []))
        page.depot_links.clear()
        for link in content.get("depot_links", []):
            item = DepotItem.objects.filter(inventory_number=link["inventory_number"]).first()
            if item is None:
                self.report.notes.append(
                    _("“%(title)s” linked to depot item %(number)s, which this catalogue does not have.")
                    % {"title": page.title, "number": link["inventory_number"]}
                )
                continue
            page.depot_links.add(page.depot_links.model(depot_item=item, relation=link["relation"], note=link["note"]))

    def _apply_object(self, page: HeritageObjectPage, content: dict):
        from exchange.export import OBJECT_FIELDS

        self._apply_common(page, content, [name for name in OBJECT_FIELDS if name not in ("description", "provenance")])
        page.description = _rich(content.get("description"), self.ids)
        page.provenance = _rich(content.get("provenance"), self.ids)
        page.brought_by = self.ids.people.get(content.get("brought_by"))
        number = content.get("depot_item")
        page.depot_item = DepotItem.objects.filter(inventory_number=number).first() if number else None
        page.images.clear()
        for image in content.get("images", []):
            target = self.ids.images.get(image["image"])
            if target:
                page.images.add(page.images.model(image=target, alt_text=image["alt_text"], caption=image["caption"]))

    def _apply_story(self, page: StoryPage, content: dict):
        from exchange.export import STORY_FIELDS

        self._apply_common(page, content, STORY_FIELDS)
        page.body = _body(content.get("body"), self.ids, self.report)
        page.interviewer = self.ids.people.get(content.get("interviewer"))
        page.main_media = self.ids.recordings.get(content.get("main_media"))
        page.narrators.clear()
        for person_id in content.get("narrators", []):
            if person_id in self.ids.people:
                page.narrators.add(StoryNarrator(person=self.ids.people[person_id]))
        page.places.set([self.ids.places[pk] for pk in content.get("places", []) if pk in self.ids.places])
        page.languages.set(list(Language.objects.filter(code__in=content.get("languages", []))))
        page.related_objects.set(
            [self.ids.pages[pk] for pk in content.get("related_objects", []) if pk in self.ids.pages]
        )
        page.related_communities.set(
            list(CommunityPage.objects.filter(slug__in=content.get("related_communities", [])))
        )

    def _pages(self, folder: str) -> list[dict]:
        names = sorted(
            (name for name in self.archive.namelist() if name.startswith(f"{folder}/") and name.endswith(".json")),
            key=lambda name: int(name.split("/")[1].split(".")[0]),
        )
        return [_read_json(self.archive, name) for name in names]

    def _create_page(self, community, model, document, apply):
        first = document["published"] or document["draft"]
        page = model(title=first["title"], slug=first["slug"], live=False)
        page.first_published_at = _datetime(document.get("first_published_at"))
        apply(page, first)
        community.add_child(instance=page)
        page.save_revision(user=self.user, log_action=False)
        self.ids.pages[document["id"]] = page
        return page

    def import_pages(self, community) -> list[tuple]:
        created = []
        for model, folder, apply in (
            (HeritageObjectPage, "objects", self._apply_object),
            (StoryPage, "stories", self._apply_story),
        ):
            for document in self._pages(folder):
                created.append((self._create_page(community, model, document, apply), document, apply))
        # Second pass: links between the pages (a story naming an object, body references)
        # resolve now that every page has its new id.
        for page, document, apply in created:
            first = document["published"] or document["draft"]
            apply(page, first)
            page.save_revision(user=self.user, log_action=False)
        return created

    def import_consent(self):
        count = 0
        for entry in _read_json(self.archive, "consent.json"):
            record = ConsentRecord.objects.create(
                person=self.ids.people.get(entry.get("person")),
                given_by=entry["given_by"] or _("(not in the export)"),
                uses=entry["uses"],
                licence=entry["licence"],
                text_version=entry["text_version"],
                method=entry["method"],
                given_at=_datetime(entry["given_at"]),
                withdrawn_at=_datetime(entry.get("withdrawn_at")),
                withdrawal_note=entry.get("withdrawal_note") or "",
            )
            record.pages.set([self.ids.pages[pk] for pk in entry.get("pages", []) if pk in self.ids.pages])
            if entry.get("had_evidence"):
                self.report.notes.append(
                    _("The consent of %(name)s had evidence on file; it stays with the exporting site.")
                    % {"name": record.given_by}
                )
            count += 1
        return count

    def publish(self, created):
        for page, document, apply in created:
            if document["published"] and document["live"]:
                page.get_latest_revision().publish(user=self.user, log_action=False)
                page.refresh_from_db()
                if not page.live:
                    self.report.notes.append(
                        _("“%(title)s” was online but its consent does not allow it here; it stays offline.")
                        % {"title": page.title}
                    )
            if document["draft"] and document["published"]:
                page = page.specific_class.objects.get(pk=page.pk)
                apply(page, document["draft"])
                page.save_revision(user=self.user, log_action=False)

    # -- all of it --------------------------------------------------------------------

    def run(self) -> Report:
        manifest = check_archive(self.archive)
        try:
            with transaction.atomic():
                self.import_languages(manifest)
                community = self._community(manifest)
                self.report.community = community
                self.collection = community_collection(community)  # the files stay the community's
                self.import_images()
                self.import_documents()
                self.import_recordings()
                self.import_places()
                self.import_people(community)
                created = self.import_pages(community)
                self._finish_community(community, manifest)
                consent = self.import_consent()
                self.publish(created)
        except BaseException:
            for field_file in self.stored:
                field_file.storage.delete(field_file.name)
            raise
        self.report.notes = list(dict.fromkeys(self.report.notes))
        self.report.counts = {
            "stories": sum(1 for page, _doc, _apply in created if isinstance(page, StoryPage)),
            "objects": sum(1 for page, _doc, _apply in created if isinstance(page, HeritageObjectPage)),
            "people": len(self.ids.people),
            "consent_records": consent,
            "recordings": len(self.ids.recordings),
            "images": len(self.ids.images),
            "documents": len(self.ids.documents),
        }
        return self.report


def import_community(path_or_file, *, user=None) -> Report:
    """Import a community export; raises ImportRefused with a message when it cannot."""
    try:
        archive = zipfile.ZipFile(path_or_file)
    except zipfile.BadZipFile:
        raise ImportRefused(_("This file is not a zip archive.")) from None
    with archive:
        return CommunityImporter(archive, user=user).run()
