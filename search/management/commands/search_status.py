"""Say which search answers the site, what the alias points at and what is waiting."""

from django.core.management.base import BaseCommand

from search.engine import EngineUnavailable, get_engine
from search.indexing import pending_count


class Command(BaseCommand):
    help = "Show the search engine, the public index behind the alias, and waiting updates."

    def handle(self, *args, **options):
        engine = get_engine()
        if engine is None:
            self.stdout.write("search: database (SEARCH_URL is not set)")
        else:
            try:
                targets = engine.alias_targets()
                documents = engine.count() if targets else 0
                self.stdout.write(f"search: {engine.name} at {engine.url}")
                self.stdout.write(
                    f"alias {engine.alias} -> {', '.join(targets) or 'nothing yet'} ({documents} documents)"
                )
            except EngineUnavailable as error:
                self.stdout.write(f"search: {engine.name} at {engine.url} is NOT answering: {error}")
        self.stdout.write(f"waiting updates: {pending_count()}")
