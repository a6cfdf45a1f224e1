import pytest


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    # Settings are read before the root conftest can set PUENTE_TESTING: no manifest in tests.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
