"""Atom feeds per language, topic and kind; iCalendar feeds of events (RFC 5545), per topic.

Items come from ``Item.objects.published()`` only. Event UIDs are ``Event.uid`` so calendar apps
update an event instead of adding a copy.
"""

from __future__ import annotations

import zoneinfo
from datetime import timedelta

import icalendar
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from puente.catalog import topics
from puente.catalog.display import localized
from puente.catalog.models import KIND_CHOICES, Event, Item, Topic

LIMIT = 50


def site_language(code: str) -> str:
    if code not in {c for c, _ in settings.LANGUAGES}:
        raise Http404("unknown language")
    return code


def item_link(item: Item, language: str) -> str:
    with translation.override(language):
        try:
            return settings.SITE_URL + reverse("public:item", args=[item.uuid])
        except NoReverseMatch:
            return f"{settings.SITE_URL}/{language}/"


class ItemsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, language: str, topic: str | None = None, kind: str | None = None):
        language = site_language(language)
        if topic and not Topic.objects.filter(slug=topic).exists():
            raise Http404("unknown topic")
        if kind and kind not in dict(KIND_CHOICES):
            raise Http404("unknown kind")
        return {"language": language, "topic": topic, "kind": kind}

    def title(self, obj) -> str:
        with translation.override(obj["language"]):
            if obj["topic"]:
                return f"{settings.SITE_NAME}: {topics.label(obj['topic'])}"
            if obj["kind"]:
                return f"{settings.SITE_NAME}: {dict(KIND_CHOICES)[obj['kind']]}"
            everything = pgettext("feed title", "everything new")
            return f"{settings.SITE_NAME}: {everything}"

    def subtitle(self, obj) -> str:
        with translation.override(obj["language"]):
            return _("Trusted news, help and events for immigrant communities.")

    def link(self, obj) -> str:
        return f"{settings.SITE_URL}/{obj['language']}/"

    def feed_url(self, obj) -> str:
        return None  # Django builds the self link from the request

    def items(self, obj):
        items = (
            Item.objects.published().select_related("organization").prefetch_related("topics", "translations")
        )
        if obj["topic"]:
            items = items.with_topic(obj["topic"])
        if obj["kind"]:
            items = items.of_kind(obj["kind"])
        self._language = obj["language"]
        return items.order_by("-published_at", "pk")[:LIMIT]

    def item_title(self, item: Item) -> str:
        return localized(item, self._language).title

    def item_description(self, item: Item) -> str:
        return localized(item, self._language).body

    def item_link(self, item: Item) -> str:
        return item_link(item, self._language)

    def item_guid(self, item: Item) -> str:
        return f"urn:uuid:{item.uuid}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Item):
        return item.published_at

    def item_updateddate(self, item: Item):
        return item.updated

    def item_categories(self, item: Item) -> list[str]:
        return [t.slug for t in item.topics.all()]

    def item_author_name(self, item: Item) -> str | None:
        return item.organization.name if item.organization else None


def calendar(request, topic: str | None = None) -> HttpResponse:
    language = request.GET.get("lang", settings.LANGUAGE_CODE)
    language = language if language in {c for c, _ in settings.LANGUAGES} else settings.LANGUAGE_CODE
    if topic and not Topic.objects.filter(slug=topic).exists():
        raise Http404("unknown topic")
    events = (
        Event.objects.published().select_related("item__organization").prefetch_related("item__translations")
    )
    if topic:
        events = events.filter(item__in=Item.objects.with_topic(topic).values("pk"))
    # Recent past stays in the feed so calendar apps keep what people already added.
    events = events.filter(start__gte=timezone.now() - timedelta(days=30)).order_by("start")
    body = build_calendar(events, language, topic).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{topic or "events"}.ics"'
    return response


def build_calendar(events, language: str, topic: str | None = None) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//{settings.SITE_NAME}//Puente events//{language.upper()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    with translation.override(language):
        name = (
            f"{settings.SITE_NAME}: {topics.label(topic)}"
            if topic
            else f"{settings.SITE_NAME}: {_('Events')}"
        )
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(vevent(event, language))
    cal.add_missing_timezones()
    return cal


def zone(name: str):
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def vevent(event: Event, language: str) -> icalendar.Event:
    text = localized(event.item, language)
    tz = zone(event.timezone)
    component = icalendar.Event()
    component.add("uid", str(event.uid))
    component.add("dtstamp", event.item.updated.astimezone(zoneinfo.ZoneInfo("UTC")))
    if event.all_day:
        component.add("dtstart", event.start.astimezone(tz).date())
        end = (event.end or event.start).astimezone(tz).date() + timedelta(days=1)
        component.add("dtend", end)
    else:
        component.add("dtstart", event.start.astimezone(tz))
        if event.end and event.end > event.start:
            component.add("dtend", event.end.astimezone(tz))
    component.add("summary", text.title)
    component.add("description", text.body)
    if event.location:
        component.add("location", event.location)
    component.add("url", item_link(event.item, language))
    component.add("last-modified", event.item.updated.astimezone(zoneinfo.ZoneInfo("UTC")))
    return component
