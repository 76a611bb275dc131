"""Send index updates that waited while the engine was down (run it from cron, or by hand)."""

import time

from django.core.management.base import BaseCommand

from search.indexing import pending_count, process_pending


class Command(BaseCommand):
    help = "Send waiting index updates to the search engine; with --loop, keep doing so."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running, every --interval seconds.")
        parser.add_argument("--interval", type=float, default=30.0)

    def handle(self, *args, loop=False, interval=30.0, **options):
        while True:
            waiting = pending_count()
            sent = process_pending()
            self.stdout.write(f"{sent} of {waiting} waiting updates sent; {pending_count()} still waiting")
            if not loop:
                return
            time.sleep(interval)
