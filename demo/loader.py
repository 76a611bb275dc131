"""Load the demo content into the database, idempotently.

Every record is looked up by a natural key (page slug under its parent, inventory
number, collection slug, person's full name, place name, image or recording title,
username) and only written when it is missing or differs from demo.content.
A page gets a new revision and is published only when something on it changed (or
when it is not live: the demo's pages are put back online), so running the loader
again adds no rows, no revisions and no files.

Entry point: ``load_demo(log=print, reset_passwords=False) -> LoadResult``.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import io
import json
import random
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import Truncator, slugify
from wagtail.coreutils import string_to_ascii
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site
from wagtail.utils.file import hash_filelike
from wagtailmedia.models import get_media_model

from contributions.models import ContributePage
from core.choices import AccessLevel
from demo import content, media_files
from depot.models import DepotCollection, DepotIndexPage, DepotItem, DepotRelation
from home.models import HomePage
from stories.models import (
    CommunityIndexPage,
    CommunityPage,
    HeritageObjectImage,
    HeritageObjectPage,
    Language,
    Licence,
    NameDisplay,
    ObjectDepotLink,
    ObjectStatus,
    Person,
    Place,
    StoryDepotLink,
    StoryNarrator,
    StoryPage,
)
from stories.services.dates import parse_fuzzy_date
from stories.services.people import file_people_by_their_pages
from stories.services.roles import ensure_museum_staff_group

# StreamField block ids derive from the page slug, so they are stable between runs.
BLOCK_ID_NAMESPACE = uuid.UUID("6b1c2f0e-5d0a-4a8e-9a51-6f1e2b7c4d10")

CREDENTIALS = [
    # username, password, role, first name, last name
    ("beheer", "brengkunst-beheer", "superuser", "Beheer", "Brengkunst"),
    ("museum", "brengkunst-museum", "museum staff", "Mila", "de Museum"),
    ("curator", "brengkunst-curator", "community curator", "Sandra", "Monteiro"),
    ("lid", "brengkunst-lid", "community member", "Nelson", "Ramos"),
]


class DemoDataError(Exception):
    """The database is in a state the loader cannot build on (e.g. not migrated)."""


@dataclass
class LoadResult:
    """What a run did.

    tally: (kind, "created" | "updated" | "unchanged") -> how many
    files_written: storage names of the files this run wrote
    stored: (storage, name) of the same files, to remove them if the run fails
    timings: part of the load -> seconds
    """

    tally: Counter = field(default_factory=Counter)
    files_written: list[str] = field(default_factory=list)
    stored: list = field(default_factory=list, repr=False)
    users: list[dict] = field(default_factory=list)
    video_skipped: str = ""
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def count(self, kind: str, action: str) -> None:
        self.tally[(kind, action)] += 1

    def wrote(self, field_file) -> None:
        self.files_written.append(field_file.name)
        self.stored.append((field_file.storage, field_file.name))

    def kinds(self) -> list[str]:
        return sorted({kind for kind, _ in self.tally})


# ----------------------------------------------------------------------------- helpers


def _sync_fields(obj, values: dict) -> list[str]:
    """Set each attribute that differs; return the names that changed."""
    changed = []
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed


def _upsert(result: LoadResult, kind: str, model, lookup: dict, values: dict):
    """Get or create by ``lookup``, then update only the fields that differ."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.save()
        result.count(kind, "created")
        return obj
    changed = _sync_fields(obj, values)
    if changed:
        obj.save(update_fields=changed)
        result.count(kind, "updated")
    else:
        result.count(kind, "unchanged")
    return obj


def _paragraphs(texts) -> str:
    """Plain text (one string or a list of paragraphs) as rich text HTML."""
    if isinstance(texts, str):
        texts = [texts]
    return "".join(f"<p>{html.escape(t, quote=False)}</p>" for t in texts if t)


def _date(value: str | None):
    return datetime.date.fromisoformat(value) if value else None


def _block_id(slug: str, index: int) -> str:
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{slug}:{index}"))


# ----------------------------------------------------------------------------- pages


class PageSync:
    """Find a page by slug under its parent (or start a new one); apply wanted values.

    ``apply`` records what differs; ``publish`` adds the page if it is new and saves a
    revision and publishes it only when something changed (or the page is not live).
    """

    def __init__(self, parent, model, slug, result: LoadResult, kind: str):
        self.parent, self.model, self.result, self.kind = parent, model, result, kind
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None and Page.objects.child_of(parent).filter(slug=slug).exists():
            raise DemoDataError(
                f"{parent.url_path}{slug}/ exists but is not a {model.__name__}; move or rename it first."
            )
        self.created = page is None
        self.page = page or model(slug=slug)
        self.changed: list[str] = []

    def apply(self, fields=None, m2m=None, tags=None, children=None, stream=None) -> PageSync:
        page = self.page
        for name, value in (fields or {}).items():
            if getattr(page, name) != value:
                setattr(page, name, value)
                self.changed.append(name)
        for name, objects in (m2m or {}).items():
            wanted = {obj.pk for obj in objects}
            current = set(getattr(page, name).values_list("pk", flat=True)) if page.pk else set()
            if wanted != current:
                setattr(page, name, list(objects))
                self.changed.append(name)
        if tags is not None:
            current = sorted(page.tags.names()) if page.pk else []
            if sorted(tags) != current:
                page.tags.set(sorted(tags))
                self.changed.append("tags")
        for name, (child_model, keys, rows) in (children or {}).items():
            current = [{k: getattr(child, k) for k in keys} for child in getattr(page, name).all()] if page.pk else []
            if current != rows:
                setattr(
                    page,
                    name,
                    [child_model(sort_order=i, **row) for i, row in enumerate(rows)],
                )
                self.changed.append(name)
        for name, raw in (stream or {}).items():
            current = getattr(page, name).get_prep_value() if page.pk else None
            if _canonical(current) != _canonical(raw):
                setattr(page, name, raw)
                self.changed.append(name)
        return self

    def add_if_new(self, owner=None):
        """Add a new page to the tree as a draft (so it has an id and a path)."""
        if self.created and self.page.pk is None:
            self.page.live = False
            self.page.owner = owner
            self.parent.add_child(instance=self.page)
        return self.page

    def publish(self, user=None):
        self.add_if_new(owner=user)
        if self.created or self.changed or not self.page.live:
            revision = self.page.save_revision(user=user, log_action=True)
            revision.publish(user=user)
            self.result.count(self.kind, "created" if self.created else "updated")
        else:
            self.result.count(self.kind, "unchanged")
        return self.page


def _canonical(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


# ----------------------------------------------------------------------------- loader


class Loader:
    def __init__(self, log=None, reset_passwords=False):
        self.log = log or (lambda message: None)
        self.reset_passwords = reset_passwords
        self.result = LoadResult()
        self.admin = None
        self.places: dict[str, Place] = {}
        self.people: dict[str, Person] = {}
        self.languages: dict[str, Language] = {}
        self.depot_items: dict[str, DepotItem] = {}
        # collection slug -> the inventory numbers generated for it, in order
        self.generated: dict[str, list[str]] = {}
        self.communities: dict[str, CommunityPage] = {}
        self.collections: dict[str, Collection] = {}
        self.recordings: dict[str, object] = {}
        self.objects: dict[str, HeritageObjectPage] = {}

    # -- running

    def run(self) -> LoadResult:
        started = time.monotonic()
        try:
            with transaction.atomic():
                self.admin = self.ensure_user(*CREDENTIALS[0], superuser=True)
                home = self.home_page()
                self.step(self.load_places)
                self.step(self.load_people)
                self.load_languages()
                self.step(self.load_depot)
                community_index, _ = self.step(self.load_index_pages, home)
                self.step(self.load_communities, community_index)
                self.step(self.load_recordings)
                self.step(self.load_home, home)
                self.step(self.load_objects)
                self.step(self.load_stories)
                self.step(self.file_people)
                self.step(self.load_users)
        except BaseException:
            # The rows are rolled back; remove the files this run wrote (no orphans).
            for storage, name in self.result.stored:
                try:
                    storage.delete(name)
                except Exception:  # best effort: the original error matters more
                    pass
            raise
        self.result.seconds = time.monotonic() - started
        return self.result

    def step(self, method, *args):
        """Run one part of the load and note how long it took."""
        started = time.monotonic()
        value = method(*args)
        self.result.timings[method.__name__.removeprefix("load_").replace("_", " ")] = time.monotonic() - started
        return value

    # -- site

    def home_page(self) -> HomePage:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        root = site.root_page.specific if site else None
        if not isinstance(root, HomePage):
            root = HomePage.objects.first()
        if root is None:
            raise DemoDataError("No HomePage found: run `manage.py migrate` first.")
        return root

    def load_home(self, home: HomePage):
        self.log("Home page")
        image = self.image(
            "Brengkunst: verhalen uit Rotterdam",
            content.HOME["image"]["caption"],
            content.HOME["image"]["palette"],
            self.root_collection(),
            alt="Kleurige abstracte compositie met de tekst Brengkunst",
        )
        sync = PageSync(home.get_parent(), HomePage, home.slug, self.result, "home page")
        sync.apply(
            fields={
                "intro": content.HOME["intro"],
                "intro_en": content.HOME["intro_en"],
                "hero_image_id": image.pk,
            }
        )
        sync.publish(self.admin)

    def load_index_pages(self, home):
        self.log("Index pages")
        spec = content.COMMUNITY_INDEX
        existing = CommunityIndexPage.objects.child_of(home).first()  # max_count = 1
        slug = existing.slug if existing else spec["slug"]
        community_index = (
            PageSync(home, CommunityIndexPage, slug, self.result, "community index")
            .apply(
                fields={
                    "title": spec["title"],
                    "slug": spec["slug"],
                    "intro": spec["intro"],
                    "show_in_menus": True,
                }
            )
            .publish(self.admin)
        )
        spec = content.DEPOT_INDEX
        existing = DepotIndexPage.objects.child_of(home).first()
        slug = existing.slug if existing else spec["slug"]
        depot_index = (
            PageSync(home, DepotIndexPage, slug, self.result, "depot index")
            .apply(
                fields={
                    "title": spec["title"],
                    "slug": spec["slug"],
                    "intro": spec["intro"],
                    "show_in_menus": True,
                }
            )
            .publish(self.admin)
        )
        self.load_contribute_page(home)
        return community_index, depot_index

    def load_contribute_page(self, home):
        """The public contribution form, so a demo visitor can send a story in."""
        spec = content.CONTRIBUTE
        existing = ContributePage.objects.child_of(home).first()  # max_count = 1
        slug = existing.slug if existing else spec["slug"]
        PageSync(home, ContributePage, slug, self.result, "contribute page").apply(
            fields={**spec, "show_in_menus": True}
        ).publish(self.admin)

    # -- vocabularies

    def load_places(self):
        self.log("Places")
        for spec in content.PLACES:
            self.places[spec["key"]] = _upsert(
                self.result,
                "place",
                Place,
                {"name": spec["name"]},
                {
                    "municipality": spec.get("municipality", ""),
                    "country": spec.get("country", "Nederland"),
                    "latitude": Decimal(spec["lat"]),
                    "longitude": Decimal(spec["lon"]),
                },
            )

    def load_people(self):
        self.log("People")
        for spec in content.PEOPLE:
            display = spec.get("name_display", NameDisplay.FULL)
            self.people[spec["key"]] = _upsert(
                self.result,
                "person",
                Person,
                {"full_name": spec["full_name"]},
                {
                    "name_display": display,
                    "pseudonym": spec.get("pseudonym", ""),
                    "bio": spec.get("bio", ""),
                },
            )

    def file_people(self):
        """Each person goes to the community whose pages show them, so its curators see
        them; someone shown by several communities (an interviewer) stays with museum staff."""
        file_people_by_their_pages(self.people.values())

    def load_languages(self):
        self.languages = Language.objects.in_bulk(field_name="code")
        wanted = {code for story in content.STORIES for code in story["languages"]}
        missing = sorted(wanted - set(self.languages))
        if missing:
            raise DemoDataError(f"Languages {', '.join(missing)} are not seeded: run `manage.py migrate`.")

    # -- depot

    def load_depot(self):
        self.log("Depot catalogue")
        collections = {
            spec["slug"]: _upsert(
                self.result,
                "depot collection",
                DepotCollection,
                {"slug": spec["slug"]},
                {
                    "name": spec["name"],
                    "name_en": spec["name_en"],
                    "description": spec["description"],
                },
            )
            for spec in content.DEPOT_COLLECTIONS
        }
        specs = list(content.DEPOT_ITEMS)
        generated = generate_depot_items()
        for slug, items in generated.items():
            self.generated[slug] = [item["inventory_number"] for item in items]
            specs.extend(items)
        existing = DepotItem.objects.in_bulk([s["inventory_number"] for s in specs], field_name="inventory_number")
        for spec in specs:
            spec = dict(spec)
            number = spec.pop("inventory_number")
            years = parse_fuzzy_date(spec.get("date_text", "")) or (None, None)
            values = {
                "collection_id": collections[spec.pop("collection")].pk,
                "year_from": years[0],
                "year_to": years[1],
                **spec,
            }
            item = existing.get(number)
            if item is None:
                item = DepotItem(inventory_number=number, **values)
                item.save()
                self.result.count("depot item", "created")
            else:
                changed = _sync_fields(item, values)
                if changed:
                    item.save()  # also bumps updated_at
                    self.result.count("depot item", "updated")
                else:
                    self.result.count("depot item", "unchanged")
            self.depot_items[number] = item

    def depot_item(self, ref) -> DepotItem:
        """An inventory number, or (collection slug, n) for the n-th generated item."""
        if isinstance(ref, (tuple, list)):
            slug, n = ref
            ref = self.generated[slug][n]
        return self.depot_items[ref]

    # -- communities

    def load_communities(self, community_index):
        self.log("Communities")
        for spec in content.COMMUNITIES:
            sync = PageSync(community_index, CommunityPage, spec["slug"], self.result, "community")
            sync.apply(
                fields={
                    "title": spec["title"],
                    "short_description": spec["short_description"],
                    "intro": spec["intro"],
                }
            )
            # Saving a new community creates its groups and its image collection.
            page = sync.add_if_new(owner=self.admin)
            collection = self.community_collection(page)
            self.collections[spec["key"]] = collection
            image = self.image(
                f"{spec['title']}: beeld",
                spec["title"],
                spec["palette"],
                collection,
                alt=f"Abstracte compositie in de kleuren van {spec['title']}",
            )
            sync.apply(fields={"hero_image_id": image.pk})
            self.communities[spec["key"]] = sync.publish(self.admin)

    def root_collection(self) -> Collection:
        return Collection.get_first_root_node()

    def community_collection(self, community) -> Collection:
        """The Collection the roles service made for the community, else the root."""
        root = self.root_collection()
        return root.get_children().filter(name=community.title).first() or root

    # -- media files

    @staticmethod
    def _file_exists(field_file) -> bool:
        return bool(field_file and field_file.name and field_file.storage.exists(field_file.name))

    def image(self, title, caption, palette, collection, alt=""):
        """A generated image, found by title; regenerated only when its file is gone."""
        Image = get_image_model()
        image = Image.objects.filter(title=title).order_by("pk").first()
        if image is not None and self._file_exists(image.file):
            changed = _sync_fields(image, {"collection_id": collection.pk, "description": alt[:255]})
            if changed:
                image.save(update_fields=changed)
            self.result.count("image", "updated" if changed else "unchanged")
            return image
        data = media_files.generative_image(title, caption, palette)
        filename = f"{_file_slug(title)}.jpg"
        created = image is None
        image = image or Image(title=title)
        image.collection = collection
        image.description = alt[:255]
        image.uploaded_by_user = self.admin
        image.file = ImageFile(io.BytesIO(data), name=filename)
        image.file_size = len(data)
        image.file_hash = hash_filelike(io.BytesIO(data))
        image.save()
        self.result.wrote(image.file)
        self.result.count("image", "created" if created else "updated")
        return image

    def load_recordings(self):
        self.log("Recordings")
        Media = get_media_model()
        for spec in content.RECORDINGS:
            collection = self.collections.get(spec["community"]) or self.root_collection()
            media = Media.objects.filter(title=spec["title"]).order_by("pk").first()
            if media is not None and self._file_exists(media.file):
                changed = _sync_fields(
                    media,
                    {"collection_id": collection.pk, "language": spec["language"]},
                )
                if changed:
                    media.save(update_fields=changed)
                self.result.count("recording", "updated" if changed else "unchanged")
            else:
                sound = media_files.speech_like_wav(spec["key"], spec["seconds"], spec["voice"])
                media = self._save_media(
                    media,
                    spec["title"],
                    f"{_file_slug(spec['title'])}.wav",
                    sound.data,
                    type="audio",
                    duration=sound.seconds,
                    collection=collection,
                    language=spec["language"],
                )
            self.recordings[spec["key"]] = media
        self.load_video()

    def load_video(self):
        Media = get_media_model()
        spec = content.VIDEO
        media = Media.objects.filter(title=spec["title"]).order_by("pk").first()
        if media is not None and self._file_exists(media.file):
            self.result.count("recording", "unchanged")
            self.recordings[spec["key"]] = media
            return
        if not media_files.ffmpeg_available():
            self.result.video_skipped = "ffmpeg is not on PATH"
            return
        video = media_files.tiny_video(seconds=spec["seconds"])
        if video is None:
            self.result.video_skipped = "ffmpeg could not encode MP4 or WebM"
            return
        thumbnail = media_files.generative_image(
            spec["title"],
            spec["title"],
            "antilliaans",
            size=(video.width, video.height),
        )
        collection = self.collections.get(spec["community"]) or self.root_collection()
        self.recordings[spec["key"]] = self._save_media(
            media,
            spec["title"],
            f"{_file_slug(spec['title'])}.{video.extension}",
            video.data,
            type="video",
            duration=video.seconds,
            collection=collection,
            language=spec["language"],
            width=video.width,
            height=video.height,
            thumbnail=(f"{_file_slug(spec['title'])}.jpg", thumbnail),
        )

    def _save_media(self, media, title, filename, data, thumbnail=None, **values):
        Media = get_media_model()
        created = media is None
        media = media or Media(title=title)
        for name, value in values.items():
            setattr(media, name, value)
        media.uploaded_by_user = self.admin
        if hasattr(media, "sha256"):
            media.sha256 = hashlib.sha256(data).hexdigest()
        media.file.save(filename, ContentFile(data), save=False)
        self.result.wrote(media.file)
        if thumbnail:
            media.thumbnail.save(thumbnail[0], ContentFile(thumbnail[1]), save=False)
            self.result.wrote(media.thumbnail)
        media.save()
        self.result.count("recording", "created" if created else "updated")
        return media

    # -- heritage objects

    def load_objects(self):
        self.log("Heritage objects")
        for spec in content.HERITAGE_OBJECTS:
            community = self.communities[spec["community"]]
            collection = self.collections[spec["community"]]
            palette = _palette(spec["community"])
            images = []
            for n, (caption, alt) in enumerate(spec.get("images", []), start=1):
                image = self.image(f"{spec['title']}: foto {n}", caption, palette, collection, alt=alt)
                images.append({"image_id": image.pk, "alt_text": alt, "caption": caption})
            links = [
                {
                    "depot_item_id": self.depot_item(ref).pk,
                    "relation": DepotRelation(relation).value,
                    "note": note,
                }
                for ref, relation, note in spec.get("depot_links", [])
            ]
            brought_by = self.people[spec["brought_by"]] if spec.get("brought_by") else None
            depot_item = self.depot_item(spec["depot_item"]) if spec.get("depot_item") else None
            sync = PageSync(
                community,
                HeritageObjectPage,
                spec["slug"],
                self.result,
                "heritage object",
            )
            sync.apply(
                fields={
                    "title": spec["title"],
                    "summary": spec["summary"],
                    "description": _paragraphs(spec.get("description", [])),
                    "provenance": _paragraphs(spec.get("provenance", "")),
                    "brought_by_id": brought_by.pk if brought_by else None,
                    "brought_on": _date(spec.get("brought_on")),
                    "status": ObjectStatus(spec["status"]).value,
                    "depot_item_id": depot_item.pk if depot_item else None,
                    "access_level": AccessLevel(spec.get("access", "public")).value,
                    "embargo_until": _date(spec.get("embargo")),
                    "licence": Licence[spec["licence"]].value,
                },
                tags=spec.get("tags", []),
                children={
                    "images": (
                        HeritageObjectImage,
                        ("image_id", "alt_text", "caption"),
                        images,
                    ),
                    "depot_links": (
                        ObjectDepotLink,
                        ("depot_item_id", "relation", "note"),
                        links,
                    ),
                },
            )
            self.objects[spec["slug"]] = sync.publish(self.admin)

    # -- stories

    def load_stories(self):
        self.log("Stories")
        for spec in _round_robin(content.STORIES):
            self.load_story(spec)

    def load_story(self, spec):
        community = self.communities[spec["community"]]
        recorded = parse_fuzzy_date(spec.get("recorded", "")) or (None, None)
        period = spec.get("period") or (None, None)
        recording = self.recordings[spec["recording"]] if spec.get("recording") else None
        interviewer = self.people[spec["interviewer"]] if spec.get("interviewer") else None
        sync = PageSync(community, StoryPage, spec["slug"], self.result, "story")
        sync.apply(
            fields={
                "title": spec["title"],
                "summary": spec["summary"],
                "pull_quote": spec.get("pull_quote", ""),
                "content_warning": spec.get("content_warning", ""),
                "interviewer_id": interviewer.pk if interviewer else None,
                "recorded_date_text": spec.get("recorded", ""),
                "recorded_year_from": recorded[0],
                "recorded_year_to": recorded[1],
                "period_start_year": period[0],
                "period_end_year": period[1],
                "main_media_id": recording.pk if recording else None,
                "access_level": AccessLevel(spec.get("access", "public")).value,
                "embargo_until": _date(spec.get("embargo")),
                "licence": Licence[spec["licence"]].value,
                "search_description": Truncator(spec["summary"]).chars(255),
                # The page text is in English where English is the first language listed.
                "text_language": spec.get("text_language")
                or ("en" if spec.get("languages", ["nl"])[:1] == ["en"] else "nl"),
            },
            m2m={
                "places": [self.places[key] for key in spec.get("places", [])],
                "languages": [self.languages[code] for code in spec.get("languages", [])],
                "related_communities": [self.communities[k] for k in spec.get("related_communities", [])],
                "related_objects": [self.objects[slug] for slug in spec.get("objects", [])],
            },
            tags=spec.get("tags", []),
            children={
                "narrators": (
                    StoryNarrator,
                    ("person_id",),
                    [{"person_id": self.people[key].pk} for key in spec.get("narrators", [])],
                ),
                "depot_links": (
                    StoryDepotLink,
                    ("depot_item_id", "relation", "note"),
                    [
                        {
                            "depot_item_id": self.depot_item(ref).pk,
                            "relation": DepotRelation(rel).value,
                            "note": note,
                        }
                        for ref, rel, note in spec.get("depot", [])
                    ],
                ),
            },
            stream={"body": self.story_body(spec)},
        )
        sync.publish(self.admin)

    def story_body(self, spec) -> list[dict]:
        blocks = []
        images = 0
        for index, item in enumerate(spec.get("body", [])):
            kind, *args = item
            if kind == "p":
                block = ("paragraph", _paragraphs(args[0]))
            elif kind == "quote":
                block = ("quote", {"text": args[0], "speaker": args[1]})
            elif kind == "image":
                caption, alt = args
                images += 1
                image = self.image(
                    f"{spec['title']}: beeld {images}",
                    caption,
                    _palette(spec["community"]),
                    self.collections[spec["community"]],
                    alt=alt,
                )
                block = (
                    "image",
                    {"image": image.pk, "alt_text": alt, "caption": caption},
                )
            elif kind == "clip":
                key, start, end, caption = args
                block = (
                    "media_clip",
                    {
                        "recording": self.recordings[key].pk,
                        "start": start,
                        "end": end,
                        "caption": caption,
                    },
                )
            elif kind == "object":
                slug, note = args
                block = (
                    "heritage_object",
                    {"object_page": self.objects[slug].pk, "note": note},
                )
            elif kind == "depot":
                ref, note = args
                block = (
                    "depot_item",
                    {"depot_item": self.depot_item(ref).pk, "note": note},
                )
            else:
                raise DemoDataError(f"Unknown body item {kind!r} in story {spec['slug']}")
            blocks.append(
                {
                    "type": block[0],
                    "value": block[1],
                    "id": _block_id(spec["slug"], index),
                }
            )
        return blocks

    # -- users

    def ensure_user(
        self,
        username,
        password,
        role,
        first_name,
        last_name,
        superuser=False,
        staff=False,
    ):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        flags = {
            "is_superuser": superuser,
            "is_staff": superuser or staff,
            "is_active": True,
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@brengkunst.localhost",
        }
        if user is None:
            user = User(username=username, **flags)
            user.set_password(password)
            user.save()
            self.result.count("user", "created")
        else:
            changed = _sync_fields(user, flags)
            if self.reset_passwords and not user.check_password(password):
                user.set_password(password)
                changed.append("password")
            if changed:
                user.save(update_fields=changed)
            self.result.count("user", "updated" if changed else "unchanged")
        self.result.users.append({"username": username, "password": password, "role": role})
        return user

    def load_users(self):
        """Museum staff, a curator and a member of the first community.

        The superuser was made first, to own the pages and their revisions.
        """
        self.log("Users")
        first = self.communities[content.COMMUNITIES[0]["key"]]
        first.refresh_from_db(fields=["curator_group", "member_group"])
        if first.curator_group_id is None or first.member_group_id is None:
            raise DemoDataError(f"{first.title} has no curator or member group (see stories.services.roles).")
        # The group exists after migrate; ensuring it again is safe and cheap.
        museum_group = ensure_museum_staff_group()
        self.result.users[0]["group"] = "(superuser)"
        for credentials, extra, group in (
            (CREDENTIALS[1], {"staff": True}, museum_group),
            (CREDENTIALS[2], {}, first.curator_group),
            (CREDENTIALS[3], {}, first.member_group),
        ):
            user = self.ensure_user(*credentials, **extra)
            if not user.groups.filter(pk=group.pk).exists():
                user.groups.add(group)
            self.result.users[-1]["group"] = group.name


def _palette(community_key: str) -> str:
    return community_key if community_key in media_files.PALETTES else "depot"


def _file_slug(title: str) -> str:
    """An ASCII file name from a title ("Mehmet Yıldız" -> "mehmet-yildiz")."""
    return slugify(string_to_ascii(title))[:80] or "demo"


def _round_robin(stories):
    """1st story of each community, then the 2nd of each...: the newest are varied."""
    by_community: dict[str, list] = {}
    for story in stories:
        by_community.setdefault(story["community"], []).append(story)
    queues = list(by_community.values())
    ordered = []
    for i in range(max(len(q) for q in queues)):
        ordered.extend(q[i] for q in queues if i < len(q))
    return ordered


# ------------------------------------------------------------------------ depot items


def generate_depot_items() -> dict[str, list[dict]]:
    """The generated catalogue records per collection; the same seed, the same records.

    Each collection gets its own random.Random, seeded by the seed and its slug, so
    changing one collection does not reshuffle the others.
    """
    spec = content.DEPOT_GENERATOR
    taken = {item["inventory_number"] for item in content.DEPOT_ITEMS}
    result = {}
    for collection in content.DEPOT_COLLECTIONS:
        slug = collection["slug"]
        rng = random.Random(f"{spec['seed']}:{slug}")
        handwritten = sum(1 for item in content.DEPOT_ITEMS if item["collection"] == slug)
        items = []
        while len(items) < collection["size"] - handwritten:
            type_nl, type_en, media, dimension_template = rng.choice(spec["object_types"][slug])
            motif_nl, motif_en = rng.choice(spec["motifs"])
            maker, role = rng.choice(spec["makers"][slug])
            year = rng.randint(*spec["year_range"])
            template = rng.choice(spec["dates"])
            if "{d}" in template and not 1900 <= year <= 1999:
                template = "{y}"
            date_text = template.format(y=year, y2=year + rng.randint(1, 8), d=(year % 100) // 10 * 10)
            years = parse_fuzzy_date(date_text) or (year, year)
            low, high = spec["acquisition_years"]
            acquired = rng.randint(max(low, min(years[1], high)), high)
            number = f"BK-{acquired}-{rng.randint(1, 999):04d}"
            if number in taken:
                continue
            taken.add(number)
            medium = rng.choice(media)
            dimensions = dimension_template.format(
                a=rng.randint(15, 60),
                b=rng.randint(20, 90),
                c=rng.randint(60, 200),
                s=rng.randint(6, 30),
                t=rng.randint(9, 40),
            )
            items.append(
                {
                    "inventory_number": number,
                    "collection": slug,
                    "title": f"{type_nl} {motif_nl}",
                    "title_en": f"{type_en} {motif_en}",
                    "maker": maker,
                    "maker_role": role,
                    "date_text": date_text,
                    "object_type": type_nl.lower(),
                    "medium": medium,
                    "dimensions": dimensions,
                    "description": (f"{type_nl} {motif_nl}, {medium}. Verworven in {acquired}."),
                    "rights": rng.choice(spec["rights"]),
                }
            )
        result[slug] = items
    return result


def load_demo(log=None, reset_passwords=False) -> LoadResult:
    """Load (or bring up to date) the whole demo; see the module docstring."""
    return Loader(log=log, reset_passwords=reset_passwords).run()


def table_counts() -> dict[str, int]:
    """Rows per demo-relevant model, for the command's summary."""
    User = get_user_model()
    return {
        "communities": CommunityPage.objects.count(),
        "stories": StoryPage.objects.count(),
        "stories live": StoryPage.objects.live().count(),
        "heritage objects": HeritageObjectPage.objects.count(),
        "depot collections": DepotCollection.objects.count(),
        "depot items": DepotItem.objects.count(),
        "people": Person.objects.count(),
        "places": Place.objects.count(),
        "images": get_image_model().objects.count(),
        "recordings": get_media_model().objects.count(),
        "users": User.objects.count(),
        "groups": Group.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
    }
