"""Remove contributed files no contribution uses, once no form can claim them any more."""

from django.core.management.base import BaseCommand

from contributions.services.uploads import delete_orphan_blobs


class Command(BaseCommand):
    help = "Delete stored contribution files that no contribution refers to (older than the keep time)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age", type=int, default=None, help="seconds (default: CONTRIBUTION_KEEP_UPLOADS_SECONDS)"
        )

    def handle(self, *args, min_age=None, **options):
        removed = delete_orphan_blobs(min_age)
        self.stdout.write(f"Removed {removed} unused file(s).")
