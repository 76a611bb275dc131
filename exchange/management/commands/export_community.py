"""manage.py export_community <slug> [-o file.zip]: the export of exchange.export, from the shell."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError

from exchange.export import stream_export
from stories.models import CommunityPage


class Command(BaseCommand):
    help = "Write everything a community gave as a zip of JSON and files (docs/export.md)."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The community page's slug.")
        parser.add_argument("-o", "--output", help="Where to write the zip (default: <slug>.zip).")

    def handle(self, slug, output=None, **options):
        community = CommunityPage.objects.filter(slug=slug).first()
        if community is None:
            known = ", ".join(CommunityPage.objects.order_by("slug").values_list("slug", flat=True)) or "none"
            raise CommandError(f"No community with slug “{slug}”. Known: {known}.")
        output = output or f"{slug}.zip"
        started = time.monotonic()

        def progress(done, total):
            if options["verbosity"] > 1:
                sys.stderr.write(f"\r{done}/{total}")

        size = 0
        with open(output, "wb") as out:
            for chunk in stream_export(community, progress=progress):
                out.write(chunk)
                size += len(chunk)
        self.stdout.write(f"{output}: {size / 1e6:.1f} MB in {time.monotonic() - started:.1f} s")
