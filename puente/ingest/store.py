"""Store documents and their items: idempotent, one transaction per document, corrections kept.

The extraction core is pure; the clock, the database, storage and trust live here:

- a document's identity is the SHA-256 of its raw bytes: the same bytes twice change nothing;
- each document is written with all its items in ONE transaction, so a killed run leaves whole
  documents or none;
- a document the core cannot read or extract is stored anyway, with the error, for an editor;
- re-extraction never overwrites a field an editor corrected (``Item.corrected_fields``).
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from puente.catalog.models import (
    Attachment,
    Contact,
    Document,
    Event,
    Item,
    Organization,
    Source,
    Topic,
    content_hash,
)
from puente.extract import ReadError, SourceDocument, extract_document, read
from puente.extract import model as core

from . import stories
from .legal import legal_words
from .sniff import safe_filename, sniff

log = logging.getLogger(__name__)
MBOX_SEPARATOR = re.compile(rb"^From [^\r\n]*\r?\n", re.M)
HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}: ")


class TooLarge(ValueError):
    """A document over ``settings.MAX_DOCUMENT_BYTES``: refused before anything is stored."""


@dataclass
class Summary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    items: int = 0
    documents: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def __iadd__(self, other: Summary) -> Summary:
        for name in ("new", "updated", "unchanged", "failed", "items"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.documents += other.documents
        self.errors += other.errors
        return self

    def line(self) -> str:
        return (
            f"documents: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.failed} failed; items created: {self.items}"
        )


def check_size(size: int, name: str) -> None:
    limit = settings.MAX_DOCUMENT_BYTES
    if size > limit:
        raise TooLarge(f"{name or 'the document'} is {size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB")


def split_mbox(data: bytes) -> list[bytes]:
    """An mbox's messages, each as its own bytes: every message is a document of its own."""
    starts = [m.start() for m in MBOX_SEPARATOR.finditer(data)]
    if not starts or starts[0] != 0:
        return [data]
    bounds = [*starts, len(data)]
    chunks = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        body = MBOX_SEPARATOR.sub(b"", data[a:b], count=1)
        # mboxrd quoting: ">From " at a line start was "From " in the message.
        chunks.append(re.sub(rb"^>(>*From )", rb"\1", body, flags=re.M))
    return [c for c in chunks if c.strip()]


def is_mbox(data: bytes, name: str) -> bool:
    return name.lower().endswith(".mbox") or data.startswith(b"From ")


class Ingestor:
    """One ingestion run: caches organizations, topics and the story index across documents."""

    def __init__(self, source: Source | None = None, *, today: date | None = None) -> None:
        self.source = source
        self.today = today or timezone.localdate()
        self._index: stories.StoryIndex | None = None
        self._orgs: dict[str, Organization] | None = None
        self._topics = {t.slug: t for t in Topic.objects.all()}

    # --- entry points -------------------------------------------------------------------------

    def ingest_path(self, path: Path) -> Summary:
        data_size = path.stat().st_size
        check_size(data_size, path.name)
        mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.get_current_timezone()).date()
        return self.ingest_bytes(path.read_bytes(), path.name, date_hint=mtime)

    def ingest_bytes(
        self,
        data: bytes,
        name: str = "",
        *,
        date_hint: date | None = None,
        external_id: str = "",
        source: Source | None = None,
    ) -> Summary:
        check_size(len(data), name)
        summary = Summary()
        chunks = split_mbox(data) if is_mbox(data, name) else [data]
        for n, chunk in enumerate(chunks):
            part = name if len(chunks) == 1 else f"{Path(name).stem}-{n + 1}.eml"
            summary += self._ingest_one(chunk, part, date_hint, external_id, source)
        return summary

    # --- one document ---------------------------------------------------------------------------

    def _ingest_one(
        self, raw: bytes, name: str, date_hint: date | None, external_id: str, source: Source | None
    ) -> Summary:
        digest = hashlib.sha256(raw).hexdigest()
        if Document.objects.filter(content_hash=digest).exists():
            return Summary(unchanged=1)
        try:
            sources = read(raw, name=name, max_bytes=settings.MAX_DOCUMENT_BYTES)
        except (ReadError, ValueError, UnicodeError, LookupError) as exc:
            return self._store_failure(raw, digest, name, source, f"{type(exc).__name__}: {exc}")
        summary = Summary()
        for n, src in enumerate(sources):
            # A container the reader splits itself still gives each part its own identity.
            h = digest if len(sources) == 1 else hashlib.sha256(f"{digest}:{n}".encode()).hexdigest()
            if n and Document.objects.filter(content_hash=h).exists():
                summary.unchanged += 1
                continue
            source = source or self._source_for(src, raw)
            summary += self._store(src, raw, h, name, date_hint, external_id, source)
        return summary

    def _store(
        self,
        src: SourceDocument,
        raw: bytes,
        digest: str,
        name: str,
        date_hint: date | None,
        external_id: str,
        source: Source,
    ) -> Summary:
        reference = _iso_date(src.date) or _header_date(raw) or date_hint or self.today
        extracted, error = None, ""
        try:
            extracted = extract_document(src, reference, source.timezone)
        except Exception as exc:  # noqa: BLE001 — any failure is kept for an editor, never lost
            log.warning("extraction failed for %s: %s", name, exc)
            error = f"{type(exc).__name__}: {exc}"
        previous = (
            Document.objects.filter(source=source, external_id=external_id).first() if external_id else None
        )
        with transaction.atomic():
            doc = previous or Document(source=source)
            doc.content_hash, doc.raw, doc.filename = digest, raw, name[:300]
            doc.format = src.format[:10]
            doc.text = _clean(extracted.text if extracted else src.text)
            doc.subject = _clean(src.subject or "")[:500]
            doc.sender = _clean(src.source or "")[:300]
            doc.message_id = (src.message_id or "")[:300]
            doc.external_id = external_id[:500]
            doc.reference_date = reference
            doc.timezone = source.timezone
            doc.language = (extracted.language if extracted else "") or ""
            doc.error = error
            doc.extracted_at = timezone.now() if extracted else None
            doc.save()
            created = self._sync_items(doc, extracted.items if extracted else (), source)
            self.store_attachments(doc, src.attachments)
        summary = Summary(items=created, documents=[doc.pk])
        if previous:
            summary.updated = 1
        elif error:
            summary.failed = 1
            summary.errors.append(f"{name}: {error}")
        else:
            summary.new = 1
        return summary

    def _store_failure(
        self, raw: bytes, digest: str, name: str, source: Source | None, error: str
    ) -> Summary:
        source = source or self.source or default_source()
        with transaction.atomic():
            doc = Document.objects.create(
                source=source,
                content_hash=digest,
                raw=raw,
                filename=name[:300],
                text=_clean(raw[:200_000].decode("utf-8", "replace")),
                timezone=source.timezone,
                error=error,
            )
        return Summary(failed=1, documents=[doc.pk], errors=[f"{name}: {error}"])

    # --- items ----------------------------------------------------------------------------------

    def _sync_items(self, doc: Document, found: tuple[core.Item, ...], source: Source) -> int:
        """Create or update the document's items by position, keeping every corrected field."""
        existing = {i.position: i for i in doc.items.all()} if doc.pk else {}
        created = 0
        for position, extracted in enumerate(found):
            item = existing.pop(position, None)
            if item is None:
                item = self._new_item(doc, extracted, position, source)
                created += 1
            else:
                self._refresh_item(item, extracted)
        for leftover in existing.values():
            # What extraction no longer finds goes, unless a person has worked on it.
            if leftover.status == Item.DRAFT and not leftover.corrected_fields:
                leftover.delete()
        return created

    def _new_item(self, doc: Document, found: core.Item, position: int, source: Source) -> Item:
        item = Item(document=doc, organization=source.organization, position=position)
        _apply(item, found, ())
        held = legal_words(f"{found.title}\n{found.text}")
        if "legal" in found.topics and not held:
            held = ["legal"]
        if source.trusted and not held:
            item.publish()
        elif source.trusted:
            item.review_note = ("legal: " + ", ".join(held))[:200]
        item.save()
        self._sync_related(item, found, ())
        stories.attach(item, self.index)
        return item

    def _refresh_item(self, item: Item, found: core.Item) -> None:
        kept = tuple(item.corrected_fields)
        _apply(item, found, kept)
        item.save()
        self._sync_related(item, found, kept)

    def _sync_related(self, item: Item, found: core.Item, kept: tuple[str, ...]) -> None:
        if "topics" not in kept:
            item.topics.set([self._topics[s] for s in found.topics if s in self._topics])
        item.mentions.set(
            [o for n in found.organizations if n.strip() and not (o := self.organization(n)).rejected]
        )
        if "events" not in kept:
            item.events.all().delete()
            Event.objects.bulk_create(_events(item, found))
        if "contacts" not in kept:
            item.contacts.all().delete()
            Contact.objects.bulk_create(_contacts(item, found))

    # --- attachments ----------------------------------------------------------------------------

    def store_attachments(self, doc: Document, attachments: tuple[core.Attachment, ...]) -> None:
        for att in attachments:
            data = att.data or b""
            mime = sniff(data)
            if mime is None or len(data) > settings.MAX_ATTACHMENT_BYTES:
                log.info("attachment %s refused (%s, %d bytes)", att.filename, mime, len(data))
                continue
            sha = hashlib.sha256(data).hexdigest()
            if doc.attachments.filter(sha256=sha).exists():
                continue
            record = Attachment(
                document=doc, filename=safe_filename(att.filename, mime), content_type=mime, size=len(data)
            )
            record.sha256 = sha
            path = f"attachments/{sha[:2]}/{sha}"
            # Content-addressed: a file written by a killed run is simply reused.
            record.file.name = (
                path if default_storage.exists(path) else default_storage.save(path, ContentFile(data))
            )
            record.save()

    # --- lookups --------------------------------------------------------------------------------

    @property
    def index(self) -> stories.StoryIndex:
        if self._index is None:
            self._index = stories.load_index()
        return self._index

    def organization(self, name: str) -> Organization:
        """The organization a name, acronym or alias points to; created (unverified) when new."""
        if self._orgs is None:
            self._orgs = {}
            for org in Organization.objects.all():
                for key in (org.name, org.acronym, *org.aliases):
                    if key:
                        self._orgs.setdefault(_key(key), org)
        key = _key(name)
        org = self._orgs.get(key)
        if org is None:
            org = Organization.objects.filter(name__iexact=name.strip()[:300]).first()
            org = org or Organization.objects.create(name=name.strip()[:300], auto_created=True)
            self._orgs[key] = org
        return org

    def _source_for(self, src: SourceDocument, raw: bytes) -> Source:
        """The configured source, else the sender's (trust is set per sender), else "Uploads"."""
        if self.source is not None:
            return self.source
        sender = src.source if src.format == "email" else _headers(raw).get("From", "")
        display, address = parseaddr(sender or "")
        if "@" in address:
            source, _ = Source.objects.get_or_create(
                kind="email", address=address.lower(), defaults={"name": (display or address)[:200]}
            )
            return source
        return default_source()


def default_source() -> Source:
    source, _ = Source.objects.get_or_create(
        kind="upload", address="upload:default", defaults={"name": "Uploads"}
    )
    return source


# --- mapping core dataclasses onto models -----------------------------------------------------------


def _apply(item: Item, found: core.Item, kept: tuple[str, ...]) -> None:
    values = {
        "kind": found.kind if found.kind in dict(Item._meta.get_field("kind").choices) else "news",
        "title": (found.title or found.text[:120]).strip()[:500] or "—",
        "body": found.text,
        "language": (found.language or "")[:10],
        "languages_offered": list(found.languages),
        "deadline": _iso_date(found.deadline),
    }
    for name, value in values.items():
        if name not in kept:
            setattr(item, name, value)
    item.organizations_named = list(found.organizations)
    item.handles = [h.to_dict() for h in found.handles]
    item.refers_to_attachment = found.refers_to_attachment
    item.span_start, item.span_end = found.start, found.end
    item.extracted = found.to_dict()
    item.fingerprint = content_hash(" ".join(stories.words(found.text)))
    item.signature = stories.to_bytes(stories.signature(found.text))


def _events(item: Item, found: core.Item) -> list[Event]:
    events = []
    for ev in found.events:
        zone_name = ev.timezone or item.document.timezone
        start = _aware(ev.start, zone_name)
        if start is None:
            continue
        events.append(
            Event(
                item=item,
                start=start,
                end=_aware(ev.end, zone_name),
                all_day=len(ev.start or "") <= 10,
                timezone=zone_name,
                location=(ev.location or "")[:300],
                online=ev.online,
            )
        )
    return events


def _contacts(item: Item, found: core.Item) -> list[Contact]:
    values = (
        [("phone", p, "") for p in found.phones]
        + [("email", e, "") for e in found.emails]
        + [("url", u, "") for u in found.urls]
        + [("handle", h.handle, h.network or "") for h in found.handles]
    )
    return [Contact(item=item, kind=k, value=v[:500], label=label[:100]) for k, v, label in values]


def _aware(value: str | None, zone_name: str) -> datetime | None:
    """A local ISO date or date-time from the core, made aware in the event's own zone."""
    if not value:
        return None
    try:
        local = datetime.fromisoformat(value)
        zone = ZoneInfo(zone_name)
    except (ValueError, KeyError):
        return None
    return local.replace(tzinfo=zone) if local.tzinfo is None else local


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _headers(raw: bytes) -> Message:
    """The headers of something that looks like an e-mail (an empty message otherwise)."""
    if not HEADER_LINE.match(raw[:200]):
        return Message()
    return BytesParser(policy=policy.default).parsebytes(raw[:64_000], headersonly=True)


def _header_date(raw: bytes) -> date | None:
    try:
        value = _headers(raw).get("Date")
        return parsedate_to_datetime(str(value)).date() if value else None
    except (TypeError, ValueError, IndexError):
        return None


def _clean(text: str) -> str:
    """Text as a database keeps it: PostgreSQL refuses NUL characters (the raw bytes keep them)."""
    return text.replace("\x00", "\ufffd")


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


# --- re-extraction ------------------------------------------------------------------------------------


def reextract(doc: Document, ingestor: Ingestor | None = None) -> int:
    """Run extraction again on a stored document (e.g. after the core improved).

    Items are matched by position; an editor's corrected fields are never overwritten.
    Returns the number of items created.
    """
    ingestor = ingestor or Ingestor(doc.source)
    raw = bytes(doc.raw)
    try:
        sources = read(raw, name=doc.filename, max_bytes=settings.MAX_DOCUMENT_BYTES)
    except (ReadError, ValueError) as exc:
        Document.objects.filter(pk=doc.pk).update(error=f"{type(exc).__name__}: {exc}")
        return 0
    src = _matching(sources, doc)
    if src is None:
        return 0
    try:
        extracted = extract_document(src, doc.reference_date or ingestor.today, doc.timezone)
    except Exception as exc:  # noqa: BLE001 — kept for the editor, as on first ingestion
        Document.objects.filter(pk=doc.pk).update(error=f"{type(exc).__name__}: {exc}")
        return 0
    with transaction.atomic():
        doc.text, doc.language, doc.error = extracted.text, extracted.language or "", ""
        doc.extracted_at = timezone.now()
        doc.save(update_fields=["text", "language", "error", "extracted_at"])
        return ingestor._sync_items(doc, extracted.items, doc.source)


def _matching(sources: list[SourceDocument], doc: Document) -> SourceDocument | None:
    if len(sources) == 1:
        return sources[0]
    for src in sources:
        if doc.message_id and src.message_id == doc.message_id:
            return src
    return None
