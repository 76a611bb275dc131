"""manage.py import_community <file.zip>: a community export read into this site."""

from django.core.management.base import BaseCommand, CommandError

from exchange.importer import ImportRefused, import_community


class Command(BaseCommand):
    help = "Recreate a community from its export (exchange.export) in this site."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The zip an export wrote.")

    def handle(self, archive, **options):
        try:
            report = import_community(archive)
        except FileNotFoundError:
            raise CommandError(f"No file {archive}.") from None
        except ImportRefused as refused:
            raise CommandError(f"Not imported: {refused}") from None
        counts = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in report.counts.items())
        self.stdout.write(f"Imported “{report.community.title}”: {counts}.")
        for note in report.notes:
            self.stdout.write(f"  note: {note}")
