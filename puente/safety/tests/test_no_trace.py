"""Nothing typed into a safety plan may be left anywhere: database, logs, cache, temp files, mail."""

from __future__ import annotations

import logging
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode, urljoin

import pytest
from django.core import mail
from django.test import RequestFactory
from django.views.debug import SafeExceptionReporterFilter, get_default_exception_reporter_filter

from puente.safety import views
from puente.safety.tests import traces

ROOT = Path(__file__).resolve().parents[3]
ACTIONS = ("show", "pdf", "card", "card-pdf")


@pytest.mark.django_db
def test_it_leaves_no_trace_through_the_test_client(client, caplog):
    caplog.set_level(logging.DEBUG)
    since = traces.now()
    values = traces.markers()
    needles = traces.needles(values)
    assert client.get("/ar/safety/plan/").status_code == 200
    for action in ACTIONS:
        response = client.post("/ar/safety/plan/", {**values, "action": action})
        assert response.status_code == 200, action
    assert (
        values["full_name"].encode() in client.post("/en/safety/plan/", {**values, "action": "show"}).content
    )

    assert traces.search_database(needles) == []
    assert traces.search_files(traces.sqlite_files(), needles) == []
    assert not any(traces.search_bytes(entry, needles) for entry in traces.locmem_contents())
    assert not traces.search_bytes(caplog.text.encode(), needles)
    assert not any(traces.search_bytes(str(m.message()).encode(), needles) for m in mail.outbox)
    tmp = Path(tempfile.gettempdir())
    assert traces.search_files(traces.files_modified_since(tmp, since), needles) == []


def test_it_keeps_post_bodies_out_of_error_reports(rf: RequestFactory, db):
    values = traces.markers()
    request = rf.post("/en/safety/plan/", {**values, "action": "show"})
    views.plan(request)
    assert request.sensitive_post_parameters == "__ALL__"
    masked = SafeExceptionReporterFilter().get_post_parameters(request)
    assert set(masked.values()) == {SafeExceptionReporterFilter.cleansed_substitute}
    assert get_default_exception_reporter_filter().get_post_parameters(request) == {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        PUENTE_DATA_DIR=str(data_dir),
        PUENTE_LOG_LEVEL="DEBUG",
        PUENTE_DEBUG="0",
        PUENTE_CACHE_BACKEND="django.core.cache.backends.filebased.FileBasedCache",
        PUENTE_CACHE_LOCATION=str(data_dir / "cache"),
        PUENTE_ALLOWED_HOSTS="127.0.0.1",
    )
    return env


def _wait_for(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError("the server stopped while starting")
        try:
            urllib.request.urlopen(url, timeout=20).read()  # noqa: S310 (our own local server)
            return
        except (urllib.error.URLError, TimeoutError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError("the server did not answer within 60 s")


def _submit_everything(base: str, values: dict[str, str]) -> None:
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    url = urljoin(base, "/es/safety/plan/")
    form = browser.open(url, timeout=20).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    for action in ACTIONS:
        data = urlencode({**values, "action": action, "csrfmiddlewaretoken": token}).encode()
        with browser.open(urllib.request.Request(url, data=data), timeout=60) as response:
            body = response.read()
            assert response.status == 200, action
            assert "no-store" in response.headers["Cache-Control"]
        if action == "show":
            assert values["full_name"].encode() in body
        if action.endswith("pdf"):
            assert body.startswith(b"%PDF")


@pytest.mark.slow
def test_it_leaves_no_trace_in_a_real_gunicorn(tmp_path):
    since = traces.now()
    python = Path(sys.executable)
    env = _server_env(tmp_path)
    migrate = subprocess.run(  # noqa: S603
        [str(python), str(ROOT / "manage.py"), "migrate", "--no-input", "-v", "0"],
        env=env,
        capture_output=True,
        timeout=300,
        cwd=ROOT,
    )
    assert migrate.returncode == 0, migrate.stderr.decode()[-2000:]
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603
        [
            str(python.parent / "gunicorn"),
            "puente.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--access-logfile",
            "-",
            "--error-logfile",
            "-",
            "--log-level",
            "debug",
            "--capture-output",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    values = traces.markers()
    try:
        _wait_for(f"http://127.0.0.1:{port}/en/safety/plan/", server)
        _submit_everything(f"http://127.0.0.1:{port}", values)
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    needles = traces.needles(values)
    assert b"POST /es/safety/plan/" in out + err  # the log was captured: the search below means something
    assert not traces.search_bytes(out + err, needles)
    database = [tmp_path / f"puente.sqlite3{suffix}" for suffix in ("", "-wal", "-shm", "-journal")]
    assert database[0].exists()
    assert traces.search_files(database, needles) == []
    assert traces.search_files((tmp_path / "cache").rglob("*"), needles) == []
    assert traces.search_files(traces.files_modified_since(Path(tempfile.gettempdir()), since), needles) == []


@pytest.mark.django_db
def test_it_finds_a_marker_that_was_stored(tmp_path):
    # The searches above only mean something if they can find what is there.
    from puente.safety.models import RightsCard

    values = traces.markers()
    needles = traces.needles(values)
    RightsCard.objects.create(language="en", title="t", body=values["money"])
    assert traces.search_database(needles) == ["safety_rightscard.body"]
    (tmp_path / "leak.txt").write_text(values["full_name"])
    assert traces.search_files(traces.files_modified_since(tmp_path, traces.now()), needles) == [
        str(tmp_path / "leak.txt")
    ]
