"""Digests, alerts and reminders sent through a real SMTP server, claimed once per period."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from puente.catalog.models import Item, Translation
from puente.digests import delivery
from puente.digests.models import Alert, Reminder, SendLog, Subscriber

from .helpers import make_event, make_item, make_subscriber, parts

pytestmark = pytest.mark.django_db


def test_a_digest_holds_only_the_topics_chosen_since_the_last_one(smtp):
    make_subscriber("rosa@example.net", topics=["legal"], last_digest_at=timezone.now() - timedelta(hours=5))
    make_item("Free legal clinic", topics=["legal"])
    make_item("Old legal news", topics=["legal"], published_at=timezone.now() - timedelta(days=2))
    make_item("Counselling group", topics=["mental-health"])
    make_item("Unpublished legal draft", topics=["legal"], status=Item.DRAFT)
    outcome = delivery.run_digests(Subscriber.DAILY)
    assert (outcome.sent, outcome.failed) == (1, 0)
    [message] = smtp.messages
    text, html = parts(message)
    assert "Free legal clinic" in text and "Free legal clinic" in html
    for absent in ("Old legal news", "Counselling group", "Unpublished legal draft"):
        assert absent not in text and absent not in html
    assert message["Subject"] == "Puente: 1 new item"
    link = re.search(r"https://puente\.example(/en/items/[0-9a-f-]+/)", text).group(1)
    assert link in html and "Free legal clinic" in Client().get(link).content.decode()


def test_a_digest_carries_one_click_unsubscribe_and_a_working_link(smtp):
    subscriber = make_subscriber()
    make_item()
    delivery.run_digests(Subscriber.DAILY)
    [message] = smtp.messages
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    web, mailto = re.findall(r"<([^>]+)>", message["List-Unsubscribe"])
    assert web.startswith("https://puente.example/en/subscribe/unsubscribe/") and mailto.startswith("mailto:")
    text, html = parts(message)
    assert web in text and web in html and "<img" not in html and "http" not in html.split("<body>")[0]
    manage = re.search(r"https://puente\.example(/en/subscribe/manage/[^/]+/)", text).group(1)
    assert subscriber.email in Client().get(manage).content.decode()
    assert (
        Client(enforce_csrf_checks=True).post(web.removeprefix("https://puente.example")).status_code == 200
    )
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.UNSUBSCRIBED


def test_a_digest_is_in_the_readers_language_with_the_sites_fallback(smtp):
    make_subscriber("amal@example.net", language="ar")
    translated = make_item("Legal clinic", topics=["legal"])
    Translation.objects.create(
        item=translated,
        language="ar",
        title="عيادة قانونية",
        body="تفاصيل",
        machine=True,
        source_hash=translated.source_hash,
    )
    make_item("Untranslated clinic", topics=["legal"])
    delivery.run_digests(Subscriber.DAILY)
    _, html = parts(smtp.messages[0])
    assert '<html lang="ar" dir="rtl">' in html
    assert "عيادة قانونية" in html and "Untranslated clinic" in html  # the original when no translation
    assert '<div lang="en" dir="auto">' in html and '<div lang="ar" dir="auto">' in html
    assert smtp.messages[0]["Subject"] == "Puente: عنصران جديدان"  # Arabic's dual, RFC 2047-encoded


def test_an_address_with_an_international_domain_goes_through_djangos_own_path(smtp):
    make_subscriber("rosa@bücher.example")
    make_item()
    assert delivery.run_digests(Subscriber.DAILY).sent == 1
    assert smtp.envelopes[0][1] == ["rosa@xn--bcher-kva.example"]


def test_it_sends_each_digest_once_per_period(smtp):
    make_subscriber()
    make_item()
    delivery.run_digests(Subscriber.DAILY)
    make_item("Second clinic")
    again = delivery.run_digests(Subscriber.DAILY)
    assert again.sent == 0 and len(smtp.raw) == 1
    assert SendLog.objects.get().status == SendLog.SENT


def test_it_sends_nothing_when_nothing_is_new_and_does_not_mail_the_unconfirmed(smtp):
    make_subscriber("quiet@example.net", topics=["employers"])
    make_subscriber("pending@example.net", confirmed_at=None)
    make_subscriber("failing@example.net", status=Subscriber.FAILING)
    make_item(topics=["legal"])
    outcome = delivery.run_digests(Subscriber.DAILY)
    assert (outcome.sent, outcome.empty) == (0, 1) and smtp.raw == []


def test_it_retries_temporary_failures_and_gives_up_on_permanent_ones(smtp):
    make_subscriber("a@example.net")
    make_subscriber("b@example.net")
    make_item()
    smtp.refusals = ["451 4.3.0 try again later", "451 4.3.0 try again later", None, "550 5.1.1 no such user"]
    outcome = delivery.run_digests(Subscriber.DAILY)
    # a: refused twice then accepted; b: refused for good.
    assert (outcome.sent, outcome.failed) == (1, 1)
    assert [to for _, [to] in smtp.envelopes] == ["a@example.net"]
    failed = SendLog.objects.get(status=SendLog.FAILED)
    assert failed.subscriber.email == "b@example.net" and failed.error.startswith("permanent")


def test_backoff_grows_exponentially_up_to_a_cap(settings):
    settings.DIGESTS_RETRY_BASE_SECONDS, settings.DIGESTS_RETRY_MAX_SECONDS = 1, 10
    assert [delivery.backoff(n) for n in range(5)] == [1, 2, 4, 8, 10]


def test_a_claim_held_by_a_live_worker_is_left_alone_but_a_dead_ones_is_taken(smtp):
    subscriber = make_subscriber()
    now = timezone.now()
    period = delivery.period_of(Subscriber.DAILY, now)
    live = delivery.new_claim_token()  # this very process: alive
    assert delivery.claim([subscriber.pk], SendLog.DIGEST, period, live, now)
    assert delivery.claim([subscriber.pk], SendLog.DIGEST, period, "other", now) == {}
    SendLog.objects.update(claimed_by=f"{live.split(':')[0]}:999999999:dead")
    assert list(delivery.claim([subscriber.pk], SendLog.DIGEST, period, "other", now)) == [subscriber.pk]


def test_an_expired_lease_is_taken_over(settings):
    settings.DIGESTS_CLAIM_LEASE_SECONDS = 60
    subscriber = make_subscriber()
    now = timezone.now()
    delivery.claim([subscriber.pk], SendLog.DIGEST, "p", "elsewhere:1:x", now - timedelta(minutes=5))
    assert list(delivery.claim([subscriber.pk], SendLog.DIGEST, "p", "me", now)) == [subscriber.pk]


def test_marking_an_item_urgent_alerts_those_who_asked_once(smtp, django_capture_on_commit_callbacks):
    make_subscriber("alerts@example.net", topics=["urgent"], rhythm=Subscriber.NEVER)
    make_subscriber("digest-only@example.net", topics=["legal"])
    item = make_item("ICE checkpoint reported on Main St")
    with django_capture_on_commit_callbacks(execute=True):
        item.urgent = True
        item.save()
    with django_capture_on_commit_callbacks(execute=True):
        item.save()  # saved again by an editor: no second alert
    assert [m["To"] for m in smtp.messages] == ["alerts@example.net"]
    assert smtp.messages[0]["Subject"] == "Urgent: ICE checkpoint reported on Main St"
    assert Alert.objects.get().finished_at is not None


def test_a_draft_marked_urgent_is_not_sent(smtp, django_capture_on_commit_callbacks):
    make_subscriber("alerts@example.net", topics=["urgent"])
    with django_capture_on_commit_callbacks(execute=True):
        make_item("Rumour", status=Item.DRAFT, urgent=True)
    assert smtp.raw == [] and not Alert.objects.exists()


def test_an_event_reminder_is_confirmed_then_sent_the_day_before(client, smtp):
    soon = make_event("Know your rights workshop", timezone="America/Chicago", location="Public library")
    later = make_event("Job fair", start=timezone.now() + timedelta(days=3))
    for event in (soon, later):
        assert (
            client.post(f"/en/subscribe/remind/{event.uid}/", {"email": "li@example.net"}).status_code == 302
        )
    for message in smtp.messages:
        url = re.search(
            r"https://puente\.example(/en/subscribe/remind/confirm/\S+/)", parts(message)[0]
        ).group(1)
        assert client.post(url).status_code == 200
    assert Reminder.objects.count() == 2
    smtp.raw.clear()
    outcome = delivery.run_reminders()
    assert outcome.sent == 1 and delivery.run_reminders().sent == 0
    [message] = smtp.messages
    assert message["Subject"] == "Tomorrow: Know your rights workshop"
    assert "Public library" in parts(message)[0]


def test_the_worker_queues_digests_once_a_day_after_the_hour_and_reminders_hourly(settings):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from puente.digests.schedule import enqueue_due

    settings.DIGESTS_SEND_HOUR = 7
    zone = ZoneInfo(settings.TIME_ZONE)
    assert enqueue_due(datetime(2026, 11, 25, 6, 30, tzinfo=zone)) == ["reminders"]
    assert enqueue_due(datetime(2026, 11, 25, 7, 5, tzinfo=zone)) == ["digests", "reminders"]
    assert enqueue_due(datetime(2026, 11, 25, 7, 40, tzinfo=zone)) == []
    assert enqueue_due(datetime(2026, 11, 26, 9, 0, tzinfo=zone)) == ["digests", "reminders"]
