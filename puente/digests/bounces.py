"""Reading delivery status notifications (RFC 3464): repeated hard bounces stop mail to an address.

The same mailbox receives mails to the List-Unsubscribe mailto: address; those unsubscribe at once.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F

from puente.lib import imapbox

from .models import Bounce, Subscriber, normalize_email


@dataclass(frozen=True)
class Failure:
    recipient: str
    status: str  # "5.1.1"
    hard: bool


def failures(raw: bytes) -> list[Failure]:
    """The failed recipients a DSN reports; [] for anything that is not a DSN."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if message.get_content_type() != "multipart/report":
        return []
    found = []
    for part in message.walk():
        if part.get_content_type() == "message/delivery-status":
            found += [f for f in map(_failure, _recipient_blocks(part)) if f]
    return found


def _recipient_blocks(part) -> Iterator[dict]:
    """message/delivery-status is one per-message block then one block per recipient."""
    payload = part.get_payload()
    blocks = payload if isinstance(payload, list) else []
    for block in blocks[1:]:
        yield {k.lower(): str(v) for k, v in block.items()}


def _failure(fields: dict) -> Failure | None:
    if fields.get("action", "").strip().lower() != "failed":
        return None
    recipient = fields.get("final-recipient") or fields.get("original-recipient") or ""
    address = recipient.split(";", 1)[-1].strip()
    status = fields.get("status", "").strip().split()[0] if fields.get("status") else ""
    return Failure(normalize_email(address), status, status.startswith("5"))


def record(failure: Failure) -> Subscriber | None:
    """Count a bounce; the third hard one marks the address failing so nothing more is sent."""
    subscriber = Subscriber.objects.filter(email=failure.recipient).first()
    Bounce.objects.create(subscriber=subscriber, status=failure.status[:12], hard=failure.hard)
    if subscriber is None or not failure.hard:
        return subscriber
    Subscriber.objects.filter(pk=subscriber.pk).update(hard_bounces=F("hard_bounces") + 1)
    limit = getattr(settings, "DIGESTS_HARD_BOUNCE_LIMIT", 3)
    Subscriber.objects.filter(pk=subscriber.pk, hard_bounces__gte=limit, status=Subscriber.ACTIVE).update(
        status=Subscriber.FAILING
    )
    subscriber.refresh_from_db()
    return subscriber


def unsubscribe_request(raw: bytes) -> bool:
    """A mail to the List-Unsubscribe mailto: address, "unsubscribe TOKEN" in its subject."""
    from .tokens import UNSUBSCRIBE_SALT, read_subscriber_token

    subject = str(email.message_from_bytes(raw, policy=email.policy.default).get("Subject", ""))
    words = subject.split()
    if len(words) < 2 or words[-2].lower() != "unsubscribe":
        return False
    subscriber = read_subscriber_token(words[-1], UNSUBSCRIBE_SALT)
    if subscriber is not None:
        subscriber.unsubscribe()
    return subscriber is not None


def process(raw: bytes) -> int:
    if unsubscribe_request(raw):
        return 0
    found = failures(raw)
    for failure in found:
        record(failure)
    return len(found)


def from_mailbox(url: str) -> int:
    """Process the bounce mailbox's unseen reports; each is marked \\Seen only once recorded."""
    count, conn = 0, imapbox.connect(url)
    try:
        for uid, raw in imapbox.unseen(conn):
            if raw is not None:
                count += process(raw)
                imapbox.mark_seen(conn, uid)
    finally:
        imapbox.close(conn)
    return count
