"""Cached public pages answered before Django: no HttpRequest, no middleware, one cache read.

``FrontCacheMiddleware`` stores finished public pages; this WSGI wrapper serves them with the
exact status, headers and body stored, under the same rules (GET or HEAD, no session cookie, no
messages cookie, same key and generation); a repeated hit reads only the shared generation. Anything else, and every miss, goes to Django, which
is told the lookup was done so the middleware does not read the cache again.
"""

from __future__ import annotations

from django.conf import settings

from .cache import LOOKED, front_eligible, front_lookup

MIDDLEWARE = "puente.public.cache.FrontCacheMiddleware"


class FastPath:
    def __init__(self, app) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response):
        if not front_eligible(environ):
            return self.app(environ, start_response)
        key, current, entry = front_lookup(environ)
        if entry is None:
            environ[LOOKED] = (key, current)
            return self.app(environ, start_response)
        _generation, _expiry, status, headers, body = entry
        start_response(status, [*headers, ("X-Puente-Cache", "front")])
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]


def wrap(app):
    """The fast path in front of ``app`` when the middleware that fills it is installed."""
    return FastPath(app) if MIDDLEWARE in settings.MIDDLEWARE else app
