"""Responses that leave no trace: not cached anywhere, no referrer, POST bodies out of error reports."""

from __future__ import annotations

from functools import wraps

from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables


def leaves_no_trace(view):
    """Wraps a view that handles what a person typed about their family."""
    view = sensitive_variables()(view)  # the view's own frame, not only this wrapper's

    @wraps(view)
    @sensitive_post_parameters()
    @sensitive_variables()
    @never_cache
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # never_cache already sends Cache-Control: no-store; Pragma is for old HTTP/1.0 caches.
        response["Pragma"] = "no-cache"
        # Under no-referrer Chromium posts "Origin: null"; puente.lib.middleware.CsrfViewMiddleware
        # accepts it when Sec-Fetch-Site says same-origin, so the plan keeps CSRF and no referrer.
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapped
