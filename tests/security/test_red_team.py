"""The standing red team: every door of the site, probed by three outsiders, for four secrets.

A world of one community (A) holds stories that an outsider may not read: community-only,
under embargo, withdrawn (consent taken back), behind Wagtail's own page privacy, and a
never-published draft; and a public story told by a pseudonymous narrator whose real name,
e-mail and biography are on file. Each secret story carries its own token in every field
that has a public door: title, summary, tag, place, transcript, an image, a document, a
depot link.

Three outsiders knock on every door: an anonymous visitor, a member of another community
and a curator of another community. Doors: pages, listings, the sitemap, search HTML and
JSON, facets, highlights, autocomplete, related stories, depot pages, transcript .vtt,
documents, image originals and renditions, recordings, the admin's choosers, searches
and bulk-action confirmations. Search runs on the database and, where a node answers, on
the real engine. The test passes only with zero leaks; a failure lists every door that
leaked which secret.

Every new door joins DOORS (public) or ADMIN_DOORS (the admin).
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page, PageViewRestriction

from core.access import MUSEUM_STAFF_GROUP
from editorial.services.consent import record_consent, withdraw_consent
from media.transcript_service import import_transcript
from stories.models import Licence, StoryNarrator, StoryPage
from stories.services.roles import _community_collection
from tests.editorial.test_media_serving import make_recording
from tests.factories import (
    DepotItemFactory,
    PersonFactory,
    PlaceFactory,
    StoryPageFactory,
)
from tests.search.conftest import engine, search_url  # noqa: F401  (the real node, private index)

pytestmark = pytest.mark.django_db

REAL_NAME = "José Achternaam Semedo"  # non-ASCII: SQLite's LOWER() folds ASCII only
REAL_EMAIL = "verborgen.achternaam@example.org"
REAL_BIO = "Biografiegeheim van de verteller"
PSEUDONYM = "Zwaluw Kaapstad"

# One token per secret story: it must never reach an outsider through any door.
SECRET_KINDS = ("community", "embargoed", "withdrawn", "private", "draft")
TOKENS = {kind: f"rt{kind}geheim" for kind in SECRET_KINDS}
# A second word in each secret title that no probe ever asks for: a hit shows it even
# where the page repeats the query (the token) back to the asker.
MARKS = {kind: f"kenmerk{kind}x" for kind in SECRET_KINDS}
PUBLIC_TOKEN = "rtopenbaarwoord"  # the control: every outsider does see this one


def png_bytes(colour=(40, 120, 200)):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes(text="document"):
    """A minimal, valid one-page PDF."""
    stream = f"BT /F1 12 Tf 20 20 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 50] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def transcript_vtt(token, speaker="Verteller"):
    return (
        "WEBVTT\n\n"
        f"00:00:01.000 --> 00:00:04.000\n<v {speaker}>Ik zong het lied {token} aan de kade.\n\n"
        f"00:01:02.000 --> 00:01:05.000\n<v Interviewer>Waar was dat, {token}?\n"
    ).encode()


@dataclass
class Secret:
    kind: str
    token: str
    story: StoryPage
    image: object
    document: object
    recording: object
    depot_item: object
    urls: dict = field(default_factory=dict)


@dataclass
class World:
    community: Page
    public_story: StoryPage
    narrator: object
    secrets: dict
    public_urls: list


def _story_with_everything(community, kind, token, **page_fields):
    """A story whose token sits in every field with a public door, with its files."""
    mark = MARKS.get(kind, "")
    Image, Document = get_image_model(), get_document_model()
    extra = {"collection": _community_collection(community)}
    image = Image.objects.create(
        title=f"Foto {token} {mark}", file=ContentFile(png_bytes(), name=f"{token}.png"), **extra
    )
    document = Document.objects.create(
        title=f"Brief {token} {mark}", file=ContentFile(pdf_bytes(token), name=f"{token}.pdf"), **extra
    )
    recording = make_recording(f"Opname {token}")
    story = StoryPageFactory(
        parent=community,
        title=f"Verhaal {token} {mark}".strip(),
        slug=f"verhaal-{kind}",
        summary=f"Een verhaal met het woord {token} over de haven.",
        main_media=recording,
        body=[
            ("paragraph", f'<p>Lees de <a linktype="document" id="{document.pk}">brief {token}</a>.</p>'),
            ("image", {"image": image, "alt_text": f"foto {token}", "caption": f"bijschrift {token}"}),
        ],
        **page_fields,
    )
    if kind == "draft":  # a page never published: the factory makes live pages
        story.live = False
        story.has_unpublished_changes = True
        story.save()
    story.tags.add(token)
    story.places.add(PlaceFactory(name=f"Plein {token}"))
    depot_item = DepotItemFactory()  # the catalogue record itself is public; the link is not
    story.depot_links.create(depot_item=depot_item)
    import_transcript(recording, transcript_vtt(token), f"{token}.vtt", language="nl")
    return story, image, document, recording, depot_item


def _publish(story):
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def _file_urls(secret: Secret):
    rendition = secret.image.get_rendition("fill-40x30")
    transcript = secret.recording.transcripts.first()
    return {
        "document": secret.document.url,
        "image original": secret.image.file.url,
        "image rendition": rendition.url,
        "recording": secret.recording.url,
        "transcript .vtt": f"/recordings/transcripts/{transcript.pk}.vtt",
        "page": secret.story.url or f"{secret.story.get_parent().url}{secret.story.slug}/",
    }


@pytest.fixture
def world(community_a, community_b, depot_index, django_capture_on_commit_callbacks):
    future = timezone.localdate() + datetime.timedelta(days=90)
    narrator = PersonFactory(
        full_name=REAL_NAME, pseudonym=PSEUDONYM, name_display="pseudonym", email=REAL_EMAIL, bio=REAL_BIO
    )

    # Museum staff corrected the narrator's record: the site history has an entry naming them.
    log(instance=narrator, action="wagtail.edit")

    # The control: a public story, told by the pseudonymous narrator, with a transcript in
    # which the speaker label spells the real name in capitals.
    public_story, *_ = _story_with_everything(community_a, "openbaar", PUBLIC_TOKEN)
    StoryNarrator.objects.create(story=public_story, person=narrator)
    public_recording = public_story.main_media
    import_transcript(
        public_recording, transcript_vtt(PUBLIC_TOKEN, speaker=REAL_NAME.upper()), "openbaar.vtt", language="nl"
    )
    public_story = _publish(public_story)

    secrets = {}
    pages = {
        "community": {"access_level": "community"},
        "embargoed": {"embargo_until": future},
        "withdrawn": {},
        "private": {},
        "draft": {},
    }
    for kind, fields in pages.items():
        story, image, document, recording, depot_item = _story_with_everything(
            community_a, kind, TOKENS[kind], **fields
        )
        StoryNarrator.objects.create(story=story, person=narrator)
        if kind != "draft":
            story = _publish(story)
        secrets[kind] = Secret(kind, TOKENS[kind], story, image, document, recording, depot_item)

    # Withdrawn: published on consent, then the consent is taken back.
    record = record_consent(
        given_by=REAL_NAME,
        uses=["online"],
        licence=Licence.CC_BY.value,
        text_version="2026-1",
        method="form",
        pages=[secrets["withdrawn"].story],
    )
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_consent(record, user=None, note="red team")
    secrets["withdrawn"].story = StoryPage.objects.get(pk=secrets["withdrawn"].story.pk)

    # Private: Wagtail's own page privacy, readable by museum staff only.
    restriction = PageViewRestriction.objects.create(
        page=secrets["private"].story, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=MUSEUM_STAFF_GROUP))

    for secret in secrets.values():
        secret.urls = _file_urls(secret)
    public_urls = [
        "/",
        "/en/",
        community_a.url,
        community_a.get_parent().url,
        community_b.url,
        public_story.url,
        "/en" + public_story.url,
        "/sitemap.xml",
        "/depot/",
    ]
    public_urls += [f"/depot/{s.depot_item.inventory_number}/" for s in secrets.values()]
    return World(community_a, public_story, narrator, secrets, public_urls)


def _search_doors(token):
    return [
        ("/search/", {"q": token}),
        ("/search/", {"q": token, "format": "json"}),
        ("/en/search/", {"q": token}),
        ("/search/", {"format": "json"}),  # facets over everything
        ("/search/", {"q": "verhaal", "format": "json"}),  # highlights of a shared word
        ("/search/autocomplete/", {"q": token[:6]}),
        ("/search/autocomplete/", {"q": token}),
    ]


ADMIN_DOORS = [
    "/admin/",
    "/admin/pages/search/?q={token}",
    "/admin/choose-page/",
    "/admin/choose-page/{community}/",
    "/admin/choose-page/search/?q={token}",
    "/admin/choose-page/{story}/",
    "/admin/images/?q={token}",
    "/admin/images/chooser/?q={token}",
    "/admin/documents/?q={token}",
    "/admin/documents/chooser/?q={token}",
    "/admin/media/",
    "/admin/media/chooser/",
    "/admin/snippets/stories/person/",
    "/admin/snippets/stories/person/?q={name}",
    "/admin/snippets/choose/stories/person/",
    "/admin/snippets/stories/person/edit/{person}/",
    "/admin/bulk/wagtailcore/page/delete/?id={story}",
    "/admin/bulk/wagtailcore/page/unpublish/?id={story}",
    "/admin/bulk/wagtailcore/page/move/?id={story}",
    "/admin/reports/site-history/",
    "/admin/reports/site-history/?export=csv",
    "/admin/bulk/wagtailimages/image/delete/?id={image}",
    "/admin/bulk/wagtailimages/image/add_to_collection/?id={image}",
    "/admin/bulk/wagtaildocs/document/delete/?id={document}",
    "/admin/bulk/wagtaildocs/document/add_to_collection/?id={document}",
    "/admin/images/{image}/",
    "/admin/documents/edit/{document}/",
    "/admin/media/edit/{recording}/",
    "/admin/snippets/stories/person/usage/{person}/",
    "/admin/snippets/stories/person/history/{person}/",
    "/admin/exports/",
    "/admin/exports/community/{community}/",
]


def _body(response) -> str:
    if getattr(response, "streaming", False):
        data = b"".join(response.streaming_content)
    else:
        data = response.content
    return data.decode("utf-8", "replace")


@dataclass
class Leak:
    reader: str
    door: str
    secret: str
    status: int

    def __str__(self):
        return f"{self.reader}: {self.door} ({self.status}) shows {self.secret!r}"


def _find(text: str, needles) -> list[str]:
    folded = text.casefold()
    return [needle for needle in needles if needle.casefold() in folded]


class RedTeam:
    """Knocks on every door as one reader and collects what leaked."""

    def __init__(self, client, world, reader_name):
        self.client, self.world, self.reader = client, world, reader_name
        self.leaks: list[Leak] = []
        self._seen: set[tuple[str, str]] = set()
        self.secrets = [s.token for s in world.secrets.values()] + [REAL_NAME, REAL_EMAIL, REAL_BIO]
        # A hit shows the story's address even where the query (the token) is echoed back.
        self.secrets += [f"/verhaal-{kind}/" for kind in world.secrets] + list(MARKS.values())
        # The real name must not appear even as its parts in capitals (a speaker label).
        self.secrets.append(REAL_NAME.split()[1])  # "Achternaam"

    def _leak(self, door, secret, status):
        if (door, secret) not in self._seen:
            self._seen.add((door, secret))
            self.leaks.append(Leak(self.reader, door, secret, status))

    def knock(self, door, params=None, allowed=()):
        response = self.client.get(door, params or {})
        text = _body(response)
        label = door + (f"?{'&'.join(f'{k}={v}' for k, v in params.items())}" if params else "")
        if response.status_code >= 500:
            self._leak(label, "a server error instead of an answer", response.status_code)
        for secret in _find(text, [s for s in self.secrets if s not in allowed]):
            self._leak(label, secret, response.status_code)
        return response, text

    def file(self, label, url):
        """A file of a secret story: never served to an outsider, whatever its body."""
        response = self.client.get(url)
        text = _body(response)
        if response.status_code == 200 or response.status_code == 206:
            self._leak(f"{label} {url}", "the file itself", 200)
        # An error page may repeat the address asked for; that tells the asker nothing new.
        for secret in _find(text, [s for s in self.secrets if s.casefold() not in url.casefold()]):
            self._leak(f"{label} {url}", secret, response.status_code)

    def public_doors(self):
        for url in self.world.public_urls:
            self.knock(url)
        for secret in self.world.secrets.values():
            for door, params in _search_doors(secret.token):
                # The page repeats the query it was asked; a hit shows the story's address.
                echoed = params.get("q", "")
                self.knock(door, params, allowed=[s for s in self.secrets if s.casefold() in echoed.casefold()])
        for door, params in _search_doors(REAL_NAME):
            # Searching the real name must not lead to the story the narrator told under a pseudonym.
            echoed = params.get("q", "")
            response, text = self.knock(
                door, params, allowed=[s for s in self.secrets if s.casefold() in echoed.casefold()]
            )
            if REAL_NAME.casefold() in echoed.casefold() and self.world.public_story.url in text:
                self._leak(door + f"?q={echoed}", "the pseudonymous narrator's story, found by the real name", 200)
            for label, url in secret.urls.items():
                self.file(f"{secret.kind} {label}", url)
        # The control's own transcript and player: public, but the real name stays out.
        transcript = self.world.public_story.main_media.transcripts.first()
        self.knock(f"/recordings/transcripts/{transcript.pk}.vtt")
        return self

    def admin_doors(self):
        world = self.world
        for secret in world.secrets.values():
            for template in ADMIN_DOORS:
                door = template.format(
                    token=secret.token,
                    community=world.community.pk,
                    story=secret.story.pk,
                    person=world.narrator.pk,
                    image=secret.image.pk,
                    document=secret.document.pk,
                    recording=secret.recording.pk,
                    name=REAL_NAME.split()[1],
                )
                self.knock(door, allowed=[s for s in self.secrets if s.casefold() in door.casefold()])
        return self


def _assert_no_leaks(team: RedTeam):
    assert not team.leaks, "\n" + "\n".join(str(leak) for leak in team.leaks)


def _the_control_is_visible(client, world):
    """The probes would pass trivially if nothing were rendered: the public story is found."""
    data = client.get("/search/", {"q": PUBLIC_TOKEN, "format": "json"}).json()
    assert f"Verhaal {PUBLIC_TOKEN}" in [hit["title"] for hit in data["results"]], data
    assert f'href="{world.public_story.url}' in client.get(f"/search/?q={PUBLIC_TOKEN}").content.decode()
    page = client.get(world.public_story.url).content.decode()
    assert PSEUDONYM in page and PUBLIC_TOKEN in page


@pytest.fixture(params=["database", "engine"])
def search_backend(request, world):
    """Every probe runs on database search and on the real node (skipped where none answers)."""
    if request.param == "engine":
        from search import indexing

        engine = request.getfixturevalue("engine")
        indexing.rebuild()
        engine.refresh()
    return request.param


@pytest.fixture
def outsiders(community_b, member_b, curator_b):
    return {"anonymous": None, "member of another community": member_b, "curator of another community": curator_b}


@pytest.mark.parametrize("reader", ["anonymous", "member of another community", "curator of another community"])
def test_no_secret_leaves_through_any_public_door(client, world, search_backend, outsiders, reader):
    user = outsiders[reader]
    client.raise_request_exception = False  # a door that breaks is reported, not fatal
    if user is not None:
        client.force_login(user)
    _the_control_is_visible(client, world)
    _assert_no_leaks(RedTeam(client, world, f"{reader} ({search_backend})").public_doors())


def test_no_secret_leaves_through_the_admin_to_another_communitys_curator(client, world, curator_b):
    client.raise_request_exception = False
    client.force_login(curator_b)
    _assert_no_leaks(RedTeam(client, world, "curator of another community").admin_doors())


def test_the_red_team_sees_what_a_leak_looks_like(client, world, staff_user):
    """Museum staff may read everything: the same probes find the secrets, so they can fail."""
    client.force_login(staff_user)
    team = RedTeam(client, world, "museum staff").public_doors()
    leaked = {leak.secret for leak in team.leaks}
    assert TOKENS["community"] in leaked and TOKENS["private"] in leaked
    assert any(leak.secret == "the file itself" for leak in team.leaks)
