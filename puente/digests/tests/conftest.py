from __future__ import annotations

import pytest

from .helpers import start_sink


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free port; Django's SMTP backend sends to it; tasks run at once."""
    controller, sink = start_sink()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 30},
        }
    }
    settings.DEFAULT_FROM_EMAIL = "Puente <news@puente.example>"
    settings.SITE_URL = "https://puente.example"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.DIGESTS_RETRY_BASE_SECONDS = 0.01
    yield sink
    controller.stop()


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
