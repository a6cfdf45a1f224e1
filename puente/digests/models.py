"""Subscribers, what was sent to them, urgent alerts, event reminders and bounces.

Nobody is stored before they confirm: the confirmation link itself carries the choices, so an
address typed by someone else never lands in the database.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Topics a resident can follow: the catalogue's needs plus events and urgent alerts.
EVENTS, URGENT = "events", "urgent"


def topic_choices() -> list[tuple[str, object]]:
    from puente.catalog.topics import NEEDS, TOPICS

    return [(slug, TOPICS[slug]) for slug in NEEDS if slug in TOPICS] + [
        (EVENTS, _("Events")),
        (URGENT, _("Urgent alerts")),
    ]


class SubscriberQuerySet(models.QuerySet):
    def deliverable(self):
        """Confirmed, still subscribed, and not bouncing."""
        return self.filter(status=Subscriber.ACTIVE, confirmed_at__isnull=False)


class Subscriber(models.Model):
    DAILY, WEEKLY, NEVER = "daily", "weekly", "never"
    RHYTHM_CHOICES = [
        (DAILY, _("Daily digest")),
        (WEEKLY, _("Weekly digest")),
        (NEVER, _("No digest, urgent alerts only")),
    ]
    ACTIVE, UNSUBSCRIBED, FAILING = "active", "unsubscribed", "failing"
    STATUS_CHOICES = [
        (ACTIVE, pgettext_lazy("subscriber status", "active")),
        (UNSUBSCRIBED, pgettext_lazy("subscriber status", "unsubscribed")),
        (FAILING, pgettext_lazy("subscriber status", "failing (bounces)")),
    ]

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    topics = models.JSONField(_("topics"), default=list, blank=True)
    # Kept beside ``topics`` because JSON "contains" lookups are not portable to SQLite.
    alerts = models.BooleanField(_("urgent alerts"), default=False, db_index=True)
    rhythm = models.CharField(_("rhythm"), max_length=8, choices=RHYTHM_CHOICES, default=WEEKLY)
    status = models.CharField(_("status"), max_length=14, choices=STATUS_CHOICES, default=ACTIVE)
    # Rotated on unsubscribe so old links stop working.
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    hard_bounces = models.PositiveSmallIntegerField(default=0)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        indexes = [models.Index(fields=["status", "rhythm"])]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self) -> str:
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalize_email(self.email)
        self.alerts = URGENT in (self.topics or [])
        super().save(*args, **kwargs)

    def unsubscribe(self) -> None:
        """Stop everything at once; a new token makes every old link and header inert."""
        self.status, self.unsubscribed_at, self.token = Subscriber.UNSUBSCRIBED, timezone.now(), uuid.uuid4()
        self.save(update_fields=["status", "unsubscribed_at", "token"])

    @property
    def content_topics(self) -> list[str]:
        return [t for t in self.topics if t not in (EVENTS, URGENT)]


def normalize_email(address: str) -> str:
    """One person, one row: mailbox names are case-insensitive in practice."""
    return (address or "").strip().lower()


class SendLog(models.Model):
    """One message to one person for one period, claimed before sending so it goes out once."""

    CLAIMED, SENT, FAILED, EMPTY = "claimed", "sent", "failed", "empty"
    STATUS_CHOICES = [
        (CLAIMED, _("being sent")),
        (SENT, _("sent")),
        (FAILED, _("failed")),
        (EMPTY, _("nothing to send")),
    ]
    DIGEST, ALERT = "digest", "alert"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="sends")
    kind = models.CharField(max_length=10)
    period = models.CharField(max_length=40)  # "2026-11-25", "2026-W48", "item-12"
    status = models.CharField(max_length=8, choices=STATUS_CHOICES, default=CLAIMED, db_index=True)
    claimed_by = models.CharField(max_length=100, blank=True)
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "kind", "period"], name="one_send_per_period")
        ]
        verbose_name = _("sent message")
        verbose_name_plural = _("sent messages")

    def __str__(self) -> str:
        return f"{self.kind} {self.period} → {self.subscriber_id} ({self.status})"


class Alert(models.Model):
    """An urgent item queued for sending; one row per item so saving it twice alerts once."""

    item = models.OneToOneField("catalog.Item", on_delete=models.CASCADE, related_name="alert")
    created = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"alert for item {self.item_id}"


class Reminder(models.Model):
    """Someone asked to be reminded of one event the day before; stored once they confirmed."""

    CONFIRMED, CLAIMED, SENT, FAILED = "confirmed", "claimed", "sent", "failed"
    email = models.EmailField(_("e-mail"))
    event = models.ForeignKey("catalog.Event", on_delete=models.CASCADE, related_name="reminders")
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(max_length=9, default=CONFIRMED, db_index=True)
    created = models.DateTimeField(default=timezone.now)
    claimed_by = models.CharField(max_length=100, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["email", "event"], name="one_reminder_per_event")]
        verbose_name = _("event reminder")
        verbose_name_plural = _("event reminders")

    def __str__(self) -> str:
        return f"reminder {self.event_id} → {self.email}"


class Bounce(models.Model):
    """A delivery status notification we read; counted per day on the dashboard."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    subscriber = models.ForeignKey(
        Subscriber, null=True, blank=True, on_delete=models.CASCADE, related_name="bounces"
    )
    status = models.CharField(max_length=12)  # the DSN status code, e.g. 5.1.1
    hard = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("bounce")
        verbose_name_plural = _("bounces")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.status}"


def worker_id() -> str:
    import os
    import socket

    return f"{socket.gethostname()}:{os.getpid()}"
