"""Middleware Django does not ship: Permissions-Policy, and a clear 503 when the database is away."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware import csrf
from django.template.loader import render_to_string

log = logging.getLogger(__name__)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class DatabaseUnavailableMiddleware:
    """A locked or unreachable database answers 503 with a plain page, and recovers by itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError) and not (
            isinstance(exception, DatabaseError) and "locked" in str(exception)
        ):
            return None
        log.warning("database unavailable: %s", exception.__class__.__name__)
        body = render_to_string("503.html", request=None)
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response


class CsrfViewMiddleware(csrf.CsrfViewMiddleware):
    """Django's CSRF protection, made to live with ``Referrer-Policy: no-referrer``.

    Under no-referrer, Chromium sends ``Origin: null`` with a page's own form posts, which Django
    refuses. ``Sec-Fetch-Site`` is set by the browser alone (pages cannot forge it), so a null
    origin that the browser itself calls same-origin is accepted; the CSRF token is still checked.
    """

    def _origin_verified(self, request):
        if (
            request.META.get("HTTP_ORIGIN") == "null"
            and request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"
        ):
            return True
        return super()._origin_verified(request)
