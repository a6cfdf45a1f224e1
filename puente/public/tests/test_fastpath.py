"""The WSGI fast path: cached public pages answered before Django, exactly as Django answered them.

Real WSGI calls (environ dict, start_response) against the same application puente/wsgi.py builds.
Whether Django ran is read from ``request_started``, the signal its WSGI handler sends first.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from email.message import Message
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from puente.public import cache as public_cache
from puente.public import factories, fastpath
from puente.public.cache import GENERATION_KEY, front_key

ROOT = Path(__file__).resolve().parents[3]
SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
    "Cache-Control",
    "Content-Type",
    "Content-Length",
)


class Answer:
    def __init__(self, status: str, headers: list, body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body
        self.header = dict(headers)

    def text(self) -> str:
        return self.body.decode()


@pytest.fixture
def app():
    # As django.test.Client does: the test's transaction must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield fastpath.wrap(get_wsgi_application())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def django_runs():
    """How many requests reached Django's own handler."""
    seen = []

    def count(**kwargs):
        seen.append(kwargs["environ"]["PATH_INFO"])

    request_started.connect(count)
    yield seen
    request_started.disconnect(count)


def call(app, path: str, method: str = "GET", **environ) -> Answer:
    path, _, query = path.partition("?")
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, **environ}
    environ.setdefault("HTTP_HOST", "127.0.0.1")
    setup_testing_defaults(environ)
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=headers)

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return Answer(started["status"], started["headers"], body)


def test_a_cached_page_is_answered_before_django_with_every_header(app, site, django_runs):
    first = call(app, "/es/events/")
    second = call(app, "/es/events/")
    assert django_runs == ["/es/events/"]
    assert second.status == first.status == "200 OK"
    assert second.header["X-Puente-Cache"] == "front" and second.body == first.body
    assert sorted(second.headers) == sorted([*first.headers, ("X-Puente-Cache", "front")])
    for name in SECURITY_HEADERS:
        assert second.header[name] == first.header[name], name
    assert second.header["Content-Length"] == str(len(second.body))


def test_a_head_request_gets_the_get_headers_without_the_body(app, site, django_runs):
    call(app, "/en/events/", method="HEAD")
    assert (
        call(app, "/en/events/", method="HEAD").header.get("X-Puente-Cache") != "front"
    )  # HEAD stores nothing
    page = call(app, "/en/events/")
    head = call(app, "/en/events/", method="HEAD")
    assert head.header["X-Puente-Cache"] == "front" and head.body == b""
    assert head.header["Content-Length"] == str(len(page.body))
    assert len(django_runs) == 3


def test_visitors_with_a_session_or_messages_reach_django(app, site, django_runs):
    call(app, "/en/events/")
    for cookie in ("sessionid=abc", "messages=xyz", "django_language=es; sessionid=abc"):
        fresh = call(app, "/en/events/", HTTP_COOKIE=cookie)
        assert fresh.header.get("X-Puente-Cache") != "front", cookie
        assert fresh.header["Cache-Control"] == "private, no-cache", cookie
    assert len(django_runs) == 4
    other_cookies = call(app, "/en/events/", HTTP_COOKIE="django_language=es; csrftoken=x")
    assert other_cookies.header["X-Puente-Cache"] == "front"  # nothing personal on the page


def test_the_key_holds_host_scheme_and_full_path(app, site, django_runs):
    call(app, "/en/events/")
    assert call(app, "/en/events/", HTTP_HOST="localhost").header.get("X-Puente-Cache") != "front"
    assert call(app, "/en/events/?page=2").header.get("X-Puente-Cache") != "front"
    assert call(app, "/en/events/", **{"wsgi.url_scheme": "https"}).header.get("X-Puente-Cache") != "front"
    assert call(app, "/en/events/").header["X-Puente-Cache"] == "front"
    assert len(django_runs) == 4


def test_a_disallowed_host_is_refused_not_served(app, site):
    call(app, "/en/events/")
    assert call(app, "/en/events/", HTTP_HOST="evil.example").status.startswith("400")


def test_posts_search_and_private_pages_are_never_answered_from_the_cache(app, site, django_runs):
    for path in ("/en/search/?q=clinic", "/en/safety/plan/"):
        call(app, path)
        assert call(app, path).header.get("X-Puente-Cache") != "front", path
    call(app, "/en/events/")
    assert call(app, "/en/events/", method="POST").header.get("X-Puente-Cache") != "front"


def test_a_catalogue_change_is_seen_on_the_next_request(app, site, django_runs):
    assert "Brand new urgent notice" not in call(app, "/en/").text()
    assert call(app, "/en/").header["X-Puente-Cache"] == "front"
    factories.item(title="Brand new urgent notice", urgent=True)
    fresh = call(app, "/en/")
    assert fresh.header.get("X-Puente-Cache") != "front" and "Brand new urgent notice" in fresh.text()
    assert call(app, "/en/").header["X-Puente-Cache"] == "front"


def test_a_page_expires_after_its_lifetime_even_in_a_workers_memory(app, site, django_runs, monkeypatch):
    monkeypatch.setattr(public_cache, "TTL_SECONDS", 1)
    call(app, "/en/events/")
    assert call(app, "/en/events/").header["X-Puente-Cache"] == "front"
    time.sleep(1.1)
    assert call(app, "/en/events/").header.get("X-Puente-Cache") != "front"
    assert len(django_runs) == 2


def test_a_lost_generation_never_brings_back_an_older_page(app, site):
    cache.delete(GENERATION_KEY)  # the page below is the first stored under a new generation
    call(app, "/en/")
    factories.item(title="Brand new urgent notice", urgent=True)
    cache.delete(GENERATION_KEY)  # evicted, or a restarted shared cache that kept the pages
    assert "Brand new urgent notice" in call(app, "/en/").text()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_page_stored_before_the_change_was_committed_is_not_served_after(app, site):
    from django.db import transaction
    from django.http import HttpResponse

    from puente.public.cache import front_store, generation

    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/en/", "HTTP_HOST": "127.0.0.1"}
    setup_testing_defaults(environ)
    with transaction.atomic():
        factories.item(title="Brand new urgent notice", urgent=True)
        # Another worker renders now, before the commit: it reads the old rows, under the new generation.
        front_store(front_key(environ), generation(), HttpResponse(b"Stale page"))
        assert call(app, "/en/").body == b"Stale page"
    assert "Brand new urgent notice" in call(app, "/en/").text()


def test_without_the_middleware_there_is_no_fast_path(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != fastpath.MIDDLEWARE]
    plain = get_wsgi_application()
    assert fastpath.wrap(plain) is plain


def test_the_deployed_application_has_the_fast_path():
    import puente.wsgi

    assert isinstance(puente.wsgi.application, fastpath.FastPath)


def test_front_keys_differ_by_forwarded_scheme_only_behind_a_proxy(settings):
    plain = {"wsgi.url_scheme": "http", "HTTP_HOST": "a", "PATH_INFO": "/en/"}
    forwarded = {**plain, "HTTP_X_FORWARDED_PROTO": "https"}
    settings.SECURE_PROXY_SSL_HEADER = None
    assert front_key(plain) == front_key(forwarded)
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert front_key(plain) != front_key(forwarded)


@pytest.mark.parametrize("server", ["gthread", "granian"])
def test_every_server_worker_sees_a_change_at_once(server):
    """Two real workers sharing a cache: after a change made by a third process, no stale page. Under
    gunicorn (as ``make run``) and granian (the faster server the README offers)."""
    from benchmarks.server import running

    with tempfile.TemporaryDirectory(prefix="puente-fastpath-") as tmp:
        shared = {
            "PUENTE_CACHE_BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "PUENTE_CACHE_LOCATION": str(Path(tmp) / "cache"),
            "PUENTE_DATA_DIR": str(Path(tmp) / "data"),
            # The servers' own database, whatever the suite runs on (PostgreSQL's test database is
            # private to this process).
            "DATABASE_URL": f"sqlite:///{Path(tmp) / 'site.sqlite3'}",
        }
        with running(workers=2, extra_env=shared, server=server, threads=2) as url:
            before = [get(url + "/en/") for _ in range(8)]
            assert any(headers.get("X-Puente-Cache") == "front" for _, headers in before)
            assert not any("Brand new urgent notice" in body for body, _ in before)
            env = {**os.environ, **shared, "DJANGO_SETTINGS_MODULE": "puente.settings"}
            code = "from puente.public import factories; factories.item(title='Brand new urgent notice', urgent=True)"
            subprocess.run(
                [str(Path(sys.executable).parent / "puente"), "shell", "-c", code],
                env=env,
                cwd=ROOT,
                check=True,
            )  # noqa: S603
            after = [get(url + "/en/") for _ in range(8)]
            assert all("Brand new urgent notice" in body for body, _ in after)
            assert after[-1][1]["X-Puente-Cache"] == "front"


def get(url: str) -> tuple[str, Message]:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (our loopback server)
        return response.read().decode(), response.headers  # names read case-blind
