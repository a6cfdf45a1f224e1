"""Background work (run by ``puente worker``): confirmations, digests, urgent alerts, reminders."""

from __future__ import annotations

import logging

from django.tasks import task

from puente.catalog.display import localized
from puente.catalog.models import Event

from . import delivery, emails
from .models import Subscriber

log = logging.getLogger(__name__)


@task
def deliver_subscription_request(email: str, language: str, topics: list[str], rhythm: str) -> str:
    """Confirm a new address, or tell a subscribed one how to manage it: the page said the same."""
    existing = Subscriber.objects.filter(
        email=email, status=Subscriber.ACTIVE, confirmed_at__isnull=False
    ).first()
    if existing is not None:
        message = emails.already_subscribed(existing)
    else:
        message = emails.confirm(email, language, topics, rhythm)
    return delivery.send_transactional(message)


@task
def deliver_reminder_request(email: str, event_id: int, language: str) -> str:
    event = Event.objects.published().select_related("item").filter(pk=event_id).first()
    if event is None:
        return "event gone"
    return delivery.send_transactional(
        emails.reminder_confirm(email, event, language, localized(event.item, language))
    )


@task
def send_alert(item_id: int) -> dict:
    return vars(delivery.run_alert(item_id))


@task
def send_digests() -> dict:
    """What the worker's schedule runs; ``puente send_digests`` does the same from cron."""
    return run_all()


@task
def send_reminders() -> dict:
    return vars(delivery.run_reminders())


def run_all() -> dict:
    outcome = delivery.Outcome()
    for rhythm in (Subscriber.DAILY, Subscriber.WEEKLY):
        outcome.add(delivery.run_digests(rhythm))
    outcome.add(delivery.run_reminders())
    return {"sent": outcome.sent, "failed": outcome.failed, "empty": outcome.empty}
