"""The shared cache a city runs (RedisCache, README "Running for a whole city") against a real Redis.

Page caches, their invalidation and rate limits only work for a city when every process sees the
same counters; another process here is a real one, talking to the same Redis.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from conftest import need

ROOT = Path(__file__).resolve().parent.parent
REDIS = "redis://127.0.0.1:6379/0"


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@pytest.fixture
def redis_cache(settings, tmp_path):
    """Django's RedisCache on 127.0.0.1:6379, under a key prefix of this test's own."""
    need(redis_answers(), "Redis is not running on 127.0.0.1:6379")
    need(importlib.util.find_spec("redis") is not None, "redis-py is not installed: pip install -e '.[dev]'")
    import redis

    prefix = f"puente-test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": prefix,
        }
    }
    yield prefix, tmp_path
    client = redis.Redis.from_url(REDIS)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()


def in_another_process(redis_cache: tuple, code: str) -> str:
    """Run ``code`` in a fresh Python process with Puente's settings and the same Redis and prefix
    (and a database of its own: the test database may live in this process's memory)."""
    prefix, tmp_path = redis_cache
    script = (
        "import django, os\n"
        "from django.conf import settings\n"
        "django.setup()\n"
        "settings.CACHES['default']['KEY_PREFIX'] = os.environ['TEST_PREFIX']  # before the cache is used\n"
        f"{code}\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "puente.settings",
        "PUENTE_CACHE_BACKEND": "django.core.cache.backends.redis.RedisCache",
        "PUENTE_CACHE_LOCATION": REDIS,
        "TEST_PREFIX": prefix,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}",
        "PUENTE_DATA_DIR": str(tmp_path),
    }
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_rate_limit_counts_requests_from_every_process(redis_cache):
    from puente.lib.ratelimit import hit

    key = "search:rate:203.0.113.9"
    out = in_another_process(
        redis_cache, f"from puente.lib.ratelimit import hit\nprint([hit({key!r}, 3, 60) for _ in range(3)])"
    )
    assert out.strip() == "[False, False, False]"
    assert hit(key, 3, 60) is True  # the fourth request, counted here
    assert hit("search:rate:198.51.100.7", 3, 60) is False  # another client is not affected


@pytest.mark.django_db
def test_the_search_answers_429_past_the_limit(client, settings, redis_cache):
    settings.SEARCH_RATE_PER_MINUTE = 2
    assert [client.get("/en/search/?q=clinic").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/en/search/?q=clinic", REMOTE_ADDR="10.9.8.7").status_code == 200


@pytest.mark.django_db
def test_pages_are_cached_and_a_change_in_another_process_is_seen_at_once(client, redis_cache):
    from puente.public import factories

    factories.item(title="Free legal clinic")
    first = client.get("/en/")
    assert first.status_code == 200 and "Free legal clinic" in first.content.decode()
    again = client.get("/en/")
    assert again["X-Puente-Cache"] == "front" and again.content == first.content

    # An editor's change handled by another process bumps the shared generation.
    in_another_process(redis_cache, "from puente.public.cache import bump\nbump()")
    fresh = client.get("/en/")
    assert fresh.get("X-Puente-Cache") is None and fresh.content == first.content
    assert client.get("/en/")["X-Puente-Cache"] == "front"
