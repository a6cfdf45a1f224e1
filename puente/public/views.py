"""The public site: what residents read. Every query starts from ``published()``."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import translate_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from puente.catalog.display import localized
from puente.catalog.models import Event, Item, Organization, Page, Story
from puente.catalog.topics import NEEDS, TOPICS

from . import calendars, text
from .cache import cached_page
from .forms import EventFilter

LIST_SIZE = 30
HELP_KINDS = ("service", "resource")
NEWS_KINDS = ("news", "statement", "press")


# What extraction kept for the editors; never shown, and costly to decode for every list row.
EDITORS_ONLY = ("extracted", "corrected_fields", "organizations_named", "handles")


def published_items():
    """Everything a list shows about an item, fetched in a fixed number of queries."""
    return (
        Item.objects.published()
        .defer(*EDITORS_ONLY)
        .select_related("organization")
        .prefetch_related("translations", "topics", "contacts", "events")
        .order_by("-published_at", "-created")
    )


def upcoming_events():
    items = Item.objects.select_related("organization").prefetch_related("translations")
    return Event.objects.published().upcoming().prefetch_related(Prefetch("item", queryset=items))


@cached_page
def home(request: HttpRequest) -> HttpResponse:
    items = published_items()
    context = {
        "urgent": items.filter(Q(urgent=True) | Q(pinned=True))[:5],
        "events": upcoming_events()[:5],
        "needs": [(slug, TOPICS[slug]) for slug in NEEDS],
        "latest": items.filter(kind__in=NEWS_KINDS, urgent=False, pinned=False)[:6],
    }
    return render(request, "public/home.html", context)


@cached_page
def events(request: HttpRequest) -> HttpResponse:
    form = EventFilter(request.GET or None)
    found = upcoming_events()
    if form.is_valid():
        found = form.apply(found)
    return render(request, "public/events.html", {"form": form, "events": found[:100]})


@cached_page
def past_events(request: HttpRequest) -> HttpResponse:
    items = Item.objects.select_related("organization").prefetch_related("translations")
    found = Event.objects.published().past().prefetch_related(Prefetch("item", queryset=items))
    page = Paginator(found, LIST_SIZE).get_page(request.GET.get("page"))
    return render(request, "public/past_events.html", {"page": page})


@cached_page
def month(request: HttpRequest, year: int | None = None, month: int | None = None) -> HttpResponse:
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    grid = calendars.month_grid(year, month, get_language())
    context = {
        "grid": grid,
        "weekdays": calendars.weekday_names(get_language()),
        "previous": calendars.shift(year, month, -1),
        "next": calendars.shift(year, month, 1),
        "title": calendars.month_title(year, month, get_language()),
        "has_events": any(day.events for week in grid for day in week),
    }
    return render(request, "public/month.html", context)


def _event(uid) -> Event:
    items = Item.objects.select_related("organization").prefetch_related("translations", "topics", "contacts")
    queryset = Event.objects.published().prefetch_related(Prefetch("item", queryset=items))
    return get_object_or_404(queryset, uid=uid)


@cached_page
def event(request: HttpRequest, uid) -> HttpResponse:
    ev = _event(uid)
    start = text.local_time(ev.start, ev.timezone)
    end = text.local_time(ev.end, ev.timezone) if ev.end else None
    context = {
        "event": ev,
        "item": ev.item,
        "start": start,
        "end": end,
        "same_day": end is None or end.date() == start.date(),
        "json_ld": json_ld(ev, request),
    }
    return render(request, "public/event.html", context)


def json_ld(ev: Event, request: HttpRequest) -> str:
    """schema.org Event as a data block, escaped so no text can close the script element."""
    shown = localized(ev.item, get_language())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": shown.title,
        "description": shown.body[:500],
        "startDate": text.local_time(ev.start, ev.timezone).isoformat(),
        "url": settings.SITE_URL + request.path,
        "eventAttendanceMode": "https://schema.org/"
        + ("OnlineEventAttendanceMode" if ev.online else "OfflineEventAttendanceMode"),
    }
    if ev.end:
        data["endDate"] = text.local_time(ev.end, ev.timezone).isoformat()
    if ev.location:
        data["location"] = {"@type": "Place", "name": ev.location, "address": ev.location}
    if ev.item.organization:
        data["organizer"] = {"@type": "Organization", "name": ev.item.organization.name}
    raw = json.dumps(data, ensure_ascii=False)
    return mark_safe(raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def event_ics(request: HttpRequest, uid) -> HttpResponse:
    ev = _event(uid)
    body = calendars.ics(
        ev, localized(ev.item, get_language()), settings.SITE_URL + f"/{get_language()}/events/{ev.uid}/"
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{ev.uid}.ics"'
    return response


@cached_page
def help_index(request: HttpRequest) -> HttpResponse:
    groups = [(slug, TOPICS[slug], _help_items(slug)[:5], _help_orgs(slug)[:5]) for slug in NEEDS]
    return render(request, "public/help.html", {"groups": groups})


@cached_page
def help_need(request: HttpRequest, need: str) -> HttpResponse:
    if need not in NEEDS:
        raise Http404
    context = {
        "need": need,
        "label": TOPICS[need],
        "items": _help_items(need)[:100],
        "organizations": _help_orgs(need),
    }
    return render(request, "public/help_need.html", context)


def _help_items(need: str):
    return published_items().filter(kind__in=HELP_KINDS, topics__slug=need).distinct()


def _help_orgs(need: str):
    return Organization.objects.listed().filter(areas__slug=need).prefetch_related("contacts")


@cached_page
def organizations(request: HttpRequest) -> HttpResponse:
    page = Paginator(Organization.objects.listed().order_by("name"), 100).get_page(request.GET.get("page"))
    return render(request, "public/organizations.html", {"page": page})


@cached_page
def organization(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organization.objects.listed().prefetch_related("contacts", "areas"), slug=slug)
    page = Paginator(published_items().filter(organization=org), LIST_SIZE).get_page(request.GET.get("page"))
    return render(request, "public/organization.html", {"org": org, "page": page})


def _stories():
    return Story.objects.filter(items__status=Item.PUBLISHED).distinct()


@cached_page
def stories(request: HttpRequest) -> HttpResponse:
    page = Paginator(_stories(), LIST_SIZE).get_page(request.GET.get("page"))
    return render(request, "public/stories.html", {"page": page})


@cached_page
def story(request: HttpRequest, slug: str) -> HttpResponse:
    st = get_object_or_404(_stories(), slug=slug)
    items = published_items().filter(story=st).order_by("published_at", "created")
    return render(request, "public/story.html", {"story": st, "items": items})


@cached_page
def involved(request: HttpRequest) -> HttpResponse:
    items = published_items()
    context = {
        "actions": items.filter(kind="action")[:20],
        "opportunities": items.filter(kind="opportunity")[:20],
        "jobs": items.filter(kind="job")[:20],
        "fundraisers": items.filter(kind="fundraiser")[:20],
    }
    return render(request, "public/involved.html", context)


@cached_page
def item(request: HttpRequest, uuid) -> HttpResponse:
    it = get_object_or_404(published_items().prefetch_related(_attachments()), uuid=uuid)
    shown = localized(it, get_language())
    original = localized(it, it.language) if shown.is_translation else None
    show_original = request.GET.get("original") == "1" and original is not None
    context = {
        "item": it,
        "shown": original if show_original else shown,
        "translated": shown if show_original else None,
        "showing_original": show_original,
        "contacts": list(it.contacts.all()),
        # Files are served by the ingest app, which checks again that a published item refers to them.
        "attachments": list(it.document.attachments.all())
        if it.document_id and it.refers_to_attachment
        else [],
    }
    return render(request, "public/item.html", context)


def _attachments() -> str:
    return "document__attachments"


@cached_page
def rights(request: HttpRequest) -> HttpResponse:
    return render(request, "public/rights.html", {"pages": rights_pages(get_language())})


def rights_pages(language: str) -> list[Page]:
    """One version of each page: the reader's language, or English, or whatever exists."""
    versions: dict = {}
    preference = {language: 0, settings.LANGUAGE_CODE: 1}
    for page in Page.objects.filter(published=True):
        best = versions.get(page.translation_key)
        if best is None or preference.get(page.language, 2) < preference.get(best.language, 2):
            versions[page.translation_key] = page
    return sorted(versions.values(), key=lambda p: (p.order, p.title))


@cached_page
def rights_page(request: HttpRequest, slug: str) -> HttpResponse:
    pages = Page.objects.filter(published=True, slug=slug)
    page = pages.filter(language=get_language()).first() or pages.first()
    if page is None:
        raise Http404
    if page.language != get_language():
        version = Page.objects.filter(
            published=True, translation_key=page.translation_key, language=get_language()
        ).first()
        if version is not None:
            return HttpResponseRedirect(f"/{get_language()}/rights/{version.slug}/")
    return render(request, "public/rights_page.html", {"page": page})


def choose_language(request: HttpRequest) -> HttpResponse:
    """The language switcher's links land here: remember the choice, then show the same page."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = f"/{get_language()}/"
    response = HttpResponseRedirect(translate_url(target, get_language()))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        get_language(),
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    response["Cache-Control"] = "no-store"
    return response
