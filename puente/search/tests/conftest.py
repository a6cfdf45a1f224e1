"""Search tests use the public site's fixtures: its routes, one of every page type."""

from puente.public.tests.conftest import public_routes_only, site  # noqa: F401
