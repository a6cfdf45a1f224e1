"""Search tests use the public site's fixtures: an empty cache, its routes, one of every page type."""

from puente.public.tests.conftest import empty_cache, public_routes_only, site  # noqa: F401
