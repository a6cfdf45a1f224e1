"""``puente reindex``: rebuild the search index from the catalogue."""

from django.core.management.base import BaseCommand

from puente.search.index import reindex


class Command(BaseCommand):
    help = "Rebuild the search index from published items, organizations and pages."

    def handle(self, *args, **options) -> None:
        count = reindex()
        self.stdout.write(f"indexed {count} entries")
