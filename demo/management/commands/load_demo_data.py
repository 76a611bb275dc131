"""manage.py load_demo_data: a bilingual Rotterdam demo, safe to run again.

The content lives in demo/content.py, the generated images and sounds in
demo/media_files.py and the loading logic in demo/loader.py.
"""

from django.core.management.base import BaseCommand, CommandError

from demo.loader import DemoDataError, load_demo, table_counts


class Command(BaseCommand):
    help = (
        "Load the Brengkunst demo: communities, stories, heritage objects, the "
        "depot catalogue, people, places, generated images and recordings, and one "
        "user per role. Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing but errors.")
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Set the demo users' passwords back to the documented ones.",
        )

    def handle(self, *args, quiet=False, reset_passwords=False, verbosity=1, **options):
        quiet = quiet or verbosity == 0
        progress = None if quiet else (lambda message: self.stdout.write(f"· {message}"))
        try:
            result = load_demo(log=progress, reset_passwords=reset_passwords)
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        if quiet:
            return

        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("What this run did"))
        width = max(len(kind) for kind in result.kinds())
        for kind in result.kinds():
            created, updated, unchanged = (result.tally[(kind, a)] for a in ("created", "updated", "unchanged"))
            self.stdout.write(
                f"  {kind:<{width}}  {created:>4} created  {updated:>4} updated  {unchanged:>4} unchanged"
            )
        files = len(result.files_written)
        self.stdout.write(f"  files written: {files}")
        if result.video_skipped:
            self.stdout.write(f"  video skipped: {result.video_skipped}")

        if verbosity >= 2:
            self.stdout.write(self.style.MIGRATE_HEADING("Time per part"))
            for part, seconds in result.timings.items():
                self.stdout.write(f"  {part:<18} {seconds:>6.2f} s")

        self.stdout.write(self.style.MIGRATE_HEADING("In the database now"))
        for name, count in table_counts().items():
            self.stdout.write(f"  {name:<18} {count:>5}")

        self.stdout.write(self.style.MIGRATE_HEADING("Demo users"))
        for user in result.users:
            self.stdout.write(
                f"  {user['role']:<18} {user['username']:<8} / {user['password']:<20} {user.get('group', '')}"
            )
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded in {result.seconds:.1f} s."))
