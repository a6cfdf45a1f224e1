from pathlib import Path

from django.core.management.base import BaseCommand

from puente.api import hsds


class Command(BaseCommand):
    help = "Write the HSDS 3.0 export (JSON and CSV data package) into DIR."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)

    def handle(self, *args, directory: Path, **options):
        written = hsds.export(directory)
        self.stdout.write(f"wrote {len(written)} files to {directory}")
