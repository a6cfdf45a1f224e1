"""Send due daily/weekly digests and tomorrow's event reminders (cron or the worker calls this)."""

from __future__ import annotations

import signal

from django.core.management.base import BaseCommand

from puente.digests import delivery
from puente.digests.models import Subscriber


class Command(BaseCommand):
    help = "Send due digests and event reminders; safe to run again or in parallel."

    def add_arguments(self, parser):
        parser.add_argument("--rhythm", choices=[Subscriber.DAILY, Subscriber.WEEKLY], action="append")
        parser.add_argument("--batch-size", type=int, default=None)
        parser.add_argument("--no-reminders", action="store_true")

    def handle(self, *args, **options):
        # SIGTERM ends the run between messages' bookkeeping like Ctrl-C; unsent claims are taken over later.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        outcome = delivery.Outcome()
        for rhythm in options["rhythm"] or [Subscriber.DAILY, Subscriber.WEEKLY]:
            outcome.add(delivery.run_digests(rhythm, batch_size=options["batch_size"]))
        if not options["no_reminders"]:
            outcome.add(delivery.run_reminders())
        self.stdout.write(f"sent {outcome.sent}, failed {outcome.failed}, nothing new for {outcome.empty}")
