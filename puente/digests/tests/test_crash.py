"""Kill a real sending process mid-batch, start another: everyone gets exactly one digest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from .helpers import Sink, parts, readers_seed, start_sink

ROOT = Path(__file__).resolve().parents[3]
PEOPLE = 60

SEED = readers_seed(PEOPLE)


class KillingSink(Sink):
    """Kills the sender while message number ``kill_at`` is in flight, before accepting it."""

    def __init__(self, kill_at: int):
        super().__init__()
        self.kill_at, self.pid, self.seen = kill_at, None, 0

    async def handle_DATA(self, server, session, envelope):
        self.seen += 1
        if self.pid and self.seen == self.kill_at:
            os.kill(self.pid, signal.SIGKILL)
            return "421 4.3.0 shutting down"
        return await super().handle_DATA(server, session, envelope)


def run(env: dict, *args: str, **kwargs) -> subprocess.Popen:
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    return subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs
    )  # noqa: S603


@pytest.mark.slow
def test_a_killed_sender_restarted_sends_everyone_exactly_one_digest(tmp_path):
    controller, sink = start_sink(KillingSink(kill_at=25))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'puente.sqlite3'}",
        "PUENTE_DATA_DIR": str(tmp_path),
        "PUENTE_SMTP_HOST": "127.0.0.1",
        "PUENTE_SMTP_PORT": str(controller.port),
        "PUENTE_SITE_URL": "https://puente.example",
        "PUENTE_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    }
    try:
        for args in (("migrate", "-v0"), ("shell", "-c", SEED)):
            process = run(env, *args)
            assert process.wait(timeout=120) == 0, process.stderr.read().decode()
        first = run(env, "send_digests", "--batch-size", "10", "--no-reminders")
        sink.pid = first.pid
        assert first.wait(timeout=60) == -signal.SIGKILL  # it really died mid-run
        assert 0 < len(sink.raw) < PEOPLE
        second = run(env, "send_digests", "--batch-size", "10", "--no-reminders")
        assert second.wait(timeout=60) == 0, second.stderr.read().decode()
    finally:
        controller.stop()
    received = Counter(to for _, tos in sink.envelopes for to in tos)
    assert received == Counter({f"p{n}@example.net": 1 for n in range(PEOPLE)})
    assert all("Free legal clinic" in parts(m)[0] for m in sink.messages)
    with sqlite3.connect(tmp_path / "puente.sqlite3") as db:
        statuses = dict(db.execute("select status, count(*) from digests_sendlog group by status").fetchall())
    assert statuses == {"sent": PEOPLE}
