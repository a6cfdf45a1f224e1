"""Test helpers shared by the delivery apps: a real SMTP server and small factories."""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
from datetime import timedelta

from aiosmtpd.controller import Controller
from django.utils import timezone


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    """An aiosmtpd handler that keeps what it accepts; can refuse with 4xx/5xx first."""

    def __init__(self, delay: float = 0.0):
        self.raw: list[bytes] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refusals: list[str | None] = []  # one reply per message; None accepts
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        reply = self.refusals.pop(0) if self.refusals else None
        if reply:
            return reply
        if self.delay:
            await asyncio.sleep(self.delay)
        self.raw.append(envelope.original_content or envelope.content)
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted"

    @property
    def messages(self) -> list:
        return [email.message_from_bytes(r, policy=email.policy.default) for r in self.raw]

    def to(self, address: str) -> list:
        return [m for m in self.messages if address in str(m["To"])]


def start_sink(handler=None) -> tuple[Controller, Sink]:
    handler = handler or Sink()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    return controller, handler


def readers_seed(people: int) -> str:
    """Code for ``puente shell -c`` in a subprocess: one published legal item and ``people`` confirmed
    daily subscribers to legal help, all due a digest."""
    return f"""
from datetime import timedelta
from django.utils import timezone
from puente.catalog.models import Item, Topic
from puente.digests.models import Subscriber
topic, _ = Topic.objects.get_or_create(slug="legal", defaults={{"name": "Legal help"}})
item = Item.objects.create(title="Free legal clinic", body="Saturday.", status="published",
                           published_at=timezone.now() - timedelta(hours=1))
item.topics.add(topic)
Subscriber.objects.bulk_create([Subscriber(email=f"p{{n}}@example.net", topics=["legal"], rhythm="daily",
                                           confirmed_at=timezone.now()) for n in range({people})])
"""


def parts(message) -> tuple[str, str]:
    """(text, html) of a received message."""
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    return text, html


def make_item(title: str = "Free legal clinic", topics=("legal",), kind: str = "news", **fields):
    from puente.catalog.models import Item, Topic

    defaults = {"body": f"{title}. Details for residents.", "language": "en", "status": Item.PUBLISHED}
    defaults.update(fields)
    item = Item(kind=kind, title=title, **defaults)
    if item.status == Item.PUBLISHED and not item.published_at:
        item.published_at = timezone.now() - timedelta(hours=1)
    item.save()
    for slug in topics:
        topic, _ = Topic.objects.get_or_create(slug=slug, defaults={"name": slug.title()})
        item.topics.add(topic)
    return item


def make_event(title: str = "Know your rights workshop", start=None, **fields):
    from puente.catalog.models import Event

    item = make_item(title, topics=fields.pop("topics", ("community-education",)), kind="event")
    start = start or timezone.now() + timedelta(hours=20)
    return Event.objects.create(item=item, start=start, end=start + timedelta(hours=2), **fields)


def make_subscriber(email: str = "rosa@example.net", **fields):
    from puente.digests.models import Subscriber

    defaults = {
        "topics": ["legal", "events"],
        "language": "en",
        "rhythm": Subscriber.DAILY,
        "confirmed_at": timezone.now() - timedelta(days=3),
    }
    defaults.update(fields)
    return Subscriber.objects.create(email=email, **defaults)
