"""Kill -9 in the middle of a bulk ingest: whole documents or none, and a re-run finishes the rest."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from puente.extract import extract_document, read

ROOT = Path(__file__).resolve().parents[3]
PUENTE = [sys.executable, "-c", "import sys; from puente.cli import main; sys.exit(main())"]
FILES = 25
WORDS = (
    "clinic pantry rally workshop vigil training census rent wage school vaccine transit library "
    "garden choir soccer tutoring mural permit shelter clothing coats bikes radio theatre chess"
).split()

pytestmark = pytest.mark.slow


def _letter(n: int) -> str:
    """Distinct letters (no two tell the same story), each with several items."""
    rng = random.Random(n)
    sections = []
    for k in range(6):
        topic = " ".join(rng.sample(WORDS, 6))
        sections.append(
            f"{topic.title()} {n}-{k}\n\n"
            f"Neighbours of ward {n} plan {topic} on day {k + 1}; call (312) 555-{1000 + k:04d} "
            f"or write to ward{n}@example.org about {' '.join(rng.sample(WORDS, 8))}."
        )
    return "\n\n".join(sections) + "\n"


def _env(data_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "PYTEST"))}
    env.update(
        PUENTE_DATA_DIR=str(data_dir),
        DATABASE_URL=f"sqlite:///{data_dir / 'puente.sqlite3'}",
        PYTHONPATH=str(ROOT),
    )
    return env


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db, timeout=30) as conn:
        rows = conn.execute(
            "SELECT d.filename, COUNT(i.id) FROM catalog_document d "
            "LEFT JOIN catalog_item i ON i.document_id = d.id GROUP BY d.id"
        ).fetchall()
    return dict(rows)


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT COUNT(*) FROM catalog_document").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """A data folder with a migrated SQLite database, shared by this file's tests (migrating is slow)."""
    data = tmp_path_factory.mktemp("var")
    subprocess.run([*PUENTE, "migrate", "-v0"], env=_env(data), check=True, cwd=ROOT, capture_output=True)  # noqa: S603
    return data


def test_the_worker_stops_cleanly_on_sigterm(migrated):
    worker = subprocess.Popen(  # noqa: S603
        [*PUENTE, "worker", "--interval", "0.2"], env=_env(migrated), cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    seen = [worker.stdout.readline() for _ in range(1)]
    while "started" not in seen[-1] and seen[-1] and len(seen) < 100:  # startup logs come first
        seen.append(worker.stdout.readline())
    assert "started" in seen[-1], seen
    time.sleep(0.5)
    worker.send_signal(signal.SIGTERM)
    output, _ = worker.communicate(timeout=30)
    assert worker.returncode == 0, output
    assert "Traceback" not in output


def test_a_killed_ingest_leaves_only_whole_documents_and_a_rerun_completes(migrated, tmp_path):
    data, letters = migrated, tmp_path / "letters"
    letters.mkdir()
    for n in range(FILES):
        (letters / f"letter-{n:03d}.txt").write_text(_letter(n))
    env, db = _env(data), data / "puente.sqlite3"

    run = subprocess.Popen(  # noqa: S603
        [*PUENTE, "ingest", str(letters)], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    while _stored(db) < 3 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.communicate()
    assert run.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"

    expected = {p.name: _expected_items(p) for p in letters.iterdir()}
    after_kill = _counts(db)
    assert 3 <= len(after_kill) < FILES
    assert all(count == expected[name] for name, count in after_kill.items()), "a half-stored document"

    rerun = subprocess.run(
        [*PUENTE, "ingest", str(letters)], env=env, cwd=ROOT, capture_output=True, text=True
    )  # noqa: S603
    assert rerun.returncode == 0, rerun.stderr
    assert f"{FILES - len(after_kill)} new" in rerun.stdout and f"{len(after_kill)} unchanged" in rerun.stdout
    assert _counts(db) == expected


def _expected_items(path: Path) -> int:
    src = read(path.read_bytes(), name=path.name)[0]
    return len(extract_document(src, date.today(), "America/Chicago").items)


def test_a_full_disk_mid_ingest_keeps_what_was_stored_and_a_rerun_completes(migrated, tmp_path):
    """The disk fills up during a bulk ingest (a file-size limit on the process, as a full disk refuses
    to grow files): what was stored stays whole, the database stays sound, a re-run does the rest."""
    import resource

    data, letters = migrated, tmp_path / "full"
    letters.mkdir()
    for n in range(FILES):
        (letters / f"full-{n:03d}.txt").write_text(_letter(1000 + n))
    env, db = _env(data), data / "puente.sqlite3"
    with sqlite3.connect(db) as conn:  # an empty write-ahead log: new writes must grow a file
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    limit = db.stat().st_size + 150_000  # room for a few documents, not for all of them

    def no_room():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    full = subprocess.run(  # noqa: S603
        [*PUENTE, "ingest", str(letters)], env=env, cwd=ROOT, capture_output=True, text=True,
        preexec_fn=no_room,
    )  # fmt: skip
    expected = {p.name: _expected_items(p) for p in letters.iterdir()}
    stored = {name: count for name, count in _counts(db).items() if name in expected}
    assert 0 < len(stored) < FILES, f"{len(stored)} of {FILES} stored: the limit should fall mid-run"
    assert all(count == expected[name] for name, count in stored.items()), "a half-stored document"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert full.returncode != 0 or "failed" in full.stdout + full.stderr

    rerun = subprocess.run(
        [*PUENTE, "ingest", str(letters)], env=env, cwd=ROOT, capture_output=True, text=True
    )  # noqa: S603
    assert rerun.returncode == 0, rerun.stderr
    assert {name: count for name, count in _counts(db).items() if name in expected} == expected
