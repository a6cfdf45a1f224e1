"""One client cannot flood the search; others are not affected; the limit can be switched off."""

import pytest


@pytest.mark.django_db
def test_it_answers_429_after_the_limit_then_serves_other_clients(client, settings):
    settings.SEARCH_RATE_PER_MINUTE = 3
    for _ in range(3):
        assert client.get("/en/search/?q=clinic").status_code == 200
    limited = client.get("/en/search/?q=clinic")
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    assert "Too many searches" in limited.content.decode()
    assert client.get("/en/search/?q=clinic", REMOTE_ADDR="10.9.8.7").status_code == 200


@pytest.mark.django_db
def test_the_limit_message_is_translated(client, settings):
    settings.SEARCH_RATE_PER_MINUTE = 1
    client.get("/es/search/?q=clinica")
    body = client.get("/es/search/?q=clinica").content.decode()
    assert "Demasiadas búsquedas" in body


@pytest.mark.django_db
def test_an_empty_form_does_not_count(client, settings):
    settings.SEARCH_RATE_PER_MINUTE = 1
    for _ in range(5):
        assert client.get("/en/search/").status_code == 200


@pytest.mark.django_db
def test_zero_switches_the_limit_off(client, settings):
    settings.SEARCH_RATE_PER_MINUTE = 0
    for _ in range(10):
        assert client.get("/en/search/?q=clinic").status_code == 200
