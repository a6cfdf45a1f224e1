"""Template context every page needs."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language_bidi


def site(request) -> dict:
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "TEXT_DIR": "rtl" if get_language_bidi() else "ltr",
    }
