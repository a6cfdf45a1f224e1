"""The partners' inbox: unseen messages become documents, and are marked \\Seen only once stored.

If the run dies between storing and marking, the message is fetched again next time and found
unchanged by its hash: nothing is lost and nothing is doubled.
"""

from __future__ import annotations

import imaplib
import logging

from puente.lib import imapbox

from .store import Ingestor, Summary, TooLarge

log = logging.getLogger(__name__)


def fetch(url: str, ingestor: Ingestor | None = None) -> Summary:
    ingestor = ingestor or Ingestor()
    conn = imapbox.connect(url)
    summary = Summary()
    try:
        for uid, raw in imapbox.unseen(conn):
            summary += _one(conn, uid, raw, ingestor)
    finally:
        imapbox.close(conn)
    return summary


def _one(conn: imaplib.IMAP4, uid: bytes, raw: bytes | None, ingestor: Ingestor) -> Summary:
    if raw is None:
        return Summary(failed=1, errors=[f"message {uid.decode()}: could not be fetched"])
    try:
        summary = ingestor.ingest_bytes(raw, f"message-{uid.decode()}.eml")
    except TooLarge as exc:
        log.warning("message %s left unseen: %s", uid.decode(), exc)
        return Summary(failed=1, errors=[str(exc)])
    imapbox.mark_seen(conn, uid)
    return summary
