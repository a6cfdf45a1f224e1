"""puente worker: runs queued tasks (django_tasks_db) and enqueues due feed polls.

Stops cleanly on SIGTERM/SIGINT: a running task finishes, then the loop ends.
"""

from __future__ import annotations

import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker

from puente.digests.schedule import enqueue_due as enqueue_due_mail
from puente.ingest.tasks import enqueue_due_feeds

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run background tasks and poll feeds on their schedule."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between idle checks")
        parser.add_argument("--once", action="store_true", help="schedule, run what is queued, and exit")

    def handle(self, *args, interval: float, once: bool, **opts) -> None:
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,  # run until the queue is empty, then come back here to schedule
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        # SIGTERM while idle exits at once; during a task, after it (the db worker's own handling).
        worker.configure_signals()
        self.stdout.write(f"puente worker {worker.worker_id[:8]} started")
        while worker.running:
            close_old_connections()
            claimed = enqueue_due_feeds() + enqueue_due_mail()
            if claimed:
                log.info("queued: %s", claimed)
            worker.run()
            if once or not worker.running:
                break
            time.sleep(interval)
        self.stdout.write("puente worker stopped")
