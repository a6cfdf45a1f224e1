"""Requests generated from our OpenAPI description never make the server fail."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from puente.digests.tests.helpers import make_event, make_item

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def same_connection():
    """As Django's test client does: requests must not close the test's connection (on PostgreSQL
    the test runs inside a transaction that closing would end)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(db, organization, same_connection) -> str:
    """Some data to find, and a partner's token so submissions get past authentication."""
    from django.contrib.auth.models import User

    from puente.accounts.models import Profile
    from puente.api.auth import issue

    make_item("Clinic", topics=["legal"], kind="service")
    make_event("Workshop")
    user = User.objects.create(username="fuzz-partner")  # no password: hashing one is slow
    return issue(Profile.objects.create(user=user, role=Profile.PARTNER, organization=organization))


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_is_a_server_error(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])
