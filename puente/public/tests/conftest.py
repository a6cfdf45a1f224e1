"""Public pages are cached in memory: every test starts with an empty cache."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def public_routes_only(settings):
    # The public site's routes alone, mounted as puente/urls.py mounts them.
    settings.ROOT_URLCONF = "puente.public.tests.urls"


@pytest.fixture
def site(db) -> dict:
    """One of every page type; the paths come without the language prefix."""
    from puente.public import factories

    return factories.every_page_type()
