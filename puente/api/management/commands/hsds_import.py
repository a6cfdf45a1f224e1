from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from puente.api import hsds


class Command(BaseCommand):
    help = "Read an HSDS 3.0 JSON export (organizations.json + services.json); services arrive as drafts."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="a directory, or its organizations.json")

    def handle(self, *args, path: Path, **options):
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        counts = hsds.import_json(path)
        self.stdout.write(", ".join(f"{n} {k}" for k, n in counts.items()))
