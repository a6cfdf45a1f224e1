"""Start a throwaway Puente (gunicorn, temp data dir, demo content) for benchmarks and load tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(data_dir: Path, env: dict[str, str]) -> None:
    """Migrate and load the demo content into a fresh data dir."""
    puente = [str(BIN / "puente")]
    for args in (["migrate", "--no-input", "-v", "0"], ["demo"], ["collectstatic", "--no-input", "-v", "0"]):
        subprocess.run(puente + args, env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)


APP = "puente.wsgi:application"
# Django's own handler, without puente/public/fastpath.py in front (for comparison only).
PLAIN_APP = "django.core.wsgi:get_wsgi_application()"


def command(server: str, workers: int, port: int, threads: int = 8, app: str = APP) -> list[str]:
    """The command line for one of the servers benchmarks compare (the Makefile runs gthread).

    sync: gunicorn's default, one request per worker at a time, every connection closed;
    gthread: gunicorn threads with keep-alive, as ``make run``; granian: its Rust HTTP/1.1 server
    calling the same WSGI application (optional: ``pip install granian``).
    """
    if server == "granian":
        factory = ["--factory", app.removesuffix("()")] if app.endswith("()") else [app]
        return [
            str(BIN / "granian"),
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--blocking-threads",
            str(threads),
            "--log-level",
            "warning",
            *factory,
        ]
    gunicorn = [
        str(BIN / "gunicorn"),
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    if server == "gthread":
        return [*gunicorn, "--worker-class", "gthread", "--threads", str(threads), "--keep-alive", "5"]
    if server == "sync":
        return gunicorn
    raise ValueError(f"unknown server {server!r}: sync, gthread or granian")


@contextlib.contextmanager
def running(
    workers: int = 2,
    data_dir: Path | None = None,
    extra_env: dict | None = None,
    server: str = "sync",
    threads: int = 8,
    app: str = APP,
) -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="puente-bench-") as tmp:
        data = data_dir or Path(tmp)
        env = {
            **os.environ,
            "PUENTE_DATA_DIR": str(data),
            "PUENTE_SECRET_KEY": "benchmark-" + "x" * 40,
            "PUENTE_DEBUG": "0",
            "PUENTE_LOG_LEVEL": "WARNING",
            # Capacity, not the per-client limiter: every request here comes from one address.
            "PUENTE_SEARCH_RATE_PER_MINUTE": "0",
            **(extra_env or {}),
        }
        if data_dir is None:
            prepare(data, env)
        port = free_port()
        proc = subprocess.Popen(command(server, workers, port, threads, app), env=env, cwd=ROOT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url + "/en/")
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")
