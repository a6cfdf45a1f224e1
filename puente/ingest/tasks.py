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


def due_feeds(now=None):
    now = now or timezone.now()
    # last_polled + poll_minutes <= now, in SQL that runs on SQLite and PostgreSQL alike.
    due = [
        s.pk
        for s in Source.objects.filter(kind="feed", active=True).only("pk", "poll_minutes", "last_polled")
        if s.last_polled is None or s.last_polled + timedelta(minutes=s.poll_minutes) <= now
    ]
    return Source.objects.filter(pk__in=due)


def claim_due_feeds(now=None) -> list[int]:
    """Claim each due feed with a conditional UPDATE: of two workers, only one wins a feed.

    The claim moves ``last_polled`` to now, so the feed is not due again until its interval has
    passed, whether the poll then succeeds or not.
    """
    now = now or timezone.now()
    claimed = []
    for source in due_feeds(now):
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
