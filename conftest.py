"""Shared test setup: personas (editor, partner, subscriber, outsider), paths to ../shared, servers.

Tests that need a server (PostgreSQL) or ../shared skip with a one-line reason on a developer's
machine; under CI (CI=true) they must run, so a missing prerequisite fails instead of skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"



def need(condition: bool, reason: str) -> None:
    """Skip with a one-line reason, except in CI where the prerequisite must be there."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI requires: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: cached pages and rate-limit counters never leak across."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Tests never need `collectstatic`, even where a developer ran it (hashed names need a manifest)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def shared() -> Path:
    need(SHARED.joinpath("gold", "seed-newsletters.txt").exists(), "../shared is not beside the checkout")
    return SHARED


@pytest.fixture
def organization(db):
    from puente.catalog.models import Organization

    return Organization.objects.create(name="Lakeside Immigrant Legal Center", acronym="LILC")


@pytest.fixture
def other_organization(db):
    from puente.catalog.models import Organization

    return Organization.objects.create(name="Riverside Workers Alliance", acronym="RWA")


def _user(username: str, role: str | None = None, organization=None, **extra):
    from django.contrib.auth.models import User

    from puente.accounts.models import Profile

    user = User.objects.create_user(username, f"{username}@example.org", "correct horse battery", **extra)
    if role:
        Profile.objects.create(user=user, role=role, organization=organization)
    return user


@pytest.fixture
def admin_user(db):
    return _user("alma-admin", "admin", is_staff=True, is_superuser=True)


@pytest.fixture
def editor(db):
    return _user("eddie-editor", "editor", is_staff=True)


@pytest.fixture
def partner(db, organization):
    return _user("pat-partner", "partner", organization=organization)


@pytest.fixture
def other_partner(db, other_organization):
    return _user("otto-partner", "partner", organization=other_organization)


@pytest.fixture
def outsider(db):
    return _user("olga-outsider")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client


@pytest.fixture
def browser():
    """Debian's chromium through Playwright (skips locally when missing; CI must have it)."""
    from puente.lib.browser import ARGS, CHROMIUM

    need(CHROMIUM.exists(), "/usr/bin/chromium is not installed")
    # Playwright's sync API runs an event loop in this thread; the ORM calls here happen outside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()
