"""Read bounce reports from the bounce mailbox (PUENTE_BOUNCE_IMAP_URL) or from .eml files."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from puente.digests import bounces


class Command(BaseCommand):
    help = "Count hard bounces; the third marks an address failing."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path, help=".eml files (default: the IMAP mailbox)")

    def handle(self, *args, files: list[Path], **options):
        if files:
            count = sum(bounces.process(path.read_bytes()) for path in files)
        elif settings.BOUNCE_IMAP_URL:
            count = self.from_imap(settings.BOUNCE_IMAP_URL)
        else:
            raise CommandError("Give .eml files or set PUENTE_BOUNCE_IMAP_URL.")
        self.stdout.write(f"{count} failed deliveries recorded")

    def from_imap(self, url: str) -> int:
        return bounces.from_mailbox(url)
