"""Month grids drawn on the server, and .ics files for calendar apps."""

from __future__ import annotations

import calendar
import datetime
import zoneinfo
from dataclasses import dataclass, field

import icalendar
from babel.dates import format_skeleton
from django.db.models import Prefetch
from django.utils import timezone

from puente.catalog.display import Localized
from puente.catalog.models import Event, Item

from .text import babel_locale, local_time


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    events: list = field(default_factory=list)


def first_weekday(language: str) -> int:
    return babel_locale(language).first_week_day


def weekday_names(language: str) -> list[tuple[str, str]]:
    """(short, full) names starting on the reader's first day of the week."""
    loc = babel_locale(language)
    start = loc.first_week_day
    days = loc.days["stand-alone"]
    # Seven columns on a 320px screen: Arabic's abbreviated names are whole words, so prefer "short".
    short, wide = (days["short"] if "short" in days else days["abbreviated"]), days["wide"]
    return [(short[(start + i) % 7], wide[(start + i) % 7]) for i in range(7)]


def month_title(year: int, month: int, language: str) -> str:
    return format_skeleton("yMMMM", datetime.date(year, month, 1), locale=babel_locale(language))


def shift(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def month_grid(year: int, month: int, language: str) -> list[list[Day]]:
    """Weeks of days; each day holds the published events starting on it (in the site's zone)."""
    weeks = calendar.Calendar(first_weekday(language)).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(first, datetime.time.min, zone)
    end = datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, zone)
    items = Item.objects.select_related("organization").prefetch_related("translations")
    found = (
        Event.objects.published()
        .filter(start__gte=start, start__lt=end)
        .order_by("start")
        .prefetch_related(Prefetch("item", queryset=items))
    )
    by_day: dict[datetime.date, list] = {}
    for ev in found:
        by_day.setdefault(local_time(ev.start, ev.timezone).date(), []).append(ev)
    return [[Day(d, d.month == month, by_day.get(d, [])) for d in week] for week in weeks]


def ics(ev: Event, shown: Localized, url: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Puente//puente//EN")
    cal.add("version", "2.0")
    vevent = icalendar.Event()
    vevent.add("uid", f"{ev.uid}@puente")  # stable: updates replace the entry in calendar apps
    vevent.add("summary", shown.title)
    vevent.add("description", f"{shown.body}\n\n{url}")
    vevent.add("url", url)
    vevent.add("dtstamp", timezone.now())
    zone = _zone(ev.timezone)
    if ev.all_day:
        vevent.add("dtstart", ev.start.astimezone(zone).date())
    else:
        vevent.add("dtstart", ev.start.astimezone(zone))
        if ev.end:
            vevent.add("dtend", ev.end.astimezone(zone))
    if ev.location:
        vevent.add("location", ev.location)
    cal.add_component(vevent)
    if not ev.all_day:
        cal.add_missing_timezones()
    return cal.to_ical()


def _zone(name: str) -> datetime.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return datetime.UTC
