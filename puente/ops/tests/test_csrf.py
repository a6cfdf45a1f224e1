"""Forms keep CSRF protection under Referrer-Policy: no-referrer (browsers then send Origin: null)."""

import pytest
from django.test import Client


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def post_with_null_origin(client, fetch_site: str):
    """A form post as Chromium sends it under Referrer-Policy: no-referrer, with a valid token."""
    client.get("/en/safety/plan/")
    token = client.cookies["csrftoken"].value
    return client.post(
        "/i18n/setlang/",
        {"language": "es", "next": "/es/", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE=fetch_site,
    )


@pytest.mark.django_db
def test_a_same_origin_post_with_a_null_origin_passes(csrf_client):
    assert post_with_null_origin(csrf_client, "same-origin").status_code == 302


@pytest.mark.django_db
def test_a_cross_site_post_with_a_null_origin_is_refused(csrf_client):
    assert post_with_null_origin(csrf_client, "cross-site").status_code == 403


@pytest.mark.django_db
def test_a_same_origin_post_without_the_token_is_still_refused(csrf_client):
    response = csrf_client.post(
        "/i18n/setlang/", {"language": "es"}, HTTP_ORIGIN="null", HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert response.status_code == 403


def test_every_page_says_no_referrer(client, db):
    response = client.get("/en/safety/plan/")
    assert response["Referrer-Policy"] == "no-referrer"
