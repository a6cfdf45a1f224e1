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
            response = view(request, *args, **kwargs)
            response.setdefault("Cache-Control", "private, no-cache")  # may carry messages for one person
            return response
        key = page_key(request)
        hit = cache.get(key)
        if hit is not None:
            content, content_type = hit
            response = HttpResponse(content, content_type=content_type)
            response["X-Puente-Cache"] = "hit"
            response.puente_public = True
            return _public(response)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(key, (response.content, response["Content-Type"]), TTL_SECONDS)
            response.puente_public = True  # FrontCacheMiddleware may keep the finished response
        return _public(response)

    return wrapper


def _public(response: HttpResponse) -> HttpResponse:
    response.setdefault("Cache-Control", f"public, max-age={TTL_SECONDS}")
    return response


class FrontCacheMiddleware:
    """Optional, outermost: serve finished public pages before sessions, CSRF, auth and URL routing.

    Stores what ``cached_page`` views answered, with every header the inner middleware added
    (CSP, Referrer-Policy…), so a hit costs two cache reads. Same rules: GET, no session, no messages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        eligible = request.method == "GET" and anonymous_and_quiet(request)
        key = f"{page_key(request)}:{request.META.get('HTTP_HOST', '')}" if eligible else ""
        if eligible:
            hit = cache.get(key)
            if hit is not None:
                return _rebuild(*hit)
        response = self.get_response(request)
        if eligible and getattr(response, "puente_public", False) and not response.cookies:
            headers = [(k, v) for k, v in response.items() if k.lower() != "x-puente-cache"]
            cache.set(key, (response.status_code, headers, response.content), TTL_SECONDS)
        return response


def _rebuild(status: int, headers: list, content: bytes) -> HttpResponse:
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Puente-Cache"] = "front"
    return response
