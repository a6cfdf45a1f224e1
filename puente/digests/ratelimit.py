"""Cache counters that stop one address or one client from flooding people with confirmations."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def client_ip(request) -> str:
    """Behind Puente's reverse proxy (PUENTE_BEHIND_PROXY) the client is the proxy's last hop."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _hit(key: str, limit: int) -> bool:
    """Count one request; True when this one is over the limit."""
    if cache.add(key, 1, WINDOW_SECONDS):
        return limit < 1
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW_SECONDS)
        return False


def over_limit(request, email: str) -> bool:
    digest = hashlib.sha256(email.encode()).hexdigest()[:32]  # no address in cache keys
    per_email = _hit(f"digests:rate:email:{digest}", getattr(settings, "DIGESTS_RATE_PER_EMAIL", 3))
    per_ip = _hit(f"digests:rate:ip:{client_ip(request)}", getattr(settings, "DIGESTS_RATE_PER_IP", 20))
    return per_email or per_ip
