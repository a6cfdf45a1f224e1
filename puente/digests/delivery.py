"""Sending: claim each (person, kind, period) before sending, send a batch over one SMTP connection,
retry temporary failures with exponential backoff, and mark each message sent as soon as the server
accepted it. A crash leaves claims behind; they are taken over once their owner is gone or their lease
ran out, so nobody gets the same digest twice and nobody is skipped.
"""

from __future__ import annotations

import logging
import os
import smtplib
import socket
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import mailers
from django.db.models import Prefetch, Q
from django.utils import timezone

from puente.catalog.display import localized
from puente.catalog.models import Event, Item, Translation

from . import emails
from .models import EVENTS, Alert, Reminder, SendLog, Subscriber, worker_id

log = logging.getLogger(__name__)


def setting(name: str, default):
    return getattr(settings, name, default)


@dataclass
class Outcome:
    sent: int = 0
    failed: int = 0
    empty: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Outcome) -> None:
        self.sent, self.failed, self.empty = (
            self.sent + other.sent,
            self.failed + other.failed,
            self.empty + other.empty,
        )
        self.errors += other.errors


# --- SMTP with retries ---


def is_temporary(exc: Exception) -> bool:
    """4xx replies, dropped connections and timeouts are worth another try; 5xx are not."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return isinstance(exc, smtplib.SMTPServerDisconnected | ConnectionError | socket.timeout | TimeoutError)


def backoff(attempt: int) -> float:
    base = setting("DIGESTS_RETRY_BASE_SECONDS", 1.0)
    return min(base * 2**attempt, setting("DIGESTS_RETRY_MAX_SECONDS", 60.0))


def send_one(connection, message) -> str:
    """Send over an open connection; "" when accepted, else "temporary: …" or "permanent: …"."""
    retries = setting("DIGESTS_SMTP_RETRIES", 4)
    for attempt in range(retries + 1):
        try:
            _open_without_delay(connection)
            connection.send_messages([message])
            return ""
        except (smtplib.SMTPException, OSError) as exc:
            temporary = is_temporary(exc)
            if not temporary or attempt == retries:
                kind = "temporary" if temporary else "permanent"
                return f"{kind}: {exc.__class__.__name__}: {exc}"[:300]
            log.info(
                "temporary SMTP failure (%s); retrying in %.1fs", exc.__class__.__name__, backoff(attempt)
            )
            connection.close()
            time.sleep(backoff(attempt))
    raise AssertionError("the loop always returns")


def _open_without_delay(connection) -> None:
    """Open the SMTP connection with Nagle off: smtplib writes each command apart, and Nagle with
    delayed ACKs would cost ~40 ms per message on a batch connection."""
    if (
        not hasattr(connection, "open")
        or not connection.open()
        and getattr(connection, "connection", None) is None
    ):
        return
    sock = getattr(getattr(connection, "connection", None), "sock", None)
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def send_transactional(message) -> str:
    """One message outside any batch (confirmations): same retries, its own connection."""
    connection = mailers.default
    try:
        return send_one(connection, message)
    finally:
        connection.close()


# --- claims ---


def new_claim_token() -> str:
    return f"{worker_id()}:{uuid.uuid4().hex[:8]}"


def claim(subscriber_ids: list[int], kind: str, period: str, token: str, now: datetime) -> dict[int, SendLog]:
    """Insert-or-ignore one row per person; the rows carrying our token are ours to send."""
    SendLog.objects.bulk_create(
        [
            SendLog(subscriber_id=i, kind=kind, period=period, claimed_by=token, claimed_at=now)
            for i in subscriber_ids
        ],
        ignore_conflicts=True,
    )
    mine = SendLog.objects.filter(subscriber_id__in=subscriber_ids, kind=kind, period=period)
    reclaim(mine.exclude(claimed_by=token), token, now)
    return {row.subscriber_id: row for row in mine.filter(claimed_by=token, status=SendLog.CLAIMED)}


def reclaim(rows, token: str, now: datetime) -> int:
    """Take over claims whose worker is gone or whose lease ran out, and retryable failures.

    The UPDATE's WHERE is re-checked under the row lock, so two workers never take the same row.
    """
    lease = now - timedelta(seconds=setting("DIGESTS_CLAIM_LEASE_SECONDS", 900))
    stale = rows.filter(status=SendLog.CLAIMED).filter(
        Q(claimed_at__lt=lease) | Q(claimed_by__in=dead_owners(rows))
    )
    retry = rows.filter(
        status=SendLog.FAILED, attempts__lt=setting("DIGESTS_MAX_ATTEMPTS", 3), error__startswith="temporary"
    )
    taken = stale.update(claimed_by=token, claimed_at=now)
    return taken + retry.update(claimed_by=token, claimed_at=now, status=SendLog.CLAIMED)


def dead_owners(rows) -> list[str]:
    """Claims made on this host by a process that no longer exists."""
    host = socket.gethostname()
    owners = set(rows.filter(status=SendLog.CLAIMED).values_list("claimed_by", flat=True))
    return [owner for owner in owners if _is_dead_local(owner, host)]


def _is_dead_local(owner: str, host: str) -> bool:
    name, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if name != host or not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return _is_zombie(int(pid))


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


def mark(row: SendLog, error: str, now: datetime) -> None:
    if not error:
        SendLog.objects.filter(pk=row.pk).update(status=SendLog.SENT, sent_at=now, error="")
        return
    SendLog.objects.filter(pk=row.pk).update(status=SendLog.FAILED, attempts=row.attempts + 1, error=error)


def deliver(pairs: list[tuple[SendLog, object]], now: datetime) -> Outcome:
    """One SMTP connection for the batch; each message is marked the moment it was accepted."""
    outcome = Outcome()
    if not pairs:
        return outcome
    connection = mailers.default
    try:
        for row, message in pairs:
            error = send_one(connection, message)
            mark(row, error, timezone.now())
            if error:
                outcome.failed += 1
                outcome.errors.append(error)
            else:
                outcome.sent += 1
    finally:
        connection.close()
    return outcome


# --- digests ---


def period_of(rhythm: str, now: datetime) -> str:
    local = timezone.localtime(now)
    if rhythm == Subscriber.DAILY:
        return local.date().isoformat()
    year, week, _ = local.isocalendar()
    return f"{year}-W{week:02d}"


def default_since(rhythm: str, now: datetime) -> datetime:
    return now - (timedelta(days=1) if rhythm == Subscriber.DAILY else timedelta(days=7))


class ItemCache:
    """Subscribers who follow the same topics since the same moment read the same items."""

    def __init__(self, now: datetime, limit: int = 25):
        self.now, self.limit, self._cache = now, limit, {}

    def items(self, topics: list[str], since: datetime) -> list[Item]:
        key = (tuple(sorted(topics)), since)
        if key not in self._cache:
            self._cache[key] = list(self._query(topics, since)[: self.limit])
        return self._cache[key]

    def _query(self, topics: list[str], since: datetime):
        wanted = Q(topics__slug__in=[t for t in topics if t != EVENTS])
        if EVENTS in topics:
            wanted |= Q(kind="event")
        ids = (
            Item.objects.published()
            .filter(wanted, published_at__gt=since, published_at__lte=self.now)
            .values("pk")
        )
        return (
            Item.objects.published()
            .filter(pk__in=ids)
            .select_related("organization")
            .prefetch_related(Prefetch("translations", queryset=Translation.objects.all()))
            .order_by("-published_at")
        )


def run_digests(rhythm: str, now: datetime | None = None, batch_size: int | None = None) -> Outcome:
    now = now or timezone.now()
    batch_size = batch_size or setting("DIGESTS_BATCH_SIZE", 200)
    period, cache, outcome, last, renders = period_of(rhythm, now), ItemCache(now), Outcome(), 0, {}
    base = Subscriber.objects.deliverable().filter(rhythm=rhythm).order_by("pk")
    while ids := list(base.filter(pk__gt=last).values_list("pk", flat=True)[:batch_size]):
        last = ids[-1]
        outcome.add(digest_batch(ids, period, rhythm, cache, now, renders))
    return outcome


def digest_entries(items: list[Item], language: str) -> list[tuple]:
    return [(item, localized(item, language), emails.item_url(item, language)) for item in items]


def digest_batch(
    ids: list[int], period: str, rhythm: str, cache: ItemCache, now: datetime, renders: dict | None = None
) -> Outcome:
    claims = claim(ids, SendLog.DIGEST, period, new_claim_token(), now)
    renders = {} if renders is None else renders
    pairs, empty = [], []
    for subscriber in Subscriber.objects.filter(pk__in=claims):
        since = subscriber.last_digest_at or default_since(rhythm, now)
        items = cache.items(subscriber.topics, since)
        if not items:
            empty.append(claims[subscriber.pk].pk)
            continue
        key = (subscriber.language, tuple(sorted(subscriber.topics)), since)
        entries = None if key in renders else digest_entries(items, subscriber.language)
        pairs.append((claims[subscriber.pk], emails.digest(subscriber, entries, since, renders, key)))
    SendLog.objects.filter(pk__in=empty).update(status=SendLog.EMPTY, sent_at=now)
    outcome = deliver(pairs, now)
    sent = [row.subscriber_id for row, _ in pairs]
    delivered = SendLog.objects.filter(kind=SendLog.DIGEST, period=period, status=SendLog.SENT)
    Subscriber.objects.filter(pk__in=sent).filter(pk__in=delivered.values("subscriber_id")).update(
        last_digest_at=now
    )
    outcome.empty = len(empty)
    return outcome


# --- urgent alerts ---


def run_alert(item_id: int, batch_size: int | None = None) -> Outcome:
    item = (
        Item.objects.urgent()
        .select_related("organization")
        .prefetch_related("translations")
        .filter(pk=item_id)
        .first()
    )
    outcome = Outcome()
    if item is None:  # unpublished or no longer urgent before we got to it
        return outcome
    now, last, period = timezone.now(), 0, f"item-{item_id}"
    base = Subscriber.objects.deliverable().filter(alerts=True).order_by("pk")
    while ids := list(
        base.filter(pk__gt=last).values_list("pk", flat=True)[
            : batch_size or setting("DIGESTS_BATCH_SIZE", 200)
        ]
    ):
        last = ids[-1]
        claims = claim(ids, SendLog.ALERT, period, new_claim_token(), now)
        pairs = [
            (claims[s.pk], emails.alert(s, item, localized(item, s.language)))
            for s in Subscriber.objects.filter(pk__in=claims)
        ]
        outcome.add(deliver(pairs, now))
    Alert.objects.filter(item_id=item_id).update(finished_at=timezone.now())
    return outcome


# --- event reminders ---


def due_reminders(now: datetime):
    soon = Event.objects.published().filter(start__gt=now, start__lte=now + timedelta(days=1)).values("pk")
    return Reminder.objects.filter(event__in=soon)


def run_reminders(now: datetime | None = None) -> Outcome:
    now, token, outcome = now or timezone.now(), new_claim_token(), Outcome()
    lease = now - timedelta(seconds=setting("DIGESTS_CLAIM_LEASE_SECONDS", 900))
    due = due_reminders(now)
    due.filter(status=Reminder.CONFIRMED).update(status=Reminder.CLAIMED, claimed_by=token, claimed_at=now)
    due.filter(status=Reminder.CLAIMED, claimed_at__lt=lease).update(claimed_by=token, claimed_at=now)
    mine = list(
        Reminder.objects.filter(claimed_by=token, status=Reminder.CLAIMED).select_related("event__item")
    )
    if not mine:
        return outcome
    connection = mailers.default
    try:
        for reminder in mine:
            error = send_one(
                connection, emails.reminder(reminder, localized(reminder.event.item, reminder.language))
            )
            status = Reminder.FAILED if error else Reminder.SENT
            Reminder.objects.filter(pk=reminder.pk).update(status=status, sent_at=timezone.now())
            outcome.sent, outcome.failed = outcome.sent + (not error), outcome.failed + bool(error)
    finally:
        connection.close()
    return outcome
