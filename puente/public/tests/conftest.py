"""The public site's routes alone, and one of every page type."""

import pytest


@pytest.fixture(autouse=True)
def public_routes_only(settings):
    # The public site's routes alone, mounted as puente/urls.py mounts them.
    settings.ROOT_URLCONF = "puente.public.tests.urls"


@pytest.fixture
def site(db) -> dict:
    """One of every page type; the paths come without the language prefix."""
    from puente.public import factories

    return factories.every_page_type()
