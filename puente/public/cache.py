"""Whole-page caching for public pages, keyed by URL (the language is the URL's prefix).

Cached pages carry nothing about the person asking: no CSRF token, no messages, no account. A
visitor with a session or pending messages gets a fresh page, which is not stored. Any catalogue
change bumps a generation number so editors see their change at once.

Two layers: ``cached_page`` keeps a view's rendered body; ``FrontCacheMiddleware`` keeps the
finished response (every header the inner middleware added) and serves it before any other
middleware. ``puente.public.fastpath`` serves the same finished responses before Django itself.
"""

from __future__ import annotations

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.http.cookie import parse_cookie

GENERATION_KEY = "public:generation"
TTL_SECONDS = 60
# Set in the WSGI environ by the fast path when it looked and missed: (key, generation).
LOOKED = "puente.front_cache"
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage


def _fresh_generation() -> int:
    # Microseconds from the clock, not 1: a generation lost from the cache (eviction, a restarted
    # Redis) must not come back as a number pages still in the cache were stored under. Bumps
    # never come faster than one a microsecond, so the clock stays ahead of every older number.
    return time.time_ns() // 1000


def generation() -> int:
    return cache.get_or_set(GENERATION_KEY, _fresh_generation, None)


def bump() -> None:
    _bump()
    # A worker rendering between the change and its commit reads the old rows and stores them
    # under the new generation; bumping again once the change is committed makes that page stale.
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _fresh_generation(), None)


def quiet(cookies: dict) -> bool:
    """No session and no pending messages: nothing on the page can be about this visitor."""
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def anonymous_and_quiet(request: HttpRequest) -> bool:
    return quiet(request.COOKIES)


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


# --- finished responses, read from the WSGI environ (the fast path has no HttpRequest) ----------


def front_eligible(environ: dict) -> bool:
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    raw = environ.get("HTTP_COOKIE")
    return not raw or quiet(parse_cookie(raw))


def front_key(environ: dict) -> str:
    """Everything Django reads to build a page's URL: scheme, host and the full path, as sent.

    The scheme is part of it so a plain-http request never gets the page an https one stored
    (SECURE_SSL_REDIRECT must still redirect it); the forwarded headers count only when the
    settings tell Django to believe them.
    """
    parts = [
        environ.get("wsgi.url_scheme", ""),
        environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}",
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
    ]
    if settings.SECURE_PROXY_SSL_HEADER:
        parts.append(environ.get(settings.SECURE_PROXY_SSL_HEADER[0], ""))
    if settings.USE_X_FORWARDED_HOST:
        parts.append(environ.get("HTTP_X_FORWARDED_HOST", ""))
    if settings.USE_X_FORWARDED_PORT:
        parts.append(environ.get("HTTP_X_FORWARDED_PORT", ""))
    digest = hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return f"public:front:{digest}"


# This process's copies of entries it read lately: a hit then reads only the shared generation.
_recent: dict[str, tuple] = {}
RECENT_ENTRIES = 256


def front_lookup(environ: dict) -> tuple[str, int | None, tuple | None]:
    """(key, current generation, entry or None). A repeated hit costs one cache read.

    Entries are (generation, expiry time, status line, headers, body). The generation lives in the
    entry rather than in its key, so the copy this process kept is checked against the shared
    generation, read on every request: a bump by any worker is seen by every other at once.
    """
    key = front_key(environ)
    current = cache.get(GENERATION_KEY)
    entry = _recent.get(key)
    if not _valid(entry, current):
        entry = cache.get(key)
        if not _valid(entry, current):
            return key, current, None
        if len(_recent) >= RECENT_ENTRIES:
            _recent.clear()
        _recent[key] = entry
    return key, current, entry


def _valid(entry: tuple | None, current: int | None) -> bool:
    return entry is not None and current is not None and entry[0] == current and entry[1] > time.time()


def front_store(key: str, current: int, response: HttpResponse) -> None:
    headers = [(k, v) for k, v in response.items() if k.lower() != "x-puente-cache"]
    status = f"{response.status_code} {response.reason_phrase}"
    entry = (current, time.time() + TTL_SECONDS, status, headers, response.content)
    cache.set(key, entry, TTL_SECONDS)


class FrontCacheMiddleware:
    """Outermost: serve finished public pages before sessions, CSRF, auth and URL routing.

    Stores what ``cached_page`` views answered, with every header the inner middleware added
    (CSP, Referrer-Policy…). Same rules: GET (HEAD is answered from the GET page), no session, no
    messages. Behind ``puente.public.fastpath`` it only stores: the fast path already looked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        environ = request.META
        if not front_eligible(environ):
            return self.get_response(request)
        looked = environ.pop(LOOKED, None)
        if looked is None:
            key, current, entry = front_lookup(environ)
            if entry is not None:
                return _rebuild(entry)
        else:
            key, current = looked
        if current is None:
            current = generation()
        response = self.get_response(request)
        if request.method == "GET" and getattr(response, "puente_public", False) and not response.cookies:
            front_store(key, current, response)
        return response


def _rebuild(entry: tuple) -> HttpResponse:
    _generation, _expiry, status, headers, content = entry
    response = HttpResponse(content, status=int(status[:3]))
    for name, value in headers:
        response[name] = value
    response["X-Puente-Cache"] = "front"
    return response
