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
    from .extract import ReadError, extract_document, read
    from .extract.readers import MAX_BYTES

    p = argparse.ArgumentParser(prog="puente extract", description="Extract items from newsletters.")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--date", type=date.fromisoformat, help="send date (YYYY-MM-DD) for relative dates")
    p.add_argument("--timezone", default="America/Chicago", help="the publisher's IANA time zone")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument("--max-bytes", type=int, default=int(os.environ.get("PUENTE_MAX_BYTES", MAX_BYTES)))
    args = p.parse_args(argv)

    documents = []
    for path in args.paths:
        try:
            size = path.stat().st_size
            if size > args.max_bytes:
                raise ReadError(f"{path} is {size:,} bytes; the limit is {args.max_bytes:,}")
            sources = read(path.read_bytes(), name=path.name, max_bytes=args.max_bytes)
        except (OSError, ReadError) as exc:
            print(f"puente extract: {exc}", file=sys.stderr)
            return 2
        for src in sources:
            reference = args.date or (date.fromisoformat(src.date[:10]) if src.date else date.today())
            doc = extract_document(src, reference, args.timezone)
            documents.append(doc if src.source else doc)
    if args.format == "json":
        print(json.dumps(_as_json(documents), ensure_ascii=False, indent=1))
    else:
        print(_as_text(documents))
    return 0


def _as_json(documents) -> dict:
    if len(documents) == 1:
        return documents[0].to_dict()
    return {"documents": [d.to_dict() for d in documents]}


def _as_text(documents) -> str:
    lines = []
    for doc in documents:
        lines.append(f"== {doc.source or 'document'} ({doc.date}, {doc.timezone}) — {len(doc.items)} items")
        for a in doc.attachments:
            lines.append(f"   attachment: {a.filename} ({a.content_type}, {a.size:,} bytes)")
        for n, item in enumerate(doc.items, 1):
            lines.append(f"\n{n:>3}. [{item.kind}] {item.title}")
            for e in item.events:
                where = " online" if e.online else ""
                where += f" at {e.location}" if e.location else ""
                until = f" – {e.end}" if e.end else ""
                lines.append(f"      when: {e.start}{until}{where}")
            for label, values in (
                ("phones", item.phones),
                ("emails", item.emails),
                ("links", item.urls),
                ("orgs", item.organizations),
                ("offered in", item.languages),
            ):
                if values:
                    lines.append(f"      {label}: {', '.join(values)}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
