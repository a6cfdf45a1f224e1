"""The ``puente`` command.

``puente extract`` is pure (no Django, no database). Every other sub-command is a Django management
command (``puente ingest``, ``puente worker``, ``puente backup``…), run with Puente's settings.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "extract":
        return extract_main(argv[1:])
    return django_main(argv)


def django_main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "puente.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["puente", *argv])
    return 0


def extract_main(argv: list[str]) -> int:
    from .extract import ReadError, extract_document
    from .extract.readers import MAX_BYTES

    p = argparse.ArgumentParser(prog="puente extract", description="Extract items from newsletters.")
    p.add_argument("paths", nargs="+", type=Path, help=".txt, .html, .eml or .mbox files")
    p.add_argument("--date", type=date.fromisoformat, help="send date (YYYY-MM-DD) for relative dates")
    p.add_argument("--timezone", default="America/Chicago", help="the publisher's IANA time zone")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument("--max-bytes", type=int, default=int(os.environ.get("PUENTE_MAX_BYTES", MAX_BYTES)))
    args = p.parse_args(argv)

    documents = []
    for path in args.paths:
        try:
            sources = _read_path(path, args.max_bytes)
        except (OSError, ReadError) as exc:
            print(f"puente extract: {_one_line(exc)}", file=sys.stderr)
            return 2
        for src in sources:
            # The CLI may read the clock (the core never does): a bare text without --date is "sent today".
            reference = args.date or (date.fromisoformat(src.date[:10]) if src.date else date.today())
            documents.append(extract_document(src, reference, args.timezone))
    if args.format == "json":
        print(json.dumps(_as_json(documents), ensure_ascii=False, indent=1))
    else:
        print(_as_text(documents))
    return 0


def _read_path(path: Path, max_bytes: int) -> list:
    from .extract import ReadError, read

    size = path.stat().st_size
    if size > max_bytes:  # refuse before reading a huge file into memory
        raise ReadError(f"{path} is {size:,} bytes; the limit is {max_bytes:,}")
    return read(path.read_bytes(), name=path.name, max_bytes=max_bytes)


def _one_line(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"
    return " ".join(str(exc).split())


def _as_json(documents) -> dict:
    if len(documents) == 1:
        return documents[0].to_dict()
    return {"documents": [d.to_dict() for d in documents]}


def _as_text(documents) -> str:
    """A summary a person can read: one block per document, one short paragraph per item."""
    blocks = [_document_text(doc) for doc in documents]
    return "\n\n".join(blocks)


def _document_text(doc) -> str:
    count = f"{len(doc.items)} item{'s' if len(doc.items) != 1 else ''}"
    lines = [f"== {doc.source or 'document'} — {count}"]
    if doc.subject:
        lines.append(f"   subject: {doc.subject}")
    lines.append(f"   sent: {doc.date} ({doc.timezone}); written in: {doc.language or 'unknown'}")
    for a in doc.attachments:
        lines.append(f"   attachment: {a.filename} ({a.content_type}, {a.size:,} bytes)")
    if not doc.items:
        lines.append("   (no items found)")
    for n, item in enumerate(doc.items, 1):
        lines.append("")
        lines.extend(_item_text(n, item, doc.timezone))
    return "\n".join(lines)


def _item_text(n: int, item, timezone: str | None) -> list[str]:
    title = item.title if len(item.title) <= 100 else item.title[:99] + "…"
    lines = [f"{n:>3}. [{item.kind}] {title}"]
    for e in item.events:
        until = f" to {e.end.replace('T', ' ')}" if e.end else ""
        zone = f" ({e.timezone})" if e.timezone and e.timezone != timezone else ""
        where = " online" if e.online else ""
        where += f" at {e.location}" if e.location else ""
        lines.append(f"       when: {(e.start or '?').replace('T', ' ')}{until}{zone}{where}")
    if item.deadline:
        lines.append(f"       deadline: {item.deadline}")
    for label, values in (
        ("phones", item.phones),
        ("e-mails", item.emails),
        ("links", item.urls),
        ("social", [h.handle for h in item.handles]),
        ("organizations", item.organizations),
        ("offered in", item.languages),
        ("topics", item.topics),
    ):
        if values:
            lines.append(f"       {label}: {', '.join(values)}")
    if item.refers_to_attachment:
        lines.append("       (refers to an attachment)")
    return lines


if __name__ == "__main__":
    sys.exit(main())
