"""What the API returns: published things only, text in the reader's language when we have it."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime
from typing import Literal
from uuid import UUID

from ninja import Field, Schema
from pydantic import field_validator

Kind = Literal[
    "news", "event", "action", "resource", "service", "job", "opportunity", "statement", "press", "fundraiser"
]
SLUG = r"^[a-z0-9][a-z0-9-]{0,49}$"
LANGUAGE = r"^[a-zA-Z]{2,3}([_-][a-zA-Z0-9]{2,8})?$"


class OrganizationRef(Schema):
    slug: str
    name: str


class ItemOut(Schema):
    uuid: UUID
    kind: str
    title: str
    body: str
    language: str = Field(description="Language of title and body: a translation's, or the original's.")
    original_language: str
    machine_translated: bool
    topics: list[str]
    organization: OrganizationRef | None
    languages_offered: list[str]
    deadline: date | None
    urgent: bool
    published_at: datetime | None
    url: str


class EventOut(Schema):
    uid: UUID
    item: UUID
    title: str
    language: str
    start: datetime
    end: datetime | None
    all_day: bool
    timezone: str
    location: str
    online: bool
    rsvp_url: str
    topics: list[str]


class StoryOut(Schema):
    slug: str
    title: str
    updated: datetime
    items: int


class OrganizationOut(Schema):
    slug: str
    name: str
    acronym: str
    description: str
    website: str
    email: str
    phone: str
    address: str
    hours: str
    languages: list[str]
    areas: list[str]
    nonprofit: bool
    free_or_low_cost: bool
    doj_recognized: bool
    last_verified: date | None


class TopicOut(Schema):
    slug: str
    name: str
    is_need: bool


class Page(Schema):
    count: int
    page: int
    pages: int


class ItemPage(Page):
    results: list[ItemOut]


class EventPage(Page):
    results: list[EventOut]


class StoryPage(Page):
    results: list[StoryOut]


class OrganizationPage(Page):
    results: list[OrganizationOut]


def no_nul(value):
    """PostgreSQL refuses NUL characters in text; say so instead of failing."""
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("text may not contain NUL characters")
    if isinstance(value, list) and any("\x00" in v for v in value if isinstance(v, str)):
        raise ValueError("text may not contain NUL characters")
    return value


class EventIn(Schema):
    start: datetime
    end: datetime | None = None
    timezone: str = Field("America/Chicago", max_length=64)
    location: str = Field("", max_length=300)
    online: bool = False

    _no_nul = field_validator("location", mode="after")(no_nul)

    @field_validator("timezone")
    @classmethod
    def known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError) as exc:
            raise ValueError("not an IANA time zone") from exc
        return value


class ItemIn(Schema):
    kind: Kind
    title: str = Field(min_length=1, max_length=500)
    body: str = Field(min_length=1, max_length=20000)
    language: str = Field("", pattern=r"^([a-zA-Z]{2,3}([_-][a-zA-Z0-9]{2,8})?)?$")
    topics: list[str] = Field(default_factory=list, max_length=10)
    deadline: date | None = None
    events: list[EventIn] = Field(default_factory=list, max_length=10)

    _no_nul = field_validator("title", "body", "topics", mode="after")(no_nul)


class Submitted(Schema):
    uuid: UUID
    status: str


class Error(Schema):
    detail: str
