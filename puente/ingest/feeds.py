"""RSS/Atom feeds: each entry is a document, updated by its id instead of duplicated.

Polite polling: the ETag and Last-Modified the server gave are sent back, so an unchanged feed
costs one 304 and no parsing.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import date
from html import escape

import feedparser
from django.utils import timezone

from puente.catalog.models import Source

from .store import Ingestor, Summary, TooLarge

log = logging.getLogger(__name__)
AGENT = "Puente/0.1 (+https://github.com/puente)"


def source_for(url: str) -> Source:
    source, _ = Source.objects.get_or_create(kind="feed", address=url, defaults={"name": url[:200]})
    return source


def poll(source: Source, ingestor: Ingestor | None = None) -> Summary:
    """Fetch the feed once and store its new or changed entries."""
    parsed = feedparser.parse(
        source.address, etag=source.etag or None, modified=source.modified or None, agent=AGENT
    )
    summary = Summary()
    status = getattr(parsed, "status", None)
    error = ""
    if parsed.get("bozo") and not parsed.entries:
        error = f"unreadable feed: {parsed.get('bozo_exception')}"
    elif status != 304:
        ingestor = ingestor or Ingestor(source)
        for entry in parsed.entries:
            summary += _store_entry(entry, source, ingestor)
    Source.objects.filter(pk=source.pk).update(
        etag=(parsed.get("etag") or source.etag or "")[:300],
        modified=(parsed.get("modified") or source.modified or "")[:100],
        last_polled=timezone.now(),
        last_error=error,
        **(
            {"name": parsed.feed.title[:200]}
            if parsed.feed.get("title") and source.name == source.address
            else {}
        ),
    )
    if error:
        summary.errors.append(f"{source.address}: {error}")
    return summary


def _store_entry(entry, source: Source, ingestor: Ingestor) -> Summary:
    raw = entry_html(entry).encode("utf-8")
    entry_id = entry.get("id") or entry.get("link") or hashlib.sha256(raw).hexdigest()
    try:
        return ingestor.ingest_bytes(
            raw, "entry.html", date_hint=_entry_date(entry), external_id=entry_id, source=source
        )
    except TooLarge as exc:
        return Summary(failed=1, errors=[str(exc)])


def entry_html(entry) -> str:
    """The entry as a small HTML document: what the reader sees, for the core's HTML reader."""
    title = escape(entry.get("title", ""))
    content = entry.get("content") or []
    body = content[0].get("value", "") if content else entry.get("summary", "")
    link = entry.get("link", "")
    more = f'<p><a href="{escape(link)}">{escape(link)}</a></p>' if link else ""
    return f"<!doctype html><html><head><title>{title}</title></head><body><h1>{title}</h1>\n{body}\n{more}</body></html>"


def _entry_date(entry) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(*parsed[:3]) if parsed else None
