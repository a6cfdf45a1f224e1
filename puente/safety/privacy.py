"""Responses that leave no trace: not cached anywhere, no referrer to other sites, POST bodies out of error reports."""

from __future__ import annotations

from functools import wraps

from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables


def leaves_no_trace(view):
    """Wraps a view that handles what a person typed about their family."""

    @wraps(view)
    @sensitive_post_parameters()
    @sensitive_variables()
    @never_cache
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # never_cache already sends Cache-Control: no-store; Pragma is for old HTTP/1.0 caches.
        response["Pragma"] = "no-cache"
        # Never a Referer to another site. Not "no-referrer": with it Chromium sends "Origin: null" on
        # this page's own POSTs and Django's CSRF check refuses them. PDFs (no forms) say no-referrer.
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped
