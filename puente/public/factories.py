"""Synthetic published data for tests, benchmarks and screenshots (never real people's data)."""

from __future__ import annotations

import datetime
import itertools
import random

from django.utils import timezone

from puente.catalog.models import Contact, Event, Item, Organization, Page, Story, Topic, Translation
from puente.catalog.topics import TOPICS

_counter = itertools.count(1)

WORDS = (
    "workshop clinic rights housing legal asylum citizenship vaccine school food pantry rent tenant "
    "workers wages health family children library meeting volunteers community support interpreter"
).split()
SPANISH = (
    "taller clínica derechos vivienda asesoría asilo ciudadanía vacuna escuela comida familia niños".split()
)


def topic(slug: str) -> Topic:
    obj, _ = Topic.objects.get_or_create(
        slug=slug, defaults={"name": str(TOPICS.get(slug, slug)), "is_need": slug in TOPICS}
    )
    return obj


def organization(**fields) -> Organization:
    n = next(_counter)
    defaults = {
        "name": f"Community Partner {n}",
        "phone": "+13125550100",
        "email": f"hello{n}@partner.example",
        "languages": ["en", "es"],
        "hours": "Mon–Fri 9:00–17:00",
        "last_verified": datetime.date(2026, 10, 1),
    }
    defaults.update(fields)
    areas = defaults.pop("areas", [])
    org = Organization.objects.create(**defaults)
    for slug in areas:
        org.areas.add(topic(slug))
    return org


def item(**fields) -> Item:
    n = next(_counter)
    defaults = {
        "title": f"Community announcement {n}",
        "body": f"Details for announcement {n}.\n\nA second paragraph.",
        "language": "en",
        "kind": "news",
        "status": Item.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=n),
    }
    defaults.update(fields)
    topics = defaults.pop("topics", [])
    phones = defaults.pop("phones", [])
    obj = Item.objects.create(**defaults)
    for slug in topics:
        obj.topics.add(topic(slug))
    for phone in phones:
        Contact.objects.create(item=obj, kind="phone", value=phone)
    return obj


def event(start: datetime.datetime | None = None, **fields) -> Event:
    event_fields = {
        k: fields.pop(k)
        for k in ("end", "location", "online", "rsvp_url", "timezone", "all_day")
        if k in fields
    }
    fields.setdefault("kind", "event")
    parent = fields.pop("item", None) or item(**fields)
    start = start or timezone.now() + datetime.timedelta(days=3)
    return Event.objects.create(item=parent, start=start, **event_fields)


def translation(of: Item, language: str, title: str, body: str, machine: bool = False) -> Translation:
    return Translation.objects.create(
        item=of, language=language, title=title, body=body, machine=machine, source_hash=of.source_hash
    )


def page(language: str = "en", **fields) -> Page:
    n = next(_counter)
    defaults = {
        "slug": f"page-{n}",
        "title": f"Rights page {n}",
        "body": "Paragraph one.\n\nTwo.",
        "published": True,
    }
    defaults.update(fields)
    return Page.objects.create(language=language, **defaults)


def story(title: str, items: list[Item]) -> Story:
    st = Story.objects.create(title=title)
    for it in items:
        it.story = st
        it.save(update_fields=["story"])
    return st


def every_page_type() -> dict:
    """One of everything the public site shows; returns the objects' URLs (without language prefix)."""
    org = organization(
        name="Lakeshore Legal Aid", acronym="LLA", areas=["legal"], doj_recognized=True, is_nonprofit=True
    )
    news = item(
        title="City council passes welcoming ordinance",
        organization=org,
        topics=["legal"],
        urgent=True,
        pinned=True,
        last_checked=datetime.date(2026, 11, 20),
    )
    translation(
        news, "es", "El concejo aprueba una ordenanza de bienvenida", "Detalles en español.\n\nOtro párrafo."
    )
    other = item(
        title="Welcoming ordinance: what it means", organization=organization(name="Northside Workers Center")
    )
    st = story("Welcoming ordinance", [news, other])
    service = item(
        title="Free immigration consultations",
        kind="service",
        organization=org,
        topics=["legal"],
        phones=["+13125550199"],
        languages_offered=["en", "es", "ar"],
        last_checked=datetime.date(2026, 11, 1),
    )
    action = item(
        title="Call your representative about the budget",
        kind="action",
        organization=org,
        body="Say you are a constituent and ask them to fund legal aid.",
        phones=["+12025550123"],
    )
    item(title="Volunteer interpreters needed", kind="opportunity", organization=org)
    item(title="Paralegal position", kind="job", organization=org)
    item(title="Bail fund drive", kind="fundraiser", organization=org)
    item(
        title="Taller de derechos laborales",
        body="Aprenda sus derechos en el trabajo.",
        language="es",
        kind="news",
        organization=org,
    )
    ev = event(
        title="Know-your-rights workshop",
        organization=org,
        topics=["know-your-rights"],
        location="Harold Washington Library, 400 S State St, Chicago",
        rsvp_url="https://partner.example/rsvp",
        timezone="America/Chicago",
        languages_offered=["en", "es"],
    )
    kyr = page(
        title="Know your rights at the door",
        slug="at-the-door-demo",
        summary="What to do",
        needs_legal_review=True,
    )
    return {
        "home": "",
        "events": "events/",
        "past_events": "events/past/",
        "month": "events/month/",
        "event": f"events/{ev.uid}/",
        "help": "help/",
        "help_need": "help/legal/",
        "organizations": "organizations/",
        "organization": f"organizations/{org.slug}/",
        "stories": "stories/",
        "story": f"stories/{st.slug}/",
        "involved": "get-involved/",
        "item": f"items/{news.uuid}/",
        "service": f"items/{service.uuid}/",
        "action": f"items/{action.uuid}/",
        "rights": "rights/",
        "rights_page": f"rights/{kyr.slug}/",
        "search": "search/?q=workshop",
    }


def bulk(count: int, seed: int = 1) -> None:
    """Many published items quickly (benchmarks): bulk_create, then the caller reindexes."""
    rng = random.Random(seed)
    orgs = [organization(name=f"Benchmark Partner {i}") for i in range(20)]
    now = timezone.now()
    batch = []
    for n in range(count):
        words = rng.sample(WORDS, 8) + rng.sample(SPANISH, 3)
        batch.append(
            Item(
                title=" ".join(words[:5]).capitalize(),
                body=" ".join(words) + f" número {n}.",
                language="en",
                kind=rng.choice(["news", "service", "resource", "action", "event"]),
                status=Item.PUBLISHED,
                organization=orgs[n % len(orgs)],
                published_at=now - datetime.timedelta(minutes=n),
            )
        )
        if len(batch) == 2000:
            Item.objects.bulk_create(batch)
            batch = []
    Item.objects.bulk_create(batch)
    items = list(Item.objects.filter(kind="event").order_by("-id")[:60])
    Event.objects.bulk_create(
        [
            Event(item=it, start=now + datetime.timedelta(days=i % 40, hours=i % 9), location="Main library")
            for i, it in enumerate(items)
        ]
    )
