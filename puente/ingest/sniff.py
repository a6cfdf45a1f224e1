"""What a file really is, from its first bytes: the name and the sender's claimed type lie.

Only types a reader can safely open are accepted; executables and anything unknown are refused.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
OFFICE = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ppt/": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "text/plain": ".txt",
    "application/zip": ".zip",
    OFFICE["word/"]: ".docx",
    OFFICE["xl/"]: ".xlsx",
    OFFICE["ppt/"]: ".pptx",
}
# Bytes that never start a document we keep: Windows/ELF/Mach-O executables, scripts.
EXECUTABLE = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa\xce", b"\xca\xfe\xba\xbe", b"#!")


def sniff(data: bytes) -> str | None:
    """The MIME type the bytes prove, or None when they are refused (executable or unknown)."""
    if not data or data.startswith(EXECUTABLE):
        return None
    for magic, mime in SIGNATURES:
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    return "text/plain" if _is_text(data) else None


def _zip_kind(data: bytes) -> str | None:
    try:
        names = zipfile.ZipFile(BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError):
        return None
    # A zip that carries programs is refused like the programs themselves.
    if any(
        n.lower().endswith((".exe", ".dll", ".bat", ".cmd", ".scr", ".js", ".vbs", ".msi")) for n in names
    ):
        return None
    for prefix, mime in OFFICE.items():
        if any(n.startswith(prefix) for n in names):
            return mime
    return "application/zip"


def _is_text(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the sample's end is still text.
        return exc.start >= len(sample) - 3
    return True


def safe_filename(name: str, mime: str) -> str:
    """A download name that keeps the sender's words but the extension the content proves."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.rsplit(".", 1)[0] if "." in base.strip(".") else base
    stem = "".join(c for c in stem if c.isalnum() or c in " -_()")[:80].strip()
    return f"{stem or 'attachment'}{EXTENSIONS.get(mime, '')}"
