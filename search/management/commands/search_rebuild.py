"""Fill a new versioned public index from the database and swap the alias to it."""

from django.core.management.base import BaseCommand, CommandError

from search.engine import EngineUnavailable, get_engine
from search.indexing import ProgressBar, rebuild


class Command(BaseCommand):
    help = "Rebuild the public search index (a new index behind the alias; search keeps answering)."

    def add_arguments(self, parser):
        parser.add_argument("--keep-old", action="store_true", help="Keep the previous index instead of deleting it.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs).")

    def handle(self, *args, keep_old=False, no_progress=False, **options):
        if get_engine() is None:
            raise CommandError("SEARCH_URL is not set: the site searches the database, there is no index to build.")
        progress = None if no_progress or options["verbosity"] == 0 else ProgressBar(self.stderr._out)
        try:
            result = rebuild(progress=progress, keep_old=keep_old)
        except EngineUnavailable as error:
            raise CommandError(f"The search engine did not answer: {error}") from error
        self.stdout.write(
            f"Indexed {result['documents']} documents into {result['index']} in {result['seconds']:.1f} s "
            f"({result['documents'] / max(result['seconds'], 1e-6):,.0f}/s); "
            f"replaced: {', '.join(result['replaced']) or 'nothing'}"
        )
