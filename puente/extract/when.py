"""When: the dated gatherings an item announces, and the last day to act on it.

Candidate spans are found with linear patterns built from the language data (``datewords``) and
resolved against the reference (send) date, never the clock. Dates and times are then read in order:
dates with no time between them form a group ("October 22, November 19, and December 17"), and the
times that follow belong to that group ("from 5:00 to 7:00 p.m."), so three clinic dates become three
events and a date followed by a lunch and a dinner session becomes two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from . import where
from .clock import TimeMention, standing, times
from .dates import DateMention, dates
from .datewords import lowered, patterns
from .model import Event, Segment

# Events are gatherings a reader can attend. An event item may announce a day without an hour; other
# items (a service, a call to action, an opportunity's information session) carry events only when
# they give a dated session with its hours.
_DATE_ONLY_KINDS = frozenset({"event"})
_NO_EVENT_KINDS = frozenset({"press"})  # a list of coverage: its dates are publication dates
# What odd input (a date past year 9999, a word the data spells otherwise) may raise: one item's dates
# are lost, never a whole extraction.
_ODD_INPUT = (ValueError, OverflowError, IndexError, KeyError)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")


@dataclass
class _Group:
    dates: list[DateMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)


def events(
    seg: Segment,
    kind: str,
    reference: date,
    timezone: str,
    language: str | None,
    carried: date | None = None,
) -> tuple[Event, ...]:
    """The gatherings announced in one item, in the order the text gives them.

    ``carried`` is the day an earlier item set for those after it ("ALL CITY PRESS CONFERENCES TO BE
    HELD APRIL 3" above one item per city that gives only "Time: 10 am"); see ``carried_day``.
    """
    if kind in _NO_EVENT_KINDS:
        return ()
    date_only = kind in _DATE_ONLY_KINDS
    return find_events(seg.text, reference, timezone, date_only, carried if date_only else None, language)


def carried_day(found: tuple[Event, ...], previous: date | None = None) -> date | None:
    """The day later items inherit: the last event day found so far."""
    return date.fromisoformat(found[-1].start[:10]) if found else previous


def deadline(seg: Segment, reference: date, language: str | None) -> str | None:
    """The last day to act ("apply by March 3", "through tomorrow", "hasta el 15 de mayo"), ISO."""
    try:
        found, _ = _read_dates(seg.text, reference, language)
    except _ODD_INPUT:
        return None
    for m in found:
        if m.status == "deadline":
            return m.day.isoformat()
    return None


def find_events(
    text: str,
    reference: date,
    timezone: str,
    date_only: bool = True,
    carried: date | None = None,
    language: str | None = None,
) -> tuple[Event, ...]:
    """Events in ``text``; with ``date_only`` False, only dated sessions with an hour count. Times
    before any date in the text belong to the ``carried`` day, when there is one."""
    try:
        found, low = _read_dates(text, reference, language)
        if not found and carried is None:
            return ()
        clock = times(text, low)
        if not clock and not date_only:
            return ()
        return _emit(text, low, _groups(text, low, list(found), list(clock), carried), timezone, date_only)
    except _ODD_INPUT:
        return ()


@lru_cache(maxsize=4)
def _read_dates(text: str, reference: date, language: str | None) -> tuple[tuple[DateMention, ...], str]:
    """The pipeline asks for an item's events and then its deadline: read its dates once. With them,
    ``lowered(text)``, which the times and the online check read too."""
    low = lowered(text)
    return tuple(dates(text, reference, language, low)), low


def _groups(
    text: str, low: str, found: list[DateMention], clock: list[TimeMention], carried: date | None = None
) -> list[_Group]:
    tokens = sorted([(d.start, 0, d) for d in found] + [(t.start, 1, t) for t in clock], key=lambda x: x[:2])
    groups: list[_Group] = [_Group([DateMention(0, 0, carried, status="carried")])] if carried else []
    pending: list[TimeMention] = []  # "at 4:30pm on February 1": a time may come first on the line
    last_end = 0
    for _, is_time, token in tokens:
        if token.start < last_end:
            continue  # a time read inside a date ("July 16-19") or the reverse
        last_end = token.end
        if is_time:
            _add_time(text, low, groups, pending, token)
        else:
            _add_date(text, groups, pending, token)
    return groups


def _add_time(text: str, low: str, groups: list[_Group], pending: list[TimeMention], t: TimeMention) -> None:
    """Opening hours join only the dates stated just before them ("Dates: Oct 22, Nov 19 / Hours:
    3rd Wednesdays, 5–7 p.m."); elsewhere they describe a standing service, not a session."""
    group = groups[-1] if groups else None
    if standing(text, t.start, low) and (
        group is None
        or group.dates[0].status == "carried"
        or _PARAGRAPH_BREAK.search(text, group.dates[-1].end, t.start)
    ):
        return
    if group and group.times and not _new_session(text, group.times[-1], t):
        return  # "doors open at 6:30, program at 7": one gathering, starting at the first hour
    if group:
        group.times.append(t)
    else:
        pending.append(t)


def _new_session(text: str, before: TimeMention, t: TimeMention) -> bool:
    """A later hour for the same day is another session when a paragraph break separates it (a lunch
    and a dinner training) or only "and"/"," joins it ("at 10am and 2pm")."""
    if _PARAGRAPH_BREAK.search(text, before.end, t.start):
        return True
    return patterns().session_gap.fullmatch(text, before.end, t.start) is not None


def _add_date(text: str, groups: list[_Group], pending: list[TimeMention], d: DateMention) -> None:
    current = groups[-1] if groups else None
    if (
        current
        and not current.times
        and current.dates[0].status != "carried"
        and not _PARAGRAPH_BREAK.search(text, current.dates[-1].end, d.start)
    ):
        current.dates.append(d)
        return
    group = _Group([d])
    group.times = [t for t in pending if "\n" not in text[t.end : d.start]]
    pending.clear()
    groups.append(group)


def _emit(text: str, low: str, groups: list[_Group], timezone: str, date_only: bool) -> tuple[Event, ...]:
    timed: list[Event] = []
    untimed: list[Event] = []
    online = where.online_modes(text, low)
    for i, group in enumerate(groups):
        stop = groups[i + 1].dates[0].start if i + 1 < len(groups) else len(text)
        days = _unique_days(group)
        for j, t in enumerate(group.times):
            begin = group.times[j - 1].end if j else group.dates[0].start
            place = _place(text[begin : _next_start(group, j, stop)], online)
            timed.extend(_timed(day, t, timezone, place) for day in days)
        if not group.times and group.dates[0].status != "carried":
            place = _place(text[group.dates[0].start : stop], online)
            untimed.extend(_untimed(d, timezone, place) for d in group.dates if d.status == "event")
    unique: dict[tuple, Event] = {}
    for e in timed or (untimed if date_only else []):
        unique.setdefault((e.start, e.end), e)  # the first mention keeps its place
    return tuple(unique.values())


def _next_start(group: _Group, j: int, stop: int) -> int:
    return group.times[j + 1].start if j + 1 < len(group.times) else stop


def _unique_days(group: _Group) -> list[date]:
    return list(dict.fromkeys(d.day for d in group.dates if d.status in ("event", "carried")))


def _timed(day: date, t: TimeMention, timezone: str, place: tuple[str | None, bool]) -> Event:
    start = f"{day.isoformat()}T{t.begin[0]:02d}:{t.begin[1]:02d}"
    end = None
    if t.finish:
        end_day = day + timedelta(days=1) if t.finish < t.begin else day
        end = f"{end_day.isoformat()}T{t.finish[0] % 24:02d}:{t.finish[1]:02d}"
    return Event(start, end, place[0], place[1], t.zone or timezone)


def _untimed(d: DateMention, timezone: str, place: tuple[str | None, bool]) -> Event:
    return Event(d.day.isoformat(), d.until.isoformat() if d.until else None, place[0], place[1], timezone)


def _place(window: str, online: tuple[bool, bool]) -> tuple[str | None, bool]:
    """The event's place, and whether it is online (a bare "online" counts only without a place)."""
    location = where.location(window)
    return location, online[location is not None]
