"""What the worker loop calls between tasks: queue today's digests once, reminders once an hour.

Queuing twice is harmless (every message is claimed once per period); the cache only spares work.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .tasks import send_digests, send_reminders


def enqueue_due(now: datetime | None = None) -> list[str]:
    local = timezone.localtime(now or timezone.now())
    queued = []
    if local.hour >= getattr(settings, "DIGESTS_SEND_HOUR", 7) and cache.add(
        f"digests:day:{local.date()}", 1, 86400
    ):
        send_digests.enqueue()
        queued.append("digests")
    if cache.add(f"digests:reminders:{local:%Y-%m-%dT%H}", 1, 3600):
        send_reminders.enqueue()
        queued.append("reminders")
    return queued
