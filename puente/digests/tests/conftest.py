from __future__ import annotations

import pytest

from .helpers import start_sink


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free port; Django's SMTP backend sends to it; tasks run at once."""
    controller, sink = start_sink()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
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
