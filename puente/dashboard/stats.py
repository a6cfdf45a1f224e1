"""The numbers behind the dashboard: counts only, never who did what."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate, TruncWeek
from django.utils import timezone

from puente.catalog.models import KIND_CHOICES, Document, Item
from puente.digests.models import Bounce, SendLog, Subscriber

WEEKS, DAYS, TOP_SOURCES = 12, 30, 5


def documents_per_week(now: datetime) -> tuple[list[str], list[str], list[list[int]]]:
    start = timezone.localtime(now).date() - timedelta(weeks=WEEKS)
    start -= timedelta(days=start.weekday())
    rows = (
        Document.objects.filter(received_at__date__gte=start)
        .annotate(week=TruncWeek("received_at"))
        .values("week", "source__name")
        .annotate(n=Count("id"))
    )
    totals = Counter()
    for r in rows:
        totals[r["source__name"]] += r["n"]
    sources = [name for name, _ in totals.most_common(TOP_SOURCES)]
    other = len(totals) > TOP_SOURCES
    series = sources + (["…"] if other else [])
    weeks = [start + timedelta(weeks=n) for n in range(WEEKS + 1)]
    table = {w: [0] * len(series) for w in weeks}
    for r in rows:
        week = r["week"].date() if hasattr(r["week"], "date") else r["week"]
        if week in table:
            column = sources.index(r["source__name"]) if r["source__name"] in sources else len(series) - 1
            table[week][column] += r["n"]
    return [w.isoformat() for w in weeks], series, [table[w] for w in weeks]


def items_by_kind_and_status() -> tuple[list[str], list[str], list[list[int]]]:
    statuses = [s for s, _ in Item.STATUS_CHOICES]
    counts = {
        (r["kind"], r["status"]): r["n"]
        for r in Item.objects.values("kind", "status").annotate(n=Count("id"))
    }
    kinds = [k for k, _ in KIND_CHOICES]
    return (
        [str(label) for _, label in KIND_CHOICES],
        [str(label) for _, label in Item.STATUS_CHOICES],
        [[counts.get((k, s), 0) for s in statuses] for k in kinds],
    )


BACKLOG_BUCKETS = [(0, 1), (1, 3), (3, 7), (7, 14), (14, 30), (30, None)]


def backlog_ages(now: datetime) -> list[int]:
    """Drafts waiting for review, by age in days, in one query."""
    aggregates = {}
    for low, high in BACKLOG_BUCKETS:
        condition = Q(created__lte=now - timedelta(days=low))
        if high is not None:
            condition &= Q(created__gt=now - timedelta(days=high))
        aggregates[f"b{low}"] = Count("id", filter=condition)
    result = Item.objects.awaiting_review().aggregate(**aggregates)
    return [result[f"b{low}"] for low, _ in BACKLOG_BUCKETS]


def subscribers_by_language() -> list[tuple[str, int]]:
    rows = Subscriber.objects.deliverable().values("language").annotate(n=Count("id")).order_by("-n")
    return [(r["language"], r["n"]) for r in rows]


def subscribers_by_topic() -> list[tuple[str, int]]:
    counts = Counter()
    for topics in Subscriber.objects.deliverable().values_list("topics", flat=True).iterator(chunk_size=2000):
        counts.update(topics)
    return counts.most_common()


def sends_per_day(now: datetime) -> tuple[list[str], list[list[int]]]:
    """Per day: digests and alerts sent, sends that failed, bounces read."""
    start = timezone.localtime(now).date() - timedelta(days=DAYS - 1)
    days = [start + timedelta(days=n) for n in range(DAYS)]
    table = {d: [0, 0, 0] for d in days}
    sends = (
        SendLog.objects.filter(claimed_at__date__gte=start, status__in=[SendLog.SENT, SendLog.FAILED])
        .annotate(day=TruncDate("claimed_at"))
        .values("day", "status")
        .annotate(n=Count("id"))
    )
    for r in sends:
        if r["day"] in table:
            table[r["day"]][0 if r["status"] == SendLog.SENT else 1] += r["n"]
    for r in (
        Bounce.objects.filter(at__date__gte=start)
        .annotate(day=TruncDate("at"))
        .values("day")
        .annotate(n=Count("id"))
    ):
        if r["day"] in table:
            table[r["day"]][2] += r["n"]
    return [d.isoformat() for d in days], [table[d] for d in days]


def missed_searches(now: datetime, limit: int = 15) -> list[tuple[str, int]] | None:
    """None until the search app records them."""
    try:
        from puente.search.models import MissedSearch
    except ImportError:
        return None
    since = timezone.localtime(now).date() - timedelta(days=DAYS)
    rows = (
        MissedSearch.objects.filter(day__gte=since)
        .values("words")
        .annotate(total=Sum("count"))
        .order_by("-total", "words")
    )
    return [(r["words"], r["total"]) for r in rows[:limit]]
