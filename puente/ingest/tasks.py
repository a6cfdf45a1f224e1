"""Background work (django.tasks): polling feeds. ``puente worker`` runs and schedules them."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from puente.catalog.models import Source


@task()
def poll_feed(source_id: int) -> dict:
    from .feeds import poll

    source = Source.objects.filter(pk=source_id, kind="feed", active=True).first()
    if source is None:
        return {"skipped": True}
    summary = poll(source)
    return {"new": summary.new, "updated": summary.updated, "items": summary.items}


def is_due(source: Source, now) -> bool:
    return source.last_polled is None or source.last_polled + timedelta(minutes=source.poll_minutes) <= now


def due_feeds(now=None):
    now = now or timezone.now()
    # last_polled + poll_minutes <= now, in SQL that runs on SQLite and PostgreSQL alike.
    feeds = Source.objects.filter(kind="feed", active=True).only("pk", "poll_minutes", "last_polled")
    return Source.objects.filter(pk__in=[s.pk for s in feeds if is_due(s, now)])


def claim_due_feeds(now=None) -> list[int]:
    """Claim each due feed with a conditional UPDATE: of two workers, only one wins a feed.

    The claim moves ``last_polled`` to now, so the feed is not due again until its interval has
    passed, whether the poll then succeeds or not.
    """
    now = now or timezone.now()
    claimed = []
    for source in due_feeds(now):
        # Re-read here: another worker may have claimed it since the list was made, and then the
        # condition below would match its claim.
        if not is_due(source, now):
            continue
        still_due = (
            Q(last_polled__isnull=True) if source.last_polled is None else Q(last_polled=source.last_polled)
        )
        if Source.objects.filter(still_due, pk=source.pk).update(last_polled=now):
            claimed.append(source.pk)
    return claimed


def enqueue_due_feeds(now=None) -> list[int]:
    claimed = claim_due_feeds(now)
    for pk in claimed:
        poll_feed.enqueue(pk)
    return claimed


__all__ = ["claim_due_feeds", "enqueue_due_feeds", "poll_feed"]
