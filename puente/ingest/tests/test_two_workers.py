"""Issue 7: two real `puente worker` processes on one database do every unit of work exactly once.

Both workers start together on a file database (SQLite in WAL mode, or a fresh PostgreSQL database
when the suite runs on PostgreSQL), with feeds to poll on a loopback HTTP server and a day's digests
to send to a real SMTP server. Each worker keeps its own (local-memory) cache, so each queues the
day's digests: two digest runs race for the same people, the case the claims exist for.

The SMTP server holds the first message it receives until a second one arrives. One worker sends one
message at a time, so the second can only come from the other worker: both must be sending digests
at once, or the hold breaks after a minute and the test fails. No timing decides the outcome.

Entries of different feeds tell the same stories, so the two workers' ingests also join stories at
the same time. This test found two bugs: a feed claimed twice (see the second test) and, on
PostgreSQL, concurrent story joins deleting a story under each other (``stories.join``).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from puente.digests.tests.helpers import Sink, readers_seed, start_sink
from puente.ingest.tests.loopback import Loopback, QuietHandler

ROOT = Path(__file__).resolve().parents[3]
FEEDS, ENTRIES, PEOPLE = 12, 3, 40
WATCHDOG = 300  # seconds: a hang fails the test instead of blocking the suite

pytestmark = pytest.mark.slow

SEED = (
    readers_seed(PEOPLE)
    + f"""
from puente.catalog.models import Source
Source.objects.bulk_create([Source(kind="feed", name=f"feed {{n}}", address=f"{{FEED_URL}}/feed-{{n}}.xml")
                            for n in range({FEEDS})])
"""
)


def atom(n: int) -> str:
    entries = "".join(
        f"<entry><id>urn:feed-{n}:{k}</id><title>Ward {n} meeting {k}</title>"
        f"<updated>2026-02-0{k + 1}T10:00:00Z</updated><content type='html'>&lt;p&gt;Neighbours of ward {n} "
        f"meet on day {k + 1} at 3410 W Montrose about rent, wages and school number {n * 10 + k}.&lt;/p&gt;"
        "</content></entry>"
        for k in range(ENTRIES)
    )
    return f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Ward {n}</title><id>urn:feed-{n}</id>{entries}</feed>"


class Feeds(Loopback):
    """A loopback HTTP server with FEEDS distinct feeds, counting the requests for each."""

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        owner = self

        class Handler(QuietHandler):
            def do_GET(self):  # noqa: N802
                owner.requests[self.path] += 1
                n = int(self.path.removeprefix("/feed-").removesuffix(".xml"))
                self.send_body(atom(n).encode(), "application/atom+xml")

        super().__init__(Handler)
        self.url = self.base


class MeetingSink(Sink):
    """Holds the first message until a second one arrives (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.meeting = threading.Barrier(2, timeout=60)
        self.arrivals = 0
        self.met: bool | None = None

    async def handle_DATA(self, server, session, envelope):
        self.arrivals += 1
        if self.arrivals <= 2:
            try:
                await asyncio.to_thread(self.meeting.wait)
                self.met = True
            except threading.BrokenBarrierError:
                self.met = False
        return await super().handle_DATA(server, session, envelope)


class Database:
    """The workers' database, read from here with plain DB-API (the test's own Django uses another)."""

    def __init__(self, tmp_path: Path) -> None:
        suite = os.environ.get("DATABASE_URL", "")
        self.postgres = suite.startswith(("postgres://", "postgresql://"))
        if self.postgres:
            parts = urlsplit(suite)
            self.name = f"{parts.path.strip('/') or 'puente'}_two_workers_{os.getpid()}"
            self.url = urlunsplit(parts._replace(path=f"/{self.name}", query=""))
            self.server = urlunsplit(parts._replace(path="/postgres", query=""))
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')
        else:
            self.path = tmp_path / "puente.sqlite3"
            self.url = f"sqlite:///{self.path}"

    def _admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.server, autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def rows(self, sql: str) -> list[tuple]:
        if self.postgres:
            import psycopg

            with psycopg.connect(self.url, autocommit=True) as conn:
                return conn.execute(sql).fetchall()
        with sqlite3.connect(self.path, timeout=30) as conn:
            return conn.execute(sql).fetchall()

    def drop(self) -> None:
        if self.postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def database(tmp_path):
    db = Database(tmp_path)
    yield db
    db.drop()


def manage(env: dict, *args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, **kwargs)  # noqa: S603


def progress(db: Database) -> dict:
    ((documents,),) = db.rows("SELECT COUNT(*) FROM catalog_document")
    ((sent,),) = db.rows("SELECT COUNT(*) FROM digests_sendlog WHERE status = 'sent'")
    ((waiting,),) = db.rows(
        "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
    )
    return {"documents": documents, "sent": sent, "waiting": waiting}


def test_two_workers_do_every_unit_of_work_exactly_once(database, tmp_path):
    feeds, (controller, sink) = Feeds(), start_sink(MeetingSink())
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DATABASE_URL=database.url,
        PUENTE_DATA_DIR=str(tmp_path),
        PUENTE_SITE_URL="https://puente.example",
        PUENTE_CACHE_BACKEND="django.core.cache.backends.locmem.LocMemCache",
        PUENTE_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        PUENTE_SMTP_HOST="127.0.0.1",
        PUENTE_SMTP_PORT=str(controller.port),
        PUENTE_SMTP_TIMEOUT="120",  # longer than the sink's hold
        PUENTE_DIGESTS_SEND_HOUR="0",  # digests are due whatever the hour of the run
        PUENTE_DIGESTS_BATCH_SIZE="5",  # many small claims, so the two runs interleave
    )
    workers, logs = [], []
    try:
        for args in (("migrate", "-v0"), ("shell", "-c", SEED.replace("{FEED_URL}", feeds.url))):
            setup = manage(env, *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            _, errors = setup.communicate(timeout=WATCHDOG)
            assert setup.returncode == 0, errors.decode()
        for n in range(2):  # logs go to files: a full pipe would stall a worker
            logs.append(tmp_path / f"worker-{n}.log")
            with logs[-1].open("w") as out:
                workers.append(
                    manage(env, "worker", "--interval", "0.2", stdout=out, stderr=subprocess.STDOUT)
                )
        done = {"documents": FEEDS * ENTRIES, "sent": PEOPLE, "waiting": 0}
        deadline = time.monotonic() + WATCHDOG
        while (now := progress(database)) != done:
            dead = [
                (w.returncode, log.read_text())
                for w, log in zip(workers, logs, strict=True)
                if w.poll() is not None
            ]
            assert not dead, f"a worker stopped early: {dead}"
            assert sink.met is not False, "only one worker ever sent digests"
            assert time.monotonic() < deadline, f"hang watchdog: {now}, wanted {done}"
            time.sleep(0.25)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        codes = [worker.wait(timeout=60) for worker in workers]
        controller.stop()
        feeds.close()
    output = [log.read_text() for log in logs]
    assert codes == [0, 0], output
    errors = [text[text.find("Traceback") :][:3000] for text in output if "Traceback" in text]
    assert not errors and not any("is locked" in text for text in output), errors or output

    # Each person got one digest, each feed was fetched once, each entry stored once.
    assert sink.met
    assert Counter(to for _, tos in sink.envelopes for to in tos) == {
        f"p{n}@example.net": 1 for n in range(PEOPLE)
    }
    assert feeds.requests == {f"/feed-{n}.xml": 1 for n in range(FEEDS)}
    per_feed = database.rows(
        "SELECT s.address, COUNT(d.id) FROM catalog_source s "
        "JOIN catalog_document d ON d.source_id = s.id GROUP BY s.address"
    )
    assert sorted(count for _, count in per_feed) == [ENTRIES] * FEEDS
    ((joined,),) = database.rows("SELECT COUNT(*) FROM catalog_item WHERE story_id IS NOT NULL")
    assert joined > FEEDS  # the feeds' entries were joined into stories while both workers ingested
    assert database.rows("SELECT status, COUNT(*) FROM digests_sendlog GROUP BY status") == [("sent", PEOPLE)]

    # Every task ran once, on one worker, and succeeded; both workers ran the digests.
    tasks = [
        (path.rsplit(".", 1)[1], status, _json(args), _json(ids))
        for path, status, args, ids in database.rows(
            "SELECT task_path, status, args_kwargs, worker_ids FROM django_tasks_database_dbtaskresult"
        )
    ]
    assert {status for _, status, _, _ in tasks} == {"SUCCESSFUL"}
    assert all(len(ids) == 1 for _, _, _, ids in tasks), tasks
    polled = Counter(args["args"][0] for name, _, args, _ in tasks if name == "poll_feed")
    assert sorted(polled.values()) == [1] * FEEDS
    started = [text.partition(" started")[0].rsplit(" ", 1)[-1] for text in output]
    digest_runs = [ids[0] for name, _, _, ids in tasks if name == "send_digests"]
    assert sorted(run[:8] for run in digest_runs) == sorted(started), (digest_runs, started)
    senders = Counter(
        claimed.split(":")[1] for (claimed,) in database.rows("SELECT claimed_by FROM digests_sendlog")
    )
    assert set(senders) == {str(w.pid) for w in workers}, senders
    by_worker = Counter(ids[0][:8] for _, _, _, ids in tasks)
    print(f"tasks per worker: {dict(by_worker)}; digests per worker pid: {dict(senders)}")


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


@pytest.mark.django_db
def test_a_feed_another_worker_claimed_meanwhile_is_not_claimed_again():
    """The interleaving the two workers above hit, made certain: between this worker's reading the
    due feeds and its claiming them, the other worker claims one."""
    from django.db import connection
    from django.utils import timezone

    from puente.catalog.models import Source
    from puente.ingest.tasks import claim_due_feeds

    feed = Source.objects.create(kind="feed", name="Ward 1", address="http://127.0.0.1:9/feed.xml")
    selects = []

    def other_worker_claims_before_the_second_read(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("SELECT") and "catalog_source" in sql:
            selects.append(sql)
            if len(selects) == 2:
                Source.objects.filter(pk=feed.pk, last_polled__isnull=True).update(last_polled=timezone.now())
        return execute(sql, params, many, context)

    with connection.execute_wrapper(other_worker_claims_before_the_second_read):
        assert claim_due_feeds() == []
    assert len(selects) == 2
