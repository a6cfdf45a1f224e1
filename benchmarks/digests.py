"""Benchmark: personalised daily digests for many subscribers, sent over SMTP to a local sink.

    .venv/bin/python benchmarks/digests.py --subscribers 100000

Builds a throw-away SQLite database, bulk-creates subscribers (six languages, mixed topics) and a
day's worth of published items with translations, starts an aiosmtpd server in another process that
counts and discards, then runs the real sending path (claims, rendering, one SMTP connection per
batch, per-message bookkeeping). Prints messages per second and the sender's peak memory.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["en", "es", "hi", "zh-hans", "ar", "pl"]
TOPICS = ["legal", "community-education", "mental-health", "employers", "events", "urgent"]


def sink(port: int, received, ready) -> None:
    """An SMTP server that counts what it accepts and keeps nothing."""
    from aiosmtpd.controller import Controller

    class Discard:
        async def handle_DATA(self, server, session, envelope):
            with received.get_lock():
                received.value += 1
            return "250 OK"

    controller = Controller(Discard(), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    while True:
        time.sleep(3600)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def setup_django(directory: Path, port: int) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "puente.settings",
            "DATABASE_URL": f"sqlite:///{directory / 'bench.sqlite3'}",
            "PUENTE_DATA_DIR": str(directory),
            "PUENTE_SMTP_HOST": "127.0.0.1",
            "PUENTE_SMTP_PORT": str(port),
            "PUENTE_SITE_URL": "https://puente.example",
            "PUENTE_LOG_LEVEL": "WARNING",
            "PUENTE_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def seed(count: int, rng: random.Random) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from puente.catalog.models import Item, Topic, Translation
    from puente.digests.models import Subscriber

    now = timezone.now()
    topics = {slug: Topic.objects.get_or_create(slug=slug, defaults={"name": slug})[0] for slug in TOPICS[:4]}
    for n in range(40):
        item = Item.objects.create(
            kind=rng.choice(["news", "event", "service", "job"]),
            title=f"Item {n}: free help for residents",
            body="Details for residents. " * 20,
            language="en",
            status=Item.PUBLISHED,
            published_at=now - timedelta(hours=rng.uniform(1, 20)),
        )
        item.topics.add(topics[TOPICS[n % 4]])
        for language in ("es", "ar", "zh-hans"):
            Translation.objects.create(
                item=item,
                language=language,
                title=f"[{language}] {item.title}",
                body=item.body,
                source_hash=item.source_hash,
            )
    people = []
    for n in range(count):
        chosen = rng.sample(TOPICS, rng.randint(1, 4))
        people.append(
            Subscriber(
                email=f"person{n}@example.net",
                language=rng.choice(LANGUAGES),
                topics=chosen,
                alerts="urgent" in chosen,
                rhythm=Subscriber.DAILY,
                confirmed_at=now - timedelta(days=2),
            )
        )
    Subscriber.objects.bulk_create(people, batch_size=5000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=500)
    args = parser.parse_args()

    port = free_port()
    received, ready = multiprocessing.Value("i", 0), multiprocessing.Event()
    server = multiprocessing.Process(target=sink, args=(port, received, ready), daemon=True)
    server.start()
    ready.wait(10)
    with tempfile.TemporaryDirectory(prefix="puente-bench-") as tmp:
        setup_django(Path(tmp), port)
        started = time.perf_counter()
        seed(args.subscribers, random.Random(5))
        seeded = time.perf_counter()
        from puente.digests import delivery
        from puente.digests.models import SendLog, Subscriber

        outcome = delivery.run_digests(Subscriber.DAILY, batch_size=args.batch_size)
        finished = time.perf_counter()
        sent_rows = SendLog.objects.filter(status=SendLog.SENT).count()
    time.sleep(0.5)
    server.terminate()
    elapsed = finished - seeded
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"subscribers:         {args.subscribers:,}")
    print(f"setup (bulk create): {seeded - started:.1f} s")
    print(f"digests sent:        {outcome.sent:,} (failed {outcome.failed}, nothing new {outcome.empty})")
    print(f"received by sink:    {received.value:,}; SendLog rows marked sent: {sent_rows:,}")
    print(f"sending time:        {elapsed:.1f} s")
    print(f"throughput:          {outcome.sent / elapsed:.0f} messages/s")
    print(f"peak memory (RSS):   {peak_mb:.0f} MB (sender process)")
    if args.subscribers < 100_000:
        print(
            f"extrapolated to 100,000 at this rate: {100_000 / (outcome.sent / elapsed) / 60:.1f} min (an estimate)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
