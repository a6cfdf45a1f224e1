"""Cache counters per key and window: enough to stop one client flooding a form or the search.

With several web processes the cache must be shared (Redis) for the limit to be global.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """Behind Puente's reverse proxy (PUENTE_BEHIND_PROXY) the client is the proxy's last hop."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def hit(key: str, limit: int, window_seconds: int) -> bool:
    """Count one request under ``key``; True when this one is over ``limit`` for the window."""
    if cache.add(key, 1, window_seconds):
        return limit < 1
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window_seconds)
        return False
