"""Read .txt, .html, .eml and .mbox bytes into SourceDocuments. (Baseline: text only; to be replaced.)"""

from __future__ import annotations

from .model import SourceDocument

MAX_BYTES = 10 * 1024 * 1024


class ReadError(ValueError):
    """The input cannot be read: too large, undecodable, or malformed beyond repair."""


def read(data: bytes, name: str = "", max_bytes: int = MAX_BYTES) -> list[SourceDocument]:
    if len(data) > max_bytes:
        raise ReadError(f"{name or 'input'} is {len(data):,} bytes; the limit is {max_bytes:,}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{name or 'input'} is not UTF-8 text") from exc
    return [SourceDocument(text=text, source=name or None)]
