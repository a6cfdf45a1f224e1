"""Read .txt, .html, .eml and .mbox bytes into SourceDocuments.

The format comes from the file name when it says one, else from the content. Readers take bytes
and never touch the disk; the caller (the CLI, the ingest app) does the file I/O.
"""

from __future__ import annotations

import codecs
import re

from . import mail
from .html import html_to_text
from .model import SourceDocument

MAX_BYTES = 10 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
# codecs in which those characters are exactly those bytes, one byte each (no other byte sequence
# decodes to them): their count in the bytes is their count in the text
_BYTE_TRANSPARENT = frozenset({"utf-8", "utf8", "cp1252", "windows-1252", "ascii", "us-ascii"})
_SAMPLE = 65536  # characters of a decoded text tested for control characters
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_EXTENSIONS = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html",
               ".xhtml": "html", ".eml": "email", ".mbox": "mbox", ".mbx": "mbox"}  # fmt: skip


# File types people drop on Puente by mistake, named in the error instead of "not text".
_MAGIC = (
    (b"%PDF-", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (Word, Excel or similar)"), (b"\xd0\xcf\x11\xe0", "an Office document"),
)  # fmt: skip


class ReadError(ValueError):
    """The input cannot be read: too large, undecodable, or malformed beyond repair."""


def read(data: bytes, name: str = "", max_bytes: int = MAX_BYTES) -> list[SourceDocument]:
    """Every document in ``data``: one for a text, page or message, one per message of a mailbox."""
    label = name or "input"
    _refuse_unreadable(data, label, max_bytes)
    kind = detect(data, name)
    if kind in ("mbox", "email"):
        return _read_mail(data, name, label, kind)
    text = decode(data, label, _declared_charset(data) if kind == "html" else None)
    if kind == "html":
        body, title = html_to_text(text)
        return [SourceDocument(text=body, source=name or None, subject=title, format="html", html=text)]
    return [SourceDocument(text=text, source=name or None)]


def _refuse_unreadable(data: bytes, label: str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise ReadError(f"{label} is {len(data):,} bytes; the limit is {max_bytes:,}")
    if not data.strip():
        raise ReadError(f"{label} is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(f"{label} is not text: it is {what}; Puente reads text, HTML, e-mail and mbox")


def _read_mail(data: bytes, name: str, label: str, kind: str) -> list[SourceDocument]:
    try:
        if kind == "mbox":
            return _read_mbox(data, label)
        _require_text(data, label)
        return [mail.read_message(data, name, decode_lenient)]
    except mail.TooDeep as exc:
        raise ReadError(f"{label}: {exc}") from exc


def detect(data: bytes, name: str = "") -> str:
    """text | html | email | mbox: by the name's extension when it has a known one, else by content."""
    dot = name.rfind(".")
    by_name = _EXTENSIONS.get(name[dot:].casefold()) if dot > 0 else None
    if by_name:
        return by_name
    head = _ascii_view(data[:8192])
    if mail.looks_like_mbox(head):
        return "mbox"
    if mail.looks_like_message(head):
        return "email"
    if _HTML_START.match(head):
        return "html"
    return "text"


def decode(data: bytes, label: str = "input", charset: str | None = None) -> str:
    """Bytes to text: a BOM wins, then a declared charset, then UTF-8, then Windows-1252."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReadError(f"{label} is not text (broken {codec.upper()})") from exc
    codec16 = _bomless_utf16(data)
    if codec16:
        return decode(data.decode(codec16, errors="replace").encode("utf-8"), label)
    _require_text(data, label)
    for codec in (charset, "utf-8", "cp1252"):
        if not codec:
            continue
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if _mostly_text(text, data if codec.lower() in _BYTE_TRANSPARENT else None):
            return text
    raise ReadError(f"{label} is not text (binary or unknown encoding)")


def decode_lenient(data: bytes, charset: str | None = None) -> str:
    """For a message part: never fails, since one bad part should not lose the whole message."""
    for codec in (charset, "utf-8", "cp1252"):
        if not codec:
            continue
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


def _bomless_utf16(data: bytes) -> str | None:
    # ASCII-range text in UTF-16 without a BOM: every other byte is NUL, and only those.
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) > 0.6 * len(zeros) and other.count(0) == 0:
            return codec
    return None


def _require_text(data: bytes, label: str) -> None:
    if b"\x00" in data:
        raise ReadError(f"{label} is not text (it contains NUL bytes: binary data?)")


def _mostly_text(text: str, data: bytes | None = None) -> bool:
    # Random bytes that happen to decode as cp1252 are full of control characters; prose is not.
    sample = text[:_SAMPLE]
    limit = max(2, len(sample) // 200)
    if data is not None:
        # Counted in the bytes the text came from (a C loop, several times cheaper than the pattern):
        # the sample's characters lie in its first 4 bytes a character, so no more controls than
        # there are in those bytes stand in it. Only an excess needs the exact count.
        head = data[: 4 * _SAMPLE]
        if len(head) - len(head.translate(None, _CONTROL_BYTES)) <= limit:
            return True
    return len(_CONTROL.findall(sample)) <= limit


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _ascii_view(head: bytes) -> bytes:
    # UTF-16 text sniffed as bytes would hide its markup behind NULs.
    for bom, codec in _BOMS:
        if head.startswith(bom):
            try:
                return head.decode(codec, errors="ignore").encode("utf-8")
            except LookupError:
                break
    return head


def _read_mbox(data: bytes, label: str) -> list[SourceDocument]:
    _require_text(data, label)
    docs = []
    for chunk in mail.split_mbox(data):
        if not chunk.strip():
            continue
        try:
            docs.append(mail.read_message(chunk, "", decode_lenient))
        except mail.TooDeep:
            continue  # one hostile message should not hide the rest of the mailbox
    if not docs:
        raise ReadError(f"{label} holds no messages")
    return docs
