"""puente ingest PATH... | --feed URL | --imap | --reextract

Bulk runs show a progress bar on stderr and end with a summary. A file over the size limit is
refused with a one-line error and a non-zero exit; every other file is still stored.
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from puente.catalog.models import Document, Organization, Source
from puente.ingest import feeds, imap
from puente.ingest.files import walk
from puente.ingest.progress import Progress
from puente.ingest.store import Ingestor, Summary, TooLarge, reextract


class Command(BaseCommand):
    help = "Store newsletters (files, folders, .mbox, feeds, the inbox) and extract their items."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, help="files or folders (read recursively)")
        parser.add_argument("--feed", action="append", default=[], metavar="URL", help="an RSS/Atom feed")
        parser.add_argument("--imap", action="store_true", help="read unseen mail at PUENTE_IMAP_URL")
        parser.add_argument("--reextract", action="store_true", help="extract stored documents again")
        parser.add_argument("--source", help="name of the source to file these under")
        parser.add_argument("--organization", help="the organization that publishes them")
        parser.add_argument("--trusted", action="store_true", help="publish without review (not legal items)")

    def handle(self, *args, **opts) -> None:
        if not (opts["paths"] or opts["feed"] or opts["imap"] or opts["reextract"]):
            raise CommandError("nothing to ingest: give paths, --feed URL, --imap or --reextract")
        summary, refused = Summary(), 0
        if opts["paths"]:
            ingestor = Ingestor(self._source(opts))
            part, refused = self._files(ingestor, opts["paths"])
            summary += part
        for url in opts["feed"]:
            summary += feeds.poll(feeds.source_for(url))
        if opts["imap"]:
            if not settings.IMAP_URL:
                raise CommandError("PUENTE_IMAP_URL is not set")
            summary += imap.fetch(settings.IMAP_URL, Ingestor())
        if opts["reextract"]:
            summary.items += self._reextract()
        for error in summary.errors:
            self.stderr.write(f"failed: {error}")
        self.stdout.write(summary.line())
        if refused:
            sys.exit(1)

    def _files(self, ingestor: Ingestor, paths: list[Path]) -> tuple[Summary, int]:
        missing = [p for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {missing[0]}")
        files = list(walk(paths))
        progress, summary, refused = Progress(len(files), "ingest "), Summary(), 0
        for path in files:
            try:
                summary += ingestor.ingest_path(path)
            except TooLarge as exc:
                refused += 1
                self.stderr.write(f"\nrefused: {exc}")
            progress.advance(path.name)
        progress.close()
        return summary, refused

    def _reextract(self) -> int:
        documents = Document.objects.select_related("source").order_by("pk")
        progress, created = Progress(documents.count(), "re-extract "), 0
        ingestor = Ingestor()
        for doc in documents.iterator(chunk_size=200):
            created += reextract(doc, ingestor)
            progress.advance(str(doc)[:40])
        progress.close()
        return created

    def _source(self, opts) -> Source | None:
        if not (opts["source"] or opts["organization"] or opts["trusted"]):
            return None  # e-mails are filed under their sender; other files under "Uploads"
        name = opts["source"] or opts["organization"] or "Command line"
        org = None
        if opts["organization"]:
            org, _ = Organization.objects.get_or_create(name=opts["organization"])
        source, _ = Source.objects.get_or_create(
            kind="upload", address=f"cli:{name}", defaults={"name": name}
        )
        source.organization = org or source.organization
        source.trusted = opts["trusted"] or source.trusted
        source.save()
        return source
