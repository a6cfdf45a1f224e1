"""Read a mailbox over IMAP: unseen messages, marked \\Seen only when the caller says it is done.

Shared by the partners' inbox (`puente ingest --imap`) and the bounce mailbox
(`puente process_bounces`): if a run dies between handling a message and marking it, the message
is read again next time, so nothing is lost.
"""

from __future__ import annotations

import imaplib
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit


def connect(url: str) -> imaplib.IMAP4:
    """imaps://user:password@host:993/INBOX (or imap:// for a server on this machine)."""
    parts = urlsplit(url)
    if parts.scheme not in ("imap", "imaps"):
        raise ValueError("an IMAP URL must start with imaps:// (or imap:// for a local server)")
    if parts.scheme == "imaps":
        conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(parts.hostname, parts.port or 993, timeout=60)
    else:
        conn = imaplib.IMAP4(parts.hostname, parts.port or 143, timeout=60)
    conn.login(unquote(parts.username or ""), unquote(parts.password or ""))
    mailbox = unquote(parts.path.strip("/")) or "INBOX"
    typ, _ = conn.select(f'"{mailbox}"')
    if typ != "OK":
        raise imaplib.IMAP4.error(f"cannot open mailbox {mailbox}")
    return conn


def unseen(conn: imaplib.IMAP4) -> Iterator[tuple[bytes, bytes | None]]:
    """(uid, raw message) for each unseen message; raw is None when it could not be fetched."""
    _, data = conn.uid("SEARCH", None, "UNSEEN")
    for uid in (data[0] or b"").split():
        # PEEK: fetching must not set \Seen; only a handled message is marked.
        typ, fetched = conn.uid("FETCH", uid, "(BODY.PEEK[])")
        raw = next((part[1] for part in fetched if isinstance(part, tuple)), None)
        yield uid, raw if typ == "OK" else None


def mark_seen(conn: imaplib.IMAP4, uid: bytes) -> None:
    conn.uid("STORE", uid, "+FLAGS", "(\\Seen)")


def close(conn: imaplib.IMAP4) -> None:
    try:
        conn.logout()
    except (imaplib.IMAP4.error, OSError):
        pass
