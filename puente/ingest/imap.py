"""The partners' inbox: unseen messages become documents, and are marked \\Seen only once stored.

If the run dies between storing and marking, the message is fetched again next time and found
unchanged by its hash: nothing is lost and nothing is doubled.
"""

from __future__ import annotations

import imaplib
import logging
from urllib.parse import unquote, urlsplit

from .store import Ingestor, Summary, TooLarge

log = logging.getLogger(__name__)


def connect(url: str) -> imaplib.IMAP4:
    """imaps://user:password@host:993/INBOX (or imap:// for a server on this machine)."""
    parts = urlsplit(url)
    if parts.scheme not in ("imap", "imaps"):
        raise ValueError("IMAP_URL must start with imaps:// (or imap:// for a local server)")
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


def fetch(url: str, ingestor: Ingestor | None = None) -> Summary:
    ingestor = ingestor or Ingestor()
    conn = connect(url)
    summary = Summary()
    try:
        _, data = conn.uid("SEARCH", None, "UNSEEN")
        for uid in (data[0] or b"").split():
            summary += _one(conn, uid, ingestor)
    finally:
        try:
            conn.logout()
        except (imaplib.IMAP4.error, OSError):
            pass
    return summary


def _one(conn: imaplib.IMAP4, uid: bytes, ingestor: Ingestor) -> Summary:
    # PEEK: fetching must not set \Seen; only a stored message is marked.
    typ, data = conn.uid("FETCH", uid, "(BODY.PEEK[])")
    raw = next((part[1] for part in data if isinstance(part, tuple)), None)
    if typ != "OK" or raw is None:
        return Summary(failed=1, errors=[f"message {uid.decode()}: could not be fetched"])
    try:
        summary = ingestor.ingest_bytes(raw, f"message-{uid.decode()}.eml")
    except TooLarge as exc:
        log.warning("message %s left unseen: %s", uid.decode(), exc)
        return Summary(failed=1, errors=[str(exc)])
    conn.uid("STORE", uid, "+FLAGS", "(\\Seen)")
    return summary
