"""Atom feeds parse as Atom; iCalendar feeds parse back with icalendar and keep stable UIDs."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta

import feedparser
import icalendar
import pytest
from django.utils import timezone

from puente.catalog.models import Item, Translation
from puente.digests.tests.helpers import make_event, make_item

pytestmark = pytest.mark.django_db


def test_the_topic_feed_is_atom_with_published_items_in_the_language(client):
    item = make_item("Legal clinic", topics=["legal"])
    Translation.objects.create(
        item=item, language="es", title="Clínica legal", body="Sábado", source_hash=item.source_hash
    )
    make_item("Counselling", topics=["mental-health"])
    make_item("Draft clinic", topics=["legal"], status=Item.DRAFT)
    response = client.get("/feeds/es/topics/legal.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.version == "atom10" and not feed.bozo
    assert [e.title for e in feed.entries] == ["Clínica legal"]
    assert feed.entries[0].id == f"urn:uuid:{item.uuid}"
    assert feed.entries[0].link.endswith(f"/es/items/{item.uuid}/")


def test_kind_and_language_feeds_and_unknown_ones(client):
    make_item("A job", kind="job")
    make_item("News")
    assert [e.title for e in feedparser.parse(client.get("/feeds/en/kinds/job.atom").content).entries] == [
        "A job"
    ]
    assert len(feedparser.parse(client.get("/feeds/ar/items.atom").content).entries) == 2
    assert client.get("/feeds/xx/items.atom").status_code == 404
    assert client.get("/feeds/en/kinds/nope.atom").status_code == 404
    assert client.get("/feeds/en/topics/nope.atom").status_code == 404


def test_the_calendar_is_valid_icalendar_with_zones_and_stable_uids(client):
    chicago = zoneinfo.ZoneInfo("America/Chicago")
    start = datetime(2031, 3, 9, 18, 30, tzinfo=chicago)  # the evening DST starts
    event = make_event("Rights workshop", start=start, location="Library", timezone="America/Chicago")
    day = make_event(
        "Day of action", start=timezone.now() + timedelta(days=2), all_day=True, topics=["legal"]
    )
    draft = make_event("Draft gathering")
    Item.objects.filter(pk=draft.item_id).update(status=Item.DRAFT)

    body = client.get("/feeds/events.ics").content
    cal = icalendar.Calendar.from_ical(body)
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {str(event.uid), str(day.uid)}
    vevent = events[str(event.uid)]
    for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY"):
        assert prop in vevent
    assert vevent["DTSTART"].params["TZID"] == "America/Chicago"
    assert vevent.decoded("DTSTART") == start
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["America/Chicago"]
    # Fetched again: the same UIDs, so calendar apps update instead of duplicating.
    again = icalendar.Calendar.from_ical(client.get("/feeds/events.ics").content)
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == set(events)


def test_the_topic_calendar_keeps_only_that_topic(client):
    make_event("Legal day", topics=["legal"], all_day=True)
    make_event("Picnic", topics=["community-education"])
    cal = icalendar.Calendar.from_ical(client.get("/feeds/topics/legal/events.ics").content)
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Legal day"]
    start = cal.walk("VEVENT")[0].decoded("DTSTART")
    assert isinstance(start, date) and not isinstance(start, datetime)  # all day: a DATE value
