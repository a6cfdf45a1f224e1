"""Whole-page caching for public pages, keyed by URL (the language is the URL's prefix).

Cached pages carry nothing about the person asking: no CSRF token, no messages, no account. A
visitor with a session or pending messages gets a fresh page, which is not stored. Any catalogue
change bumps a generation number so editors see their change at once.
"""

from __future__ import annotations

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

GENERATION_KEY = "public:generation"
TTL_SECONDS = 60


def generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, None)


def bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def anonymous_and_quiet(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def page_key(request: HttpRequest) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"public:page:{generation()}:{path}"


def cached_page(view):
    """Serve GET pages from the cache for anonymous visitors; store successful renders for TTL_SECONDS."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "GET" or not anonymous_and_quiet(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        hit = cache.get(key)
        if hit is not None:
            content, content_type = hit
            response = HttpResponse(content, content_type=content_type)
            response["X-Puente-Cache"] = "hit"
            return _public(response)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            response.render() if hasattr(response, "render") else None
            cache.set(key, (response.content, response["Content-Type"]), TTL_SECONDS)
        return _public(response)

    return wrapper


def _public(response: HttpResponse) -> HttpResponse:
    response.setdefault("Cache-Control", f"public, max-age={TTL_SECONDS}")
    return response
