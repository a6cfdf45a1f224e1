"""Subscribing, double opt-in, managing and unsubscribing, through a real SMTP server."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from puente.digests.models import Subscriber

from .helpers import make_subscriber, parts

pytestmark = pytest.mark.django_db

FORM = {"email": "Rosa@Example.net", "topics": ["legal", "urgent"], "language": "es", "rhythm": "weekly"}


def link(text: str, kind: str) -> str:
    found = re.search(rf"https://puente\.example(/\S*/subscribe/{kind}/\S+/)", text)
    assert found, text
    return found.group(1)


def test_it_sends_a_confirmation_and_subscribes_once_the_link_is_pressed(client, smtp):
    response = client.post("/en/subscribe/", FORM)
    assert response.status_code == 302 and response["Location"] == "/en/subscribe/check-your-inbox/"
    assert not Subscriber.objects.exists()  # nothing stored before confirmation
    [message] = smtp.messages
    assert smtp.envelopes[0][1] == ["rosa@example.net"]
    text, html = parts(message)
    assert message["Subject"] == "Confirme su suscripción a Puente"  # the language chosen in the form
    assert '<html lang="es" dir="ltr">' in html and "<img" not in html
    url = link(text, "confirm")
    assert url.startswith("/es/") and url in html
    assert client.get(url).status_code == 200  # a scanner opening the link subscribes nobody
    assert not Subscriber.objects.exists()
    response = client.post(url)
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.topics, subscriber.rhythm) == (
        "rosa@example.net",
        ["legal", "urgent"],
        "weekly",
    )
    assert subscriber.alerts and subscriber.confirmed_at and subscriber.language == "es"
    assert response.status_code == 302 and "/es/subscribe/manage/" in response["Location"]


def test_it_answers_a_known_address_exactly_like_a_new_one(client, smtp):
    make_subscriber("known@example.net", topics=["mental-health"])
    new = client.post("/en/subscribe/", {**FORM, "email": "new@example.net"}, follow=True)
    known = client.post("/en/subscribe/", {**FORM, "email": "known@example.net"}, follow=True)
    assert new.redirect_chain == known.redirect_chain
    assert new.content == known.content
    [message] = smtp.to("known@example.net")
    text, _ = parts(message)
    assert "already subscribed" in message["Subject"]
    assert client.get(link(text, "manage")).status_code == 200
    assert Subscriber.objects.get(email="known@example.net").topics == [
        "mental-health"
    ]  # not changed by a stranger


def test_it_asks_an_unsubscribed_address_to_confirm_again(client, smtp):
    make_subscriber("gone@example.net", status=Subscriber.UNSUBSCRIBED)
    client.post("/en/subscribe/", {**FORM, "email": "gone@example.net"})
    [message] = smtp.to("gone@example.net")
    client.post(link(parts(message)[0], "confirm"))
    assert Subscriber.objects.get(email="gone@example.net").status == Subscriber.ACTIVE


def test_it_limits_requests_per_address(client, smtp, settings):
    settings.DIGESTS_RATE_PER_EMAIL = 2
    codes = [client.post("/en/subscribe/", FORM).status_code for _ in range(3)]
    assert codes == [302, 302, 429]
    assert "Too many requests" in client.post("/en/subscribe/", FORM).content.decode()
    assert len(smtp.raw) == 2


def test_it_limits_requests_per_client(client, smtp, settings):
    settings.DIGESTS_RATE_PER_IP = 3
    codes = [
        client.post("/en/subscribe/", {**FORM, "email": f"p{n}@example.net"}).status_code for n in range(4)
    ]
    assert codes == [302, 302, 302, 429]


def test_it_refuses_forged_and_expired_links(client, smtp, settings):
    client.post("/en/subscribe/", FORM)
    url = link(parts(smtp.messages[0])[0], "confirm")
    assert client.post(url.replace("/confirm/", "/confirm/x")).status_code == 400
    settings.DIGESTS_CONFIRM_MAX_AGE_HOURS = 0
    assert client.post(url).status_code == 400
    assert not Subscriber.objects.exists()


def test_it_shows_the_form_again_with_errors(client):
    response = client.post("/en/subscribe/", {"email": "not an address", "language": "en", "rhythm": "daily"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


def test_the_preferences_page_changes_choices(client, smtp):
    subscriber = make_subscriber()
    from puente.digests.tokens import make_subscriber_token

    url = f"/en/subscribe/manage/{make_subscriber_token(subscriber)}/"
    response = client.post(url, {"topics": ["employers"], "language": "ar", "rhythm": "never"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert (subscriber.topics, subscriber.language, subscriber.rhythm) == (["employers"], "ar", "never")
    assert client.get(url.replace("manage/", "manage/bad")).status_code == 404


def test_one_click_unsubscribe_works_without_a_csrf_cookie(smtp):
    subscriber = make_subscriber()
    from puente.digests import emails

    headers = emails.list_headers(emails.subscriber_links(subscriber))
    url = re.match(r"<https://puente\.example([^>]+)>", headers["List-Unsubscribe"]).group(1)
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.UNSUBSCRIBED
    # The token rotated: the old link no longer finds anyone, and says so calmly.
    assert strict.post(url).status_code == 200
