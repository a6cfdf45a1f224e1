from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from puente.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `puente backup` into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            manifest = restore(Path(path))
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"restored {manifest['objects']:,} objects from {path} ({manifest['created']})")
        try:
            call_command("reindex", verbosity=0)
        except CommandError:
            pass  # no search index command in this build
