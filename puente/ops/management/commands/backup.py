from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from puente.ops.backup import backup


class Command(BaseCommand):
    help = "Write a backup (database and stored files) to one .tar.gz file."

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", help="file to write (default: DATA_DIR/backups/puente-<time>.tar.gz)"
        )

    def handle(self, *args, path=None, **options):
        if path is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            path = settings.DATA_DIR / "backups" / f"puente-{stamp}.tar.gz"
        path = Path(path)
        manifest = backup(path)
        self.stdout.write(f"backed up {manifest['objects']:,} objects to {path}")
