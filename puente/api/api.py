"""The read-only JSON API (plus partner submissions), built on django-ninja.

Every item, event and story starts from ``Item.objects.published()``.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from uuid import UUID

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from ninja import NinjaAPI, Path, Query, Status
from ninja.errors import HttpError

from puente.accounts.roles import partner_organization
from puente.catalog import audit, topics
from puente.catalog.display import localized
from puente.catalog.models import Event, Item, Organization, Story, Topic, Translation

from . import schemas
from .auth import PartnerToken
from .docs import LocalSwagger

api = NinjaAPI(
    title="Puente API",
    version="1",
    description="Published items, events, stories, organizations and services. Read-only, except partners' submissions.",
    urls_namespace="api",
    docs=LocalSwagger(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)

LANG = Query(None, pattern=schemas.LANGUAGE, description="Give text in this language when translated.")
PAGE = Query(1, ge=1, le=100000)
PAGE_SIZE = Query(20, ge=1, le=100)
SINCE = Query(None, description="Published after this moment (ISO 8601).")
SERVICE_KINDS = ("service", "resource")


def paginate(queryset, page: int, page_size: int) -> tuple[list, dict]:
    count = queryset.count()
    start = (page - 1) * page_size
    return list(queryset[start : start + page_size]), {
        "count": count,
        "page": page,
        "pages": max(1, math.ceil(count / page_size)),
    }


def aware(moment: datetime | None) -> datetime | None:
    """An aware UTC datetime; 422 for moments the database cannot hold (year 1 minus an offset)."""
    if moment is None:
        return None
    try:
        moment = moment if timezone.is_aware(moment) else timezone.make_aware(moment)
        return moment.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise HttpError(422, "date out of range") from exc


def published_items():
    return (
        Item.objects.published()
        .select_related("organization")
        .prefetch_related("topics", Prefetch("translations", queryset=Translation.objects.all()))
        .order_by("-published_at", "pk")
    )


def item_out(item: Item, language: str | None) -> dict:
    text = localized(item, language or "")
    org = item.organization
    return {
        "uuid": item.uuid,
        "kind": item.kind,
        "title": text.title,
        "body": text.body,
        "language": text.language,
        "original_language": item.language,
        "machine_translated": text.machine,
        "topics": [t.slug for t in item.topics.all()],
        "organization": {"slug": org.slug, "name": org.name} if org else None,
        "languages_offered": item.languages_offered,
        "deadline": item.deadline,
        "urgent": item.urgent,
        "published_at": item.published_at,
        "url": f"{settings.SITE_URL}/{translation.get_language() or 'en'}/items/{item.uuid}/",
    }


def filter_items(queryset, kind, topic, language, since):
    if kind:
        queryset = queryset.of_kind(kind)
    if topic:
        queryset = queryset.filter(pk__in=Item.objects.with_topic(topic).values("pk"))
    if language:
        code = language.lower().split("-")[0].split("_")[0]
        translated = Translation.objects.filter(language__istartswith=code).values("item_id")
        queryset = queryset.filter(Q(language__istartswith=code) | Q(pk__in=translated))
    if since:
        queryset = queryset.filter(published_at__gt=aware(since))
    return queryset


@api.get("/items", response=schemas.ItemPage, tags=["items"])
def list_items(
    request,
    kind: schemas.Kind | None = None,
    topic: str | None = Query(None, pattern=schemas.SLUG),
    language: str | None = LANG,
    since: datetime | None = SINCE,
    page: int = PAGE,
    page_size: int = PAGE_SIZE,
):
    """Published items, newest first."""
    rows, meta = paginate(filter_items(published_items(), kind, topic, language, since), page, page_size)
    return {**meta, "results": [item_out(i, language) for i in rows]}


@api.get("/items/{uuid}", response={200: schemas.ItemOut, 404: schemas.Error}, tags=["items"])
def get_item(request, uuid: UUID, language: str | None = LANG):
    return item_out(get_object_or_404(published_items(), uuid=uuid), language)


@api.get("/services", response=schemas.ItemPage, tags=["items"])
def list_services(
    request,
    topic: str | None = Query(None, pattern=schemas.SLUG),
    language: str | None = LANG,
    page: int = PAGE,
    page_size: int = PAGE_SIZE,
):
    """Published services and resources."""
    queryset = filter_items(published_items().of_kind(*SERVICE_KINDS), None, topic, language, None)
    rows, meta = paginate(queryset, page, page_size)
    return {**meta, "results": [item_out(i, language) for i in rows]}


def event_out(event: Event, language: str | None) -> dict:
    text = localized(event.item, language or "")
    return {
        "uid": event.uid,
        "item": event.item.uuid,
        "title": text.title,
        "language": text.language,
        "start": event.start,
        "end": event.end,
        "all_day": event.all_day,
        "timezone": event.timezone,
        "location": event.location,
        "online": event.online,
        "rsvp_url": event.rsvp_url,
        "topics": [t.slug for t in event.item.topics.all()],
    }


@api.get("/events", response=schemas.EventPage, tags=["events"])
def list_events(
    request,
    topic: str | None = Query(None, pattern=schemas.SLUG),
    upcoming: bool | None = Query(None, description="true: not over yet; false: over; absent: all."),
    language: str | None = LANG,
    page: int = PAGE,
    page_size: int = PAGE_SIZE,
):
    queryset = (
        Event.objects.published()
        .select_related("item")
        .prefetch_related("item__topics", "item__translations")
    )
    if upcoming is True:
        queryset = queryset.upcoming()
    elif upcoming is False:
        queryset = queryset.past()
    else:
        queryset = queryset.order_by("start", "pk")
    if topic:
        queryset = queryset.filter(item__in=Item.objects.with_topic(topic).values("pk"))
    rows, meta = paginate(queryset, page, page_size)
    return {**meta, "results": [event_out(e, language) for e in rows]}


@api.get("/stories", response=schemas.StoryPage, tags=["stories"])
def list_stories(request, page: int = PAGE, page_size: int = PAGE_SIZE):
    """Stories told by several published items."""
    queryset = (
        Story.objects.annotate(published=Count("items", filter=Q(items__status=Item.PUBLISHED)))
        .filter(published__gt=0)
        .order_by("-updated", "pk")
    )
    rows, meta = paginate(queryset, page, page_size)
    results = [{"slug": s.slug, "title": s.title, "updated": s.updated, "items": s.published} for s in rows]
    return {**meta, "results": results}


def organization_out(org: Organization) -> dict:
    return {
        "slug": org.slug,
        "name": org.name,
        "acronym": org.acronym,
        "description": org.description,
        "website": org.website,
        "email": org.email,
        "phone": org.phone,
        "address": org.address,
        "hours": org.hours,
        "languages": org.languages,
        "areas": [t.slug for t in org.areas.all()],
        "nonprofit": org.is_nonprofit,
        "free_or_low_cost": org.is_free_or_low_cost,
        "doj_recognized": org.doj_recognized,
        "last_verified": org.last_verified,
    }


@api.get("/organizations", response=schemas.OrganizationPage, tags=["organizations"])
def list_organizations(
    request,
    area: str | None = Query(None, pattern=schemas.SLUG),
    language: str | None = Query(
        None, pattern=schemas.LANGUAGE, description="Serves people in this language."
    ),
    page: int = PAGE,
    page_size: int = PAGE_SIZE,
):
    queryset = Organization.objects.listed().prefetch_related("areas").order_by("name")
    if area:
        queryset = queryset.filter(areas__slug=area)
    if language:
        # Languages served are a JSON list; a portable filter runs in Python (organizations are few).
        code = language.lower()
        wanted = [o.pk for o in queryset.only("pk", "languages") if code in [c.lower() for c in o.languages]]
        queryset = queryset.filter(pk__in=wanted)
    rows, meta = paginate(queryset, page, page_size)
    return {**meta, "results": [organization_out(o) for o in rows]}


@api.get(
    "/organizations/{slug}",
    response={200: schemas.OrganizationOut, 404: schemas.Error},
    tags=["organizations"],
)
def get_organization(request, slug: str = Path(..., pattern=schemas.SLUG)):
    return organization_out(
        get_object_or_404(Organization.objects.listed().prefetch_related("areas"), slug=slug)
    )


@api.get("/topics", response=list[schemas.TopicOut], tags=["topics"])
def list_topics(request, language: str | None = LANG):
    known = {code for code, _ in settings.LANGUAGES}
    with translation.override(language if language in known else translation.get_language()):
        return [
            {"slug": t.slug, "name": topics.label(t.slug), "is_need": t.is_need} for t in Topic.objects.all()
        ]


@api.post(
    "/items",
    auth=PartnerToken(),
    response={201: schemas.Submitted, 403: schemas.Error},
    tags=["partners"],
)
def submit_item(request, payload: schemas.ItemIn):
    """A partner sends an item for review: it waits as a draft, under the partner's organization."""
    organization = partner_organization(request.auth)
    if organization is None:
        raise HttpError(403, "Only partners acting for an organization may submit.")
    with transaction.atomic():
        item = Item.objects.create(
            kind=payload.kind,
            title=payload.title,
            body=payload.body,
            language=payload.language,
            deadline=payload.deadline,
            organization=organization,
            submitted_by=request.auth,
            status=Item.DRAFT,
        )
        item.topics.set(Topic.objects.filter(slug__in=payload.topics))
        for event in payload.events:
            Event.objects.create(
                item=item, **{**event.dict(), "start": aware(event.start), "end": aware(event.end)}
            )
        audit.record(request.auth, "api_submit", item)
    return Status(201, {"uuid": item.uuid, "status": item.status})
