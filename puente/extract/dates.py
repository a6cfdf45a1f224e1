"""Dates an item mentions: explicit ("Friday, Oct. 21st", "el sábado 4 de marzo", "3/4/2017"), listed
("March 3, 10 and 17"), relative ("TOMORROW", "next Tuesday"), each resolved against the reference
(send) date and marked with what the words before it say it is: a deadline, a past happening, a
programme under way, the issue's own date, or a day something happens.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter

from .clock import read_time
from .datewords import around, lowered, norm, number_windows, numeric_order, patterns, vocabulary

_PAST_GRACE = timedelta(days=14)  # a digest may go out a little after the gatherings it lists
_YEAR_WINDOW = (-1, 0, 1)
_CUE_LOOKBACK = 48
_BARE_WEEKDAY_REACH = 30  # "on Friday at 6pm": the time must follow the weekday this closely
_DATELINE = 60  # longest line that can be a dateline
_LIST_REACH = 30  # "martes 12 y " before a date, ", 10 and 17" after one
_RELATIVE_BEFORE, _RELATIVE_AFTER = 24, 4  # "el próximo" before "sábado"
# Compiled once: re.match(str, ...) would look each up in re's cache at every call.
_DIGITS = re.compile(r"\d+")
_RELATIVE_GAP = re.compile(r"[\s,:\-–—(]{0,4}")  # "TOMORROW, " before "February 1"
_RANGE_DASH = re.compile(r"\s*[-–—]")
_START = attrgetter("start")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: date
    until: date | None = None  # last day of a stated range ("July 16-19")
    status: str = "event"  # event | deadline | past | ongoing | dateline | carried (from an earlier item)


def dates(
    text: str, reference: date, language: str | None = None, low: str | None = None
) -> list[DateMention]:
    """Every date mentioned, explicit or relative, in text order; an explicit date beats an adjacent
    relative word ("TOMORROW, February 1" is February 1). ``language`` says how to read 3/4. ``low``:
    ``lowered(text)``, if at hand."""
    low = lowered(text) if low is None else low
    explicit = _explicit_dates(text, low, reference, number_windows(text), language)
    explicit = _without_overlaps(sorted((m for m in explicit if m), key=_START))
    windows = _relative_windows(low)
    relative = [m for m in _relative_dates(text, low, reference, explicit, windows) if m] if windows else []
    found = sorted(explicit + relative, key=_START) if relative else explicit
    return [_with_status(text, low, m, reference) for m in found]


def _relative_windows(low: str) -> list[tuple[int, int]]:
    """Stretches of the lowered text around the words every relative date contains."""
    found = [m.span() for m in patterns().relative_anchor.finditer(low)]
    return around(found, len(low), _RELATIVE_BEFORE, _RELATIVE_AFTER)


def _explicit_dates(
    text: str, low: str, reference: date, windows: list[tuple[int, int]], language: str | None
) -> list[DateMention | None]:
    """What the date pattern finds in the ``lowered`` text; a month's written case is read in ``text``."""
    order = numeric_order(language)
    found: list[DateMention | None] = []
    for m in _matches(patterns().date_lowered, low, windows):
        month = "mon_a" if m["mon_a"] else "mon_b" if m["mon_b"] else None
        if not month:
            found.append(_numeric(text, m, reference, order))
        elif not _lowercase_not_month(text[m.start(month) : m.end(month)]):
            anchor = _explicit(m, reference)
            found.append(anchor)
            if anchor:
                found.extend(_listed_days(text, m, anchor, reference))
    return found


def _lowercase_not_month(word: str) -> bool:
    """'march on', 'you may': words that are months only when capitalised."""
    return word.islower() and word in patterns().not_months


def _listed_days(text: str, m: re.Match, anchor: DateMention, reference: date) -> list[DateMention]:
    """Days that share the anchor's month: 'martes 12 y martes 26 de enero', 'March 3, 10 and 17'."""
    p = patterns()
    found = []
    start = m.start()
    if m["day_b"]:
        while start > 0 and (b := p.list_before.search(text, max(0, start - _LIST_REACH), start)):
            found.append(_listed(b, anchor, reference))
            start = b.start()
    end = m.end()
    if m["mon_a"] and not m["year"]:
        while a := p.list_after.match(text, end, end + _LIST_REACH):
            found.append(_listed(a, anchor, reference))
            end = a.end()
    return [d for d in found if d]


def _listed(m: re.Match, anchor: DateMention, reference: date) -> DateMention | None:
    weekday = vocabulary().weekdays.get(norm(m["wd"] or ""))
    day = _resolve(anchor.day.month, int(m["day"]), None, weekday, reference)
    return DateMention(m.start("wd") if m["wd"] else m.start("day"), m.end("day"), day) if day else None


def _numeric(text: str, m: re.Match, reference: date, order: str) -> DateMention | None:
    """'2017-03-04' always; '3/4/2017', '15.03.2017' and 'Sat. 3/4' in the language's order. A bare
    '3/4' is a fraction as often as a date, and '1.5' a number, so those need a year or a weekday."""
    if m["iy"]:
        day = _safe_date(int(m["iy"]), int(m["im"]), int(m["id"]))
        return DateMention(m.start(), m.end(), day) if day else None
    if not (m["ny"] or (m["wd"] and m["sep"] == "/")) or text[m.start() - 1 : m.start()] == ":":
        return None
    month, day_number = int(m["n1"]), int(m["n2"])
    if order == "dmy" or month > 12:  # 18/2 can only be 18 February
        month, day_number = day_number, month
    year = _full_year(m["ny"]) if m["ny"] else None
    weekday = vocabulary().weekdays.get(norm(m["wd"] or ""))
    day = _resolve(month, day_number, year, weekday, reference) if 1 <= month <= 12 else None
    return DateMention(m.start(), m.end(), day) if day else None


def _full_year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def _matches(pattern: re.Pattern, text: str, windows: list[tuple[int, int]]):
    last_end = 0
    for lo, hi in windows:
        for m in pattern.finditer(text, max(lo, last_end), hi):
            last_end = m.end()
            yield m


def _without_overlaps(found: list[DateMention]) -> list[DateMention]:
    kept: list[DateMention] = []
    for m in found:
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    return kept


def _explicit(m: re.Match, reference: date) -> DateMention | None:
    v = vocabulary()
    month = v.months[norm(m["mon_a"] or m["mon_b"])]
    day = _day_number(m["day_a"] or m["day_b"])
    year = int(m["year"]) if m["year"] else None
    weekday = v.weekdays.get(norm(m["wd"] or ""))
    first = _resolve(month, day, year, weekday, reference)
    if first is None:
        return None
    return DateMention(m.start(), m.end(), first, _range_end(m, first, month))


def _range_end(m: re.Match, first: date, month: int) -> date | None:
    last_day = m["day_a2"] or m["day_b2"]
    if not last_day:
        return None
    last_month = vocabulary().months[norm(m["mon_a2"])] if m["mon_a2"] else month
    year = first.year + (1 if last_month < first.month else 0)
    last = _safe_date(year, last_month, _day_number(last_day))
    return last if last and last > first else None


def _day_number(text: str) -> int:
    return int(_DIGITS.match(text)[0])


def _resolve(month: int, day: int, year: int | None, weekday: int | None, reference: date) -> date | None:
    """A yearless date is the occurrence nearest the reference; a stated weekday picks the year."""
    if year is not None:
        return _safe_date(year, month, day)
    candidates = [d for k in _YEAR_WINDOW if (d := _safe_date(reference.year + k, month, day))]
    if weekday is not None and any(d.weekday() == weekday for d in candidates):
        candidates = [d for d in candidates if d.weekday() == weekday]
    return min(candidates, key=lambda d: _distance(d, reference), default=None)


def _distance(day: date, reference: date) -> int:
    """Days from the reference, a past day counting double: newsletters announce what is coming, so
    'September 15' written in February is the coming one, 'December 20' written in January the last."""
    days = (day - reference).days
    return days if days >= 0 else -2 * days


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _relative_dates(
    text: str, low: str, reference: date, explicit: list[DateMention], windows: list[tuple[int, int]]
):
    """Relative dates, matched in the ``lowered`` text, that are not part of an explicit one."""
    pattern = patterns().relative_lowered
    starts = [m.start for m in explicit]  # sorted: found left to right
    for m in (m for lo, hi in windows for m in pattern.finditer(low, lo, hi)):
        i = bisect_right(starts, m.start())
        inside = i > 0 and m.start() < explicit[i - 1].end
        if inside or _explicit_follows(text, m.start(), m.end(), starts):
            continue
        yield _relative(text, low, m, reference)


def _explicit_follows(text: str, start: int, end: int, starts: list[int]) -> bool:
    """'TOMORROW, February 1', 'this Saturday, March 4', 'este jueves 3 de diciembre': the explicit
    date that follows, or that begins inside the relative words, wins."""
    gap = len(_RELATIVE_GAP.match(text, end, end + 4)[0])
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] <= end + gap


def _relative(text: str, low: str, m: re.Match, reference: date) -> DateMention | None:
    v = vocabulary()
    p = patterns()
    before = low[max(0, m.start() - 20) : m.start()]  # cue patterns read the lowered text
    if m["rel"]:
        if p.not_relative_after.search(before):
            return None  # "de la mañana" is the morning, not tomorrow
        if norm(m["rel"]) in v.words("today_needs_an_hour") and not _today_is_a_date(text, m, before):
            return None  # "Register today!" asks for action now; "today at 5pm" is a day
        return DateMention(m.start(), m.end(), reference + timedelta(days=v.relative_days[norm(m["rel"])]))
    if m["wd_this"]:
        return DateMention(m.start(), m.end(), _upcoming(reference, v.weekdays[norm(m["wd_this"])], 0))
    if m["wd_next"]:
        return DateMention(m.start(), m.end(), _upcoming(reference, v.weekdays[norm(m["wd_next"])], 1))
    if _bare_weekday_has_time(text, m) and not p.recurring_lowered.search(before.rsplit("\n", 1)[-1]):
        return DateMention(m.start(), m.end(), _upcoming(reference, v.weekdays[norm(m["wd_bare"])], 0))
    return None


def _today_is_a_date(text: str, m: re.Match, before: str) -> bool:
    cues = patterns().cue_before_lowered
    return _bare_weekday_has_time(text, m) or bool(cues["deadline"].search(before))


def _upcoming(reference: date, weekday: int, min_days: int) -> date:
    """The first such weekday on or after the reference ("this"), or after it ("next")."""
    ahead = (weekday - reference.weekday()) % 7
    if ahead < min_days:
        ahead += 7
    return reference + timedelta(days=ahead)


def _bare_weekday_has_time(text: str, m: re.Match) -> bool:
    """A lone weekday (or "today") is a date only when an hour follows it on the same line ("on Friday
    at 6pm"); "Monday–Friday 9–5" and "on Monday" alone are not."""
    tail = text[m.end() : m.end() + _BARE_WEEKDAY_REACH].split("\n", 1)[0]
    if _RANGE_DASH.match(tail):
        return False
    t = patterns().time.search(tail)
    return t is not None and read_time(t)[0] is not None


def _with_status(text: str, low: str, m: DateMention, reference: date) -> DateMention:
    before = low[max(0, m.start - _CUE_LOOKBACK) : m.start].rsplit("\n", 1)[-1]  # as the cue patterns read it
    p = patterns()
    cues = p.cue_before_lowered
    cued = p.cue_word.search(before) is not None  # most dates follow none: one search instead of four
    if cued and (cues["deadline"].search(before) or cues["deadline_word"].search(before)):
        status = "deadline"
    elif (cued and cues["ongoing"].search(before)) or (m.until and m.day < reference <= m.until):
        status = "ongoing"
    elif (cued and cues["past"].search(before)) or m.day < reference - _PAST_GRACE:
        status = "past"
    elif m.day == reference and _dateline(text, m):
        status = "dateline"
    else:
        return m
    return DateMention(m.start, m.end, m.day, m.until, status)


def _dateline(text: str, m: DateMention) -> bool:
    """'October 20, 2025' or '## November 30, 2026 · Atlanta' on a short line of its own, on the send
    date: the issue's date, not a gathering."""
    start = text.rfind("\n", max(0, m.start - _DATELINE), m.start) + 1
    end = text.find("\n", m.end, m.end + _DATELINE)
    line = text[start : m.end + _DATELINE if end < 0 else end]
    return len(line.strip()) <= _DATELINE and not patterns().time.search(line)
