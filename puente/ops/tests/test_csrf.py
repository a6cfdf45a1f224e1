"""Forms keep CSRF protection under Referrer-Policy: no-referrer (browsers then send Origin: null)."""

import pytest
from django.test import Client


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)



@pytest.mark.django_db
def test_a_same_origin_post_with_a_null_origin_passes(csrf_client):
    csrf_client.get("/en/safety/plan/")
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(
        "/i18n/setlang/",
        {"language": "es", "next": "/es/", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_cross_site_post_with_a_null_origin_is_refused(csrf_client):
    csrf_client.get("/en/safety/plan/")
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(
        "/i18n/setlang/",
        {"language": "es", "next": "/es/", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_same_origin_post_without_the_token_is_still_refused(csrf_client):
    response = csrf_client.post(
        "/i18n/setlang/", {"language": "es"}, HTTP_ORIGIN="null", HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert response.status_code == 403


def test_every_page_says_no_referrer(client, db):
    response = client.get("/en/safety/plan/")
    assert response["Referrer-Policy"] == "no-referrer"
