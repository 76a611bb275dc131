"""Fast bulk seeding of N realistic stories, for benchmarks that need 100,000 of them.

    .venv/bin/python tests/benchmarks/bulk_seed.py --stories 100000 [--database-url URL]

Creating pages one by one through treebeard's ``add_child`` runs at about 10 pages a
second here, so 100,000 stories would take hours. This module creates the few
structural pages (community index, 5 communities, depot index, some heritage objects)
normally, then writes the stories straight into the tables in chunks of 5,000, one
transaction per chunk:

- ``wagtailcore_page`` rows with ``Page.objects.bulk_create``, their materialised
  paths computed here (treebeard: steplen 4, base-36 steps, numbered after the
  community's existing children);
- ``stories_storypage`` rows with one raw ``executemany`` (Django cannot bulk-create
  multi-table children), every column taken from ``StoryPage._meta.local_concrete_fields``;
- narrators, tags, places, languages, related communities and depot links, also with
  ``executemany``; then each community's ``numchild``.

The text is generated from a few hundred Dutch and English words with a Zipf-like
distribution, so some words occur in most stories and others in a handful, and
queries hit varying numbers of documents. Runs are deterministic (seeded RNG) and
resumable: stories already present are kept and numbering continues after them.

Used by search_bench.py (run as a subprocess, so the benchmark's own process starts
clean); this is a script, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHUNK = 5_000
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's default for MP_Node

# --- vocabulary -------------------------------------------------------------------------
# Content words carry the meaning (and the search hits); function words make sentences
# read like sentences and are mostly removed by the analyzers' stop filters.
DUTCH_WORDS = """
haven boot schip zee kade werf dok kraan container lading matroos stoker kapitein stuurman
zeeman bemanning reis overtocht vertrek aankomst koffer paspoort visum brief telefoon foto
moeder vader oma opa broer zus dochter zoon tante oom neef nicht familie gezin kinderen
buurman buurvrouw vriend vriendin collega baas ploeg vakbond staking loon werk fabriek
lasser bankwerker schoonmaker naaister kokkin verpleegster chauffeur conducteur monteur
markt winkel bakker slager kapper rotishop toko restaurant koffiehuis pension kamer zolder
keuken tafel stoel bed deur raam trap straat plein brug tunnel metro tram bus fiets station
kerk moskee tempel school klas leraar juf meester les taal woordenboek krant radio televisie
muziek lied koor gitaar trommel dans feest carnaval bruiloft begrafenis verjaardag kerst
suikerfeest offerfeest keti koti ramadan vasten gebed geloof hoop heimwee verlangen liefde
angst verdriet vreugde trots schaamte woede honger kou regen sneeuw wind zon winter zomer
herfst lente nacht ochtend avond jaren eerste laatste nieuwe oude grote kleine lange korte
donkere lichte warme koude stille drukke mooie lelijke vreemde bekende rijke arme jonge
geboren getrouwd verhuisd aangekomen vertrokken gewerkt gewoond gezongen gedanst gekookt
gebakken geschreven gelezen gebeld gewacht gehoopt gespaard gestuurd gehuurd gekocht verkocht
herinnering verhaal geschiedenis erfgoed depot museum tentoonstelling archief collectie
voorwerp kist doos sieraad armband ketting ring horloge jurk kleed hoofddoek pet jas schoenen
pan ketel theepot kopje bord lepel naaimachine weefgetouw tapijt deken kussen schilderij
prent kaart plattegrond reclame affiche grammofoon plaat cassette bandrecorder camera
rijst roti bami nasi couscous tajine soep brood koekjes pindakoek thee koffie suiker zout
peper kruiden geur smaak recept groente fruit vis vlees kip lam geit
wijk buurt stad dorp eiland land grens douane kantoor gemeente woning flat portiek galerij
sloop nieuwbouw renovatie huur eigenaar huisbaas woningnood krakers opbouw wederopbouw
bombardement oorlog bevrijding onafhankelijkheid kolonie dekolonisatie migratie gastarbeid
werving akkoord contract ploegendienst overwerk pensioen ziekte ziekenhuis dokter
""".split()

ENGLISH_WORDS = """
harbour ship sea dock crane cargo sailor stoker captain crew voyage departure arrival
suitcase passport letter photograph mother father grandmother grandfather brother sister
daughter son family children neighbour friend colleague union strike wages work factory
welder cleaner seamstress nurse driver market shop bakery restaurant boarding house room
kitchen street square bridge tunnel station church mosque temple school teacher language
newspaper radio music song choir guitar drum dance party carnival wedding funeral
birthday homesick longing love fear grief joy pride anger hunger winter summer night
memory story history heritage museum exhibition archive collection object chest jewellery
necklace dress headscarf coat shoes kettle teapot sewing machine carpet blanket painting
print map poster record camera rice soup bread biscuits tea coffee sugar spices recipe
neighbourhood city village island border customs housing flat landlord war liberation
independence colony migration recruitment contract shift pension hospital doctor
""".split()

DUTCH_FUNCTION = """
de het een en in op met van voor naar bij uit over onder tussen na om als dat die dit
was waren is zijn had hadden we wij ik mijn onze hij zij ze haar hun er niet geen nog
al toen later daarna altijd nooit soms vaak elke iedere samen alleen heel erg ook maar
""".split()

ENGLISH_FUNCTION = """
the a an and in on with of for to at from over under between after as that this
was were is are had have we i my our he she they her their there not no still
then later always never sometimes often every together alone very also but
""".split()

FIRST_NAMES = """
Maria José Armando Fátima Nelson Carlos Ana Manuel Djeni Alcides Hilda Ronald Soenita
Marcia Sarmin Roy Glenn Ingrid Giselle Edsel Ramon Shirley Jurich Mohamed Fatima Khadija
Abdelkader Samira Youssef Mehmet Hüseyin Ayşe Emine Osman Elif Annie William Lai Peter Chen
Kees Jan Piet Truus Ria Joop Bep Henk Wim Corrie Sjaak Anton Gerda Nel Fenna Sven Mila
""".split()
SURNAMES = """
Fortes Tavares Semedo Gomes Ramos Monteiro Lopes Silva Andrade Wijngaarde Sabajo Ramdin
Kromodikoro Doelwijt Pinas Vroom Rosaria Martina Koolman Isenia Anthony Amrani Bouzian
Azzouz Ouali Haddouchi Idrissi Yıldız Demir Kaya Çelik Arslan Aksoy Chong Tsang Wong Lie
Jansen Bakker Visser Smit Meijer Mulder Bos Vos Dekker Verhoef Brouwer Kok Dijkstra
""".split()

COMMUNITIES = [
    ("kaapverdiaanse-rotterdammers", "Kaapverdiaanse Rotterdammers"),
    ("surinaamse-rotterdammers", "Surinaamse Rotterdammers"),
    ("katendrecht-chinese-zeelieden", "Katendrecht (Chinese zeelieden en havenarbeiders)"),
    ("turkse-gastarbeiders-rotterdam-west", "Turkse gastarbeiders in Rotterdam-West"),
    ("marokkaanse-rotterdammers", "Marokkaanse Rotterdammers"),
]

PLACES = [  # name, municipality, country, lat, lon
    ("Katendrecht", "Rotterdam", "Nederland", 51.8996, 4.4855),
    ("Afrikaanderwijk", "Rotterdam", "Nederland", 51.8959, 4.5018),
    ("Historisch Delfshaven", "Rotterdam", "Nederland", 51.9075, 4.4465),
    ("Spangen", "Rotterdam", "Nederland", 51.9170, 4.4330),
    ("Feijenoord", "Rotterdam", "Nederland", 51.9030, 4.5060),
    ("Charlois", "Rotterdam", "Nederland", 51.8860, 4.4730),
    ("Oude Westen", "Rotterdam", "Nederland", 51.9170, 4.4660),
    ("Crooswijk", "Rotterdam", "Nederland", 51.9290, 4.4960),
    ("Kop van Zuid", "Rotterdam", "Nederland", 51.9055, 4.4880),
    ("Hillesluis", "Rotterdam", "Nederland", 51.8920, 4.5130),
    ("Tarwewijk", "Rotterdam", "Nederland", 51.8870, 4.4880),
    ("Bospolder-Tussendijken", "Rotterdam", "Nederland", 51.9100, 4.4350),
    ("West-Kruiskade", "Rotterdam", "Nederland", 51.9210, 4.4640),
    ("Maashaven", "Rotterdam", "Nederland", 51.8950, 4.4790),
    ("Heijplaat", "Rotterdam", "Nederland", 51.8950, 4.4230),
    ("Wilton-Fijenoord", "Schiedam", "Nederland", 51.9030, 4.4000),
    ("Zuiderpark", "Rotterdam", "Nederland", 51.8770, 4.4910),
    ("Coolsingel", "Rotterdam", "Nederland", 51.9205, 4.4795),
    ("Blijdorp", "Rotterdam", "Nederland", 51.9270, 4.4560),
    ("Kralingen", "Rotterdam", "Nederland", 51.9230, 4.5060),
    ("Overschie", "Rotterdam", "Nederland", 51.9400, 4.4290),
    ("IJsselmonde", "Rotterdam", "Nederland", 51.8870, 4.5470),
    ("Hoogvliet", "Rotterdam", "Nederland", 51.8620, 4.3580),
    ("Pernis", "Rotterdam", "Nederland", 51.8870, 4.3900),
    ("Schiedam", "Schiedam", "Nederland", 51.9170, 4.3990),
    ("Vlaardingen", "Vlaardingen", "Nederland", 51.9120, 4.3410),
    ("Mindelo", "", "Kaapverdië", 16.8901, -24.9804),
    ("Praia", "", "Kaapverdië", 14.9330, -23.5133),
    ("Paramaribo", "", "Suriname", 5.8520, -55.2038),
    ("Nickerie", "", "Suriname", 5.9480, -56.9700),
    ("Willemstad", "", "Curaçao", 12.1091, -68.9316),
    ("Oranjestad", "", "Aruba", 12.5240, -70.0270),
    ("Nador", "", "Marokko", 35.1681, -2.9335),
    ("Tanger", "", "Marokko", 35.7595, -5.8340),
    ("Al Hoceima", "", "Marokko", 35.2517, -3.9372),
    ("Yozgat", "", "Turkije", 39.8181, 34.8147),
    ("Kayseri", "", "Turkije", 38.7312, 35.4787),
    ("Bao'an", "Shenzhen", "China", 22.5550, 113.8830),
    ("Hongkong", "", "China", 22.3193, 114.1694),
    ("Lissabon", "", "Portugal", 38.7223, -9.1393),
]

TAG_QUALIFIERS = ["eerste", "oude", "nieuwe", "verloren", "gedeelde", "vergeten"]
DEPOT_COLLECTIONS = [
    ("textiel", "Textiel", "Textiles"),
    ("fotografie", "Fotografie", "Photography"),
    ("keramiek", "Keramiek", "Ceramics"),
    ("prenten", "Prenten en tekeningen", "Prints and drawings"),
    ("gebruiksvoorwerpen", "Gebruiksvoorwerpen", "Everyday objects"),
    ("muziekinstrumenten", "Muziekinstrumenten", "Musical instruments"),
    ("documenten", "Documenten en brieven", "Documents and letters"),
    ("sieraden", "Sieraden", "Jewellery"),
]
N_PEOPLE = 3_000
N_DEPOT_ITEMS = 5_000
N_OBJECTS = 25


def _cum_weights(n: int, s: float = 1.0) -> list[float]:
    """Zipf-like cumulative weights: the k-th most common word is about 1/k as frequent."""
    total, out = 0.0, []
    for k in range(1, n + 1):
        total += 1.0 / k**s
        out.append(total)
    return out


class Text:
    """Sentences from the vocabulary, deterministic for a given RNG."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.nl = list(dict.fromkeys(DUTCH_WORDS))
        self.en = list(dict.fromkeys(ENGLISH_WORDS))
        rng.shuffle(self.nl)  # which words are common is itself random (but seeded)
        rng.shuffle(self.en)
        self.nl_w = _cum_weights(len(self.nl), 0.9)
        self.en_w = _cum_weights(len(self.en), 0.9)

    def words(self, k: int, english=False) -> list[str]:
        pool, weights = (self.en, self.en_w) if english else (self.nl, self.nl_w)
        return self.rng.choices(pool, cum_weights=weights, k=k)

    def sentences(self, n_words: int, english=False) -> str:
        """About n_words words of prose: content words mixed with function words."""
        rng = self.rng
        function = ENGLISH_FUNCTION if english else DUTCH_FUNCTION
        content = self.words(n_words, english)
        out, sentence, i = [], [], 0
        length = rng.randint(6, 16)
        for word in content:
            if rng.random() < 0.45:
                sentence.append(rng.choice(function))
                i += 1
            sentence.append(word)
            i += 1
            if len(sentence) >= length:
                out.append(sentence[0].capitalize() + " " + " ".join(sentence[1:]) + ".")
                sentence, length = [], rng.randint(6, 16)
            if i >= n_words:
                break
        if sentence:
            out.append(sentence[0].capitalize() + " " + " ".join(sentence[1:]) + ".")
        return " ".join(out)

    def title(self, english=False) -> str:
        rng = self.rng
        a, b = self.words(2, english)
        place = rng.choice(PLACES)[0]
        if english:
            patterns = [
                f"The {a} of {place}",
                f"My {a}",
                f"A {a} and a {b}",
                f"{a.capitalize()} in {place}",
                f"How we found the {a}",
                f"Letters about the {a}",
            ]
        else:
            patterns = [
                f"De {a} van {place}",
                f"Mijn {a}",
                f"Een {a} en een {b}",
                f"{a.capitalize()} in {place}",
                f"Hoe wij de {a} vonden",
                f"Over de {a} en de {b}",
                f"Brieven over de {a}",
                f"{a.capitalize()} op de {b}",
            ]
        return rng.choice(patterns)


# --- helpers ----------------------------------------------------------------------------
def _step(n: int) -> str:
    """The n-th (1-based) treebeard path step: 4 base-36 digits."""
    digits = []
    for _ in range(STEPLEN):
        n, r = divmod(n, 36)
        digits.append(ALPHABET[r])
    if n:
        raise ValueError("more than 36**4 children under one page")
    return "".join(reversed(digits))


def _last_step_number(parent) -> int:
    """How many step numbers under `parent` are taken (the highest child's last step)."""
    from wagtail.models import Page

    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return int(last[-STEPLEN:], 36) if last else 0


def _insert(model_or_table, columns: list[str], rows: list[tuple], casts: dict[str, str] | None = None):
    """executemany INSERT of rows (tuples in `columns` order) into a model's table."""
    from django.db import connection

    table = model_or_table if isinstance(model_or_table, str) else model_or_table._meta.db_table
    q = connection.ops.quote_name
    casts = casts or {}
    placeholders = ", ".join(f"%s{casts.get(c, '')}" for c in columns)
    sql = f"INSERT INTO {q(table)} ({', '.join(q(c) for c in columns)}) VALUES ({placeholders})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _through(field) -> tuple[str, str, str]:
    """(table, source column, target column) of a many-to-many field's through table."""
    through = field.remote_field.through
    source = field.m2m_column_name()
    target = field.m2m_reverse_name()
    return through._meta.db_table, source, target


# --- seeding ----------------------------------------------------------------------------
def structure(rng: random.Random, text: Text):
    """Home, community index, 5 communities, depot index, people, places, tags, depot items."""
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.models import Site

    from depot.models import DepotCollection, DepotIndexPage, DepotItem, url_slug_for
    from stories.models import CommunityIndexPage, CommunityPage, HeritageObjectPage, Person, Place

    home = Site.objects.get(is_default_site=True).root_page.specific
    now = timezone.now()
    index = CommunityIndexPage.objects.first() or home.add_child(
        instance=CommunityIndexPage(title="Gemeenschappen", slug="gemeenschappen", first_published_at=now)
    )
    if not DepotIndexPage.objects.exists():
        home.add_child(instance=DepotIndexPage(title="Depot", slug="depot", first_published_at=now))
    communities = []
    for slug, title in COMMUNITIES:
        page = CommunityPage.objects.filter(slug=slug).first()
        if page is None:
            index.refresh_from_db()
            page = index.add_child(
                instance=CommunityPage(
                    title=title,
                    slug=slug,
                    first_published_at=now,
                    short_description=text.sentences(20)[:290],
                    intro=f"<p>{text.sentences(80)}</p>",
                )
            )
        communities.append(page)

    if Person.objects.count() < N_PEOPLE:
        displays = ["full"] * 85 + ["pseudonym"] * 10 + ["anonymous"] * 5
        Person.objects.bulk_create(
            Person(
                full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
                name_display=(d := rng.choice(displays)),
                pseudonym=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)[0]}." if d == "pseudonym" else "",
                bio=text.sentences(30) if d == "full" else "",
            )
            for _ in range(N_PEOPLE - Person.objects.count())
        )
    if Place.objects.count() < len(PLACES):
        Place.objects.bulk_create(
            Place(name=n, municipality=m, country=c, latitude=f"{lat:.6f}", longitude=f"{lon:.6f}")
            for n, m, c, lat, lon in PLACES
        )
    tag_names = list(dict.fromkeys(DUTCH_WORDS))[:250]
    tag_names += [f"{q} {w}" for q in TAG_QUALIFIERS for w in tag_names[:10]]  # a few two-word tags
    Tag.objects.bulk_create([Tag(name=t, slug=t.replace(" ", "-")) for t in tag_names], ignore_conflicts=True)

    collections = []
    for slug, name, name_en in DEPOT_COLLECTIONS:
        collections.append(
            DepotCollection.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en})[0]
        )
    if DepotItem.objects.count() < N_DEPOT_ITEMS:
        items = []
        for i in range(DepotItem.objects.count(), N_DEPOT_ITEMS):
            year = rng.randint(1890, 2015)
            number = f"BK-{year}-{i:05d}"
            items.append(
                DepotItem(
                    inventory_number=number,
                    url_slug=url_slug_for(number),
                    title=text.title().replace("Mijn ", "Een "),
                    title_en=text.title(english=True),
                    collection=collections[i % len(collections)],
                    maker=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" if rng.random() < 0.5 else "",
                    date_text=f"circa {year}",
                    year_from=year,
                    year_to=year + rng.choice([0, 0, 5, 10]),
                    object_type=rng.choice(["foto", "jurk", "kom", "brief", "prent", "trommel", "ketting"]),
                    description=text.sentences(60),
                    withdrawn=rng.random() < 0.01,
                )
            )
        DepotItem.objects.bulk_create(items, batch_size=500)
    objects = list(HeritageObjectPage.objects.all())
    for i in range(len(objects), N_OBJECTS):  # a few, the normal way
        community = CommunityPage.objects.get(pk=communities[i % len(communities)].pk)
        objects.append(
            community.add_child(
                instance=HeritageObjectPage(
                    title=text.title(),
                    slug=f"voorwerp-{i}",
                    first_published_at=now,
                    summary=text.sentences(40)[:590],
                    description=f"<p>{text.sentences(120)}</p>",
                )
            )
        )
    return home, communities


def seed(n_stories: int, rng: random.Random | None = None, log=print) -> dict:
    """Bring the database to n_stories stories (and their links); returns counts and timings."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from taggit.models import Tag
    from wagtail.models import Page

    from depot.models import DepotItem
    from stories.models import (
        CommunityPage,
        Language,
        Licence,
        Person,
        Place,
        StoryDepotLink,
        StoryNarrator,
        StoryPage,
        TaggedPage,
    )

    rng = rng or random.Random(42)
    started = time.perf_counter()
    existing = StoryPage.objects.count()
    if existing >= n_stories:
        log(f"seed: {existing:,} stories already there, nothing to do")
        return {"stories": existing, "created": 0, "seconds": 0.0}
    rng.seed(42 + existing)  # resumable and still deterministic
    text = Text(rng)
    with transaction.atomic():
        home, communities = structure(rng, text)
    log(f"seed: structure ready in {time.perf_counter() - started:.1f} s")

    story_ct = ContentType.objects.get_for_model(StoryPage)
    people = list(Person.objects.values_list("pk", flat=True))
    interviewers = people[:60]
    narrators = people[60:]
    place_ids = list(Place.objects.values_list("pk", flat=True))
    tag_ids = list(Tag.objects.values_list("pk", flat=True))
    rng.shuffle(tag_ids)
    tag_w = _cum_weights(len(tag_ids), 1.0)
    place_w = _cum_weights(len(place_ids), 0.8)
    languages = dict(Language.objects.values_list("code", "pk"))
    other_languages = [pk for code, pk in languages.items() if code not in ("nl", "en")]
    item_ids = list(DepotItem.objects.values_list("pk", flat=True))
    rng.shuffle(item_ids)
    item_w = _cum_weights(len(item_ids), 0.7)
    community_ids = [c.pk for c in communities]
    next_step = {c.pk: _last_step_number(c) for c in communities}
    home_locale = home.locale_id
    access_levels = ["public"] * 95 + ["community"] * 3 + ["staff"] * 2
    licences = [Licence.RS_INC.value] * 6 + [Licence.CC_BY_NC_SA.value] * 3 + [Licence.CC0.value]
    today = dt.date.today()
    epoch = dt.datetime(2019, 1, 1, tzinfo=dt.UTC)
    published_span = int((dt.datetime.now(dt.UTC) - epoch).total_seconds())

    story_fields = list(StoryPage._meta.local_concrete_fields)
    story_columns = [f.column for f in story_fields]
    body_field = StoryPage._meta.get_field("body")
    from django.db import connection

    casts = {}
    if connection.vendor == "postgresql" and "json" in (body_field.db_type(connection) or ""):
        casts[body_field.column] = "::jsonb"
    places_table = _through(StoryPage._meta.get_field("places"))
    languages_table = _through(StoryPage._meta.get_field("languages"))
    related_table = _through(StoryPage._meta.get_field("related_communities"))

    for chunk_start in range(existing, n_stories, CHUNK):
        chunk_end = min(chunk_start + CHUNK, n_stories)
        t0 = time.perf_counter()
        pages, extra = [], []
        for n in range(chunk_start, chunk_end):
            community = communities[n % len(communities)]
            next_step[community.pk] += 1
            english = rng.random() < 0.15
            title = text.title(english)
            slug = f"verhaal-{n}"
            published = epoch + dt.timedelta(seconds=rng.randrange(published_span))
            pages.append(
                Page(
                    path=community.path + _step(next_step[community.pk]),
                    depth=community.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    url_path=f"{community.url_path}{slug}/",
                    content_type_id=story_ct.pk,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    locale_id=home_locale,
                    translation_key=uuid.uuid4(),
                )
            )
            extra.append((community.pk, english))
        with transaction.atomic():
            Page.objects.bulk_create(pages, batch_size=1000)
            if any(p.pk is None for p in pages):  # a backend that cannot return ids
                ids = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
                for p in pages:
                    p.pk = p.id = ids[p.path]
            story_rows, narrator_rows, tag_rows, place_rows = [], [], [], []
            language_rows, related_rows, link_rows = [], [], []
            for page, (community_id, english) in zip(pages, extra, strict=False):
                pk = page.pk
                paragraphs = []
                for _ in range(rng.randint(3, 5)):
                    paragraphs.append(
                        {"type": "paragraph", "value": f"<p>{text.sentences(75, english)}</p>", "id": str(uuid.uuid4())}
                    )
                if rng.random() < 0.2:
                    paragraphs.insert(
                        1,
                        {
                            "type": "quote",
                            "id": str(uuid.uuid4()),
                            "value": {"text": text.sentences(25, english), "speaker": rng.choice(FIRST_NAMES)},
                        },
                    )
                start = rng.randint(1940, 2015) if rng.random() < 0.85 else None
                recorded = rng.randint(1995, 2024) if rng.random() < 0.9 else None
                access = rng.choice(access_levels)
                values = {
                    "page_ptr_id": pk,
                    "access_level": access,
                    "embargo_until": (
                        (today + dt.timedelta(days=rng.randint(30, 3650))).isoformat() if rng.random() < 0.01 else None
                    ),
                    "licence": rng.choice(licences),
                    "text_language": "en" if english else "nl",
                    "summary": text.sentences(60, english)[:600],
                    "pull_quote": text.sentences(20, english)[:500] if rng.random() < 0.3 else "",
                    "recorded_date_text": f"circa {recorded}" if recorded else "",
                    "recorded_year_from": recorded,
                    "recorded_year_to": recorded,
                    "period_start_year": start,
                    "period_end_year": min(start + rng.choice([0, 0, 5, 10, 20, 30]), 2024) if start else None,
                    "body": json.dumps(paragraphs, ensure_ascii=False),
                    "interviewer_id": rng.choice(interviewers) if rng.random() < 0.5 else None,
                    "main_media_id": None,
                }
                story_rows.append(tuple(_value(f, values) for f in story_fields))
                for i, person in enumerate(dict.fromkeys(rng.choices(narrators, k=rng.randint(1, 3)))):
                    narrator_rows.append((pk, person, i))
                for tag in dict.fromkeys(rng.choices(tag_ids, cum_weights=tag_w, k=rng.randint(2, 6))):
                    tag_rows.append((pk, tag))
                for place in dict.fromkeys(rng.choices(place_ids, cum_weights=place_w, k=rng.randint(1, 3))):
                    place_rows.append((pk, place))
                langs = [languages["en" if english else "nl"]]
                if rng.random() < 0.35:
                    langs.append(rng.choice(other_languages))
                language_rows.extend((pk, lang) for lang in langs)
                if rng.random() < 0.05:
                    other = rng.choice([c for c in community_ids if c != community_id])
                    related_rows.append((pk, other))
                if rng.random() < 0.4:
                    chosen = dict.fromkeys(rng.choices(item_ids, cum_weights=item_w, k=rng.randint(1, 3)))
                    for i, item in enumerate(chosen):
                        link_rows.append((pk, item, rng.choice(["mentions", "depicts", "family"]), "", i))
            _insert(StoryPage, story_columns, story_rows, casts)
            _insert(StoryNarrator, ["story_id", "person_id", "sort_order"], narrator_rows)
            _insert(TaggedPage, ["content_object_id", "tag_id"], tag_rows)
            _insert(places_table[0], list(places_table[1:]), place_rows)
            _insert(languages_table[0], list(languages_table[1:]), language_rows)
            _insert(related_table[0], list(related_table[1:]), related_rows)
            _insert(StoryDepotLink, ["story_id", "depot_item_id", "relation", "note", "sort_order"], link_rows)
            for community in communities:
                count = Page.objects.filter(path__startswith=community.path, depth=community.depth + 1).count()
                CommunityPage.objects.filter(pk=community.pk).update(numchild=count)
        done = chunk_end - existing
        rate = done / (time.perf_counter() - started)
        log(
            f"seed: {chunk_end:,}/{n_stories:,} stories (chunk {time.perf_counter() - t0:.1f} s, {rate:,.0f}/s overall)"
        )
    seconds = time.perf_counter() - started
    log(f"seed: {n_stories - existing:,} stories in {seconds:.0f} s")
    return {"stories": n_stories, "created": n_stories - existing, "seconds": seconds}


def _value(field, values: dict):
    """The value to insert for one StoryPage column (its default when not generated)."""
    if field.attname in values:
        return values[field.attname]
    if field.has_default() or field.null or field.blank:
        return field.get_default()
    raise ValueError(f"no value for the non-null column {field.column!r} of stories_storypage")


def setup_django(database_url: str, search_url: str = ""):
    """Django on the benchmark database; migrated. Must run before any model import."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"  # no query log: memory must not grow with the number of queries
    os.environ["SEARCH_URL"] = search_url
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def default_database_url() -> str:
    return os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-search.sqlite3'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--database-url", default=default_database_url())
    args = parser.parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    # Seeding needs no engine: Wagtail's own (admin) search then uses its database backend.
    setup_django(args.database_url, search_url="")
    seed(args.stories)


if __name__ == "__main__":
    main()
