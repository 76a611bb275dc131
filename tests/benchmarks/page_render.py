"""Benchmark: render times and query counts of the story, community and depot item pages.

    .venv/bin/python tests/benchmarks/page_render.py [--stories 10000] [--requests 200]

Seeds a separate database (default var/bench-pages.sqlite3; set DATABASE_URL for
PostgreSQL) with N stories spread over 5 communities, each with narrators, tags,
places, related objects and depot links, then requests each page kind and prints the
median and p95 render time and the number of queries per request. Seeding is
skipped when the database already holds the stories. This is a script, not a test:
numbers are reported, not asserted.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def setup_django(database_url):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def seed(n_stories, rng):
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Site

    from depot.models import DepotCollection, DepotIndexPage, DepotItem
    from stories.models import (
        CommunityIndexPage,
        CommunityPage,
        HeritageObjectPage,
        Person,
        Place,
        StoryPage,
    )

    existing = StoryPage.objects.count()
    if existing >= n_stories:
        print(f"seed: {existing} stories already there")
    start = time.perf_counter()
    home = Site.objects.get(is_default_site=True).root_page
    index = CommunityIndexPage.objects.first() or home.add_child(
        instance=CommunityIndexPage(title="Gemeenschappen", slug="gemeenschappen")
    )
    if not DepotIndexPage.objects.exists():
        home.add_child(instance=DepotIndexPage(title="Depot", slug="depot"))
    communities = list(CommunityPage.objects.all())
    for i in range(len(communities), 5):
        communities.append(index.add_child(instance=CommunityPage(title=f"Gemeenschap {i}", slug=f"gemeenschap-{i}")))
    collections = [
        DepotCollection.objects.get_or_create(slug=f"collectie-{i}", defaults={"name": f"Collectie {i}"})[0]
        for i in range(5)
    ]
    if DepotItem.objects.count() < 2000:
        DepotItem.objects.bulk_create(
            DepotItem(
                inventory_number=f"BENCH-{i:05d}",
                url_slug=f"BENCH-{i:05d}",
                title=f"Voorwerp {i}",
                collection=collections[i % 5],
            )
            for i in range(2000)
        )
    items = list(DepotItem.objects.all()[:2000])
    people = list(Person.objects.all()[:500])
    if len(people) < 500:
        Person.objects.bulk_create(Person(full_name=f"Verteller {i}") for i in range(500))
        people = list(Person.objects.all()[:500])
    if Place.objects.count() < 100:
        Place.objects.bulk_create(Place(name=f"Straat {i}", municipality="Rotterdam") for i in range(100))
    places = list(Place.objects.all()[:100])
    objects = list(HeritageObjectPage.objects.all()[:100])
    while len(objects) < 100:
        c = communities[len(objects) % 5]
        objects.append(
            c.add_child(instance=HeritageObjectPage(title=f"Object {len(objects)}", slug=f"object-{len(objects)}"))
        )
    tags = [f"thema-{i}" for i in range(300)]
    body_words = "haven boot zee familie werk moeder vader straat markt muziek feest kerk school".split()
    for n in range(existing, n_stories):
        with transaction.atomic():
            community = communities[n % 5]
            summary = " ".join(rng.choice(body_words) for _ in range(60))
            community.add_child(
                instance=StoryPage(
                    title=f"Verhaal {n}",
                    slug=f"verhaal-{n}",
                    summary=summary[:590],
                    first_published_at=timezone.now(),
                    body=[("paragraph", "<p>" + " ".join(rng.choice(body_words) for _ in range(300)) + "</p>")],
                )
            )
        if (n + 1) % 500 == 0:
            rate = (n + 1 - existing) / (time.perf_counter() - start)
            print(f"seed: {n + 1}/{n_stories} stories ({rate:.0f}/s)", flush=True)
    link_stories(rng, people, places, objects, items, tags)
    print(f"seed: done in {time.perf_counter() - start:.0f} s")


def link_stories(rng, people, places, objects, items, tags):
    """Narrators, tags, places, objects and depot links for every story that has none yet.

    Written with bulk inserts: modelcluster defers child rows until the page is saved,
    and saving 10,000 pages again would take as long as creating them.
    """
    from taggit.models import Tag

    from stories.models import StoryDepotLink, StoryNarrator, StoryPage, TaggedPage

    todo = list(StoryPage.objects.filter(depot_links__isnull=True).values_list("pk", flat=True))
    if not todo:
        return
    tag_objects = [Tag.objects.get_or_create(name=t, defaults={"slug": t})[0] for t in tags]
    places_through = StoryPage.places.through
    objects_through = StoryPage.related_objects.through
    for start in range(0, len(todo), 1000):
        chunk = todo[start : start + 1000]
        StoryNarrator.objects.bulk_create(
            StoryNarrator(story_id=pk, person=p, sort_order=i)
            for pk in chunk
            for i, p in enumerate(rng.sample(people, 3))
        )
        TaggedPage.objects.bulk_create(
            TaggedPage(content_object_id=pk, tag=t) for pk in chunk for t in rng.sample(tag_objects, 5)
        )
        places_through.objects.bulk_create(
            places_through(storypage_id=pk, place=p) for pk in chunk for p in rng.sample(places, 2)
        )
        objects_through.objects.bulk_create(
            objects_through(storypage_id=pk, heritageobjectpage=o) for pk in chunk for o in rng.sample(objects, 2)
        )
        StoryDepotLink.objects.bulk_create(
            StoryDepotLink(story_id=pk, depot_item=item, relation="mentions", sort_order=i)
            for pk in chunk
            for i, item in enumerate(rng.sample(items, 3))
        )
        print(f"seed: linked {start + len(chunk)}/{len(todo)} stories", flush=True)


def measure(client, url, n):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm up
    times = []
    queries = set()
    for _ in range(n):
        with CaptureQueriesContext(connection) as captured:
            t0 = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries.add(len(captured))
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    return statistics.median(times), p95, sorted(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--database-url", default=os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-pages.sqlite3'}")
    )
    args = parser.parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    setup_django(args.database_url)
    seed(args.stories, random.Random(42))

    from django.db.models import Count
    from django.test import Client

    from depot.models import DepotIndexPage, DepotItem
    from stories.models import CommunityPage, StoryPage

    client = Client()
    story = StoryPage.objects.annotate(n=Count("depot_links")).order_by("-n", "pk").first()
    community = CommunityPage.objects.first()
    item = DepotItem.objects.annotate(n=Count("story_links")).order_by("-n").first()
    depot = DepotIndexPage.objects.first()
    pages = [
        ("story page", story.url),
        (f"community page ({StoryPage.objects.child_of(community).count()} stories)", community.url),
        ("community page, page 40", community.url + "?page=40"),
        (f"depot item page ({item.n} linking stories)", f"{depot.url}{item.inventory_number}/"),
    ]
    print(f"\n{StoryPage.objects.count()} stories on {args.database_url.split(':')[0]}, {args.requests} requests each")
    print(f"{'page':52} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for label, url in pages:
        median, p95, queries = measure(client, url, args.requests)
        print(f"{label:52} {median:10.1f} {p95:8.1f} {','.join(map(str, queries)):>8}")


if __name__ == "__main__":
    main()
