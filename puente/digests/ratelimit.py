"""Stop one address or one client from flooding people with confirmations."""

from __future__ import annotations

import hashlib

from django.conf import settings

from puente.lib.ratelimit import client_ip, hit

WINDOW_SECONDS = 3600


def over_limit(request, email: str) -> bool:
    digest = hashlib.sha256(email.encode()).hexdigest()[:32]  # no address in cache keys
    per_email = hit(f"digests:rate:email:{digest}", settings.DIGESTS_RATE_PER_EMAIL, WINDOW_SECONDS)
    per_ip = hit(f"digests:rate:ip:{client_ip(request)}", settings.DIGESTS_RATE_PER_IP, WINDOW_SECONDS)
    return per_email or per_ip
