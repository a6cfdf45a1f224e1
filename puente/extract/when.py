"""When: the dated gatherings an item announces, and the last day to act on it.

Candidate spans are found with linear patterns built from the language data (``datewords``) and
resolved against the reference (send) date, never the clock. Dates and times are then read in order:
dates with no time between them form a group ("October 22, November 19, and December 17"), and the
times that follow belong to that group ("from 5:00 to 7:00 p.m."), so three clinic dates become three
events and a date followed by a lunch and a dinner session becomes two.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from . import where
from .datewords import numeric_order, patterns, vocabulary
from .model import Event, Segment

# Events are gatherings a reader can attend. An event item may announce a day without an hour; other
# items (a service, a call to action, an opportunity's information session) carry events only when
# they give a dated session with its hours.
_DATE_ONLY_KINDS = frozenset({"event"})
_NO_EVENT_KINDS = frozenset({"press"})  # a list of coverage: its dates are publication dates
_PAST_GRACE = timedelta(days=14)  # a digest may go out a little after the gatherings it lists
_YEAR_WINDOW = (-1, 0, 1)
_CUE_LOOKBACK = 48
_BARE_WEEKDAY_REACH = 30  # "on Friday at 6pm": the time must follow the weekday this closely
# Around a digit, a date or time may reach back to "this Saturday, September 22" and on to
# "23–August 13, 2025" or "3 to 4:30 p.m. Eastern Time".
_DIGIT_BEFORE, _DIGIT_AFTER = 48, 40
_DATELINE = 60  # longest line that can be a dateline
_LIST_REACH = 30  # "martes 12 y " before a date, ", 10 and 17" after one
_RELATIVE_BEFORE, _RELATIVE_AFTER = 24, 4  # "el próximo" before "sábado"
# What odd input (a date past year 9999, a word the data spells otherwise) may raise: one item's dates
# are lost, never a whole extraction.
_ODD_INPUT = (ValueError, OverflowError, IndexError, KeyError)
_HOURS_REACH = 80  # how far along its line a time looks for "Mondays:" or "every"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: date
    until: date | None = None  # last day of a stated range ("July 16-19")
    status: str = "event"  # event | deadline | past | ongoing | dateline | carried (from an earlier item)


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    begin: tuple[int, int]
    finish: tuple[int, int] | None = None
    zone: str | None = None


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
        found = _read_dates(seg.text, reference, language)
    except _ODD_INPUT:
        return None
    return next((m.day.isoformat() for m in found if m.status == "deadline"), None)


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
        found = _read_dates(text, reference, language)
        if not found and carried is None:
            return ()
        clock = times(text)
        if not clock and not date_only:
            return ()
        return _emit(text, _groups(text, list(found), list(clock), carried), timezone, date_only)
    except _ODD_INPUT:
        return ()


@lru_cache(maxsize=4)
def _read_dates(text: str, reference: date, language: str | None) -> tuple[DateMention, ...]:
    """The pipeline asks for an item's events and then its deadline: read its dates once."""
    return tuple(dates(text, reference, language))


def dates(text: str, reference: date, language: str | None = None) -> list[DateMention]:
    """Every date mentioned, explicit or relative, in text order; an explicit date beats an adjacent
    relative word ("TOMORROW, February 1" is February 1). ``language`` says how to read 3/4."""
    explicit = _explicit_dates(text, reference, _windows(text), language)
    explicit = _without_overlaps(sorted((m for m in explicit if m), key=lambda m: m.start))
    relative = [m for m in _relative_dates(text, reference, explicit, _relative_windows(text)) if m]
    found = sorted(explicit + relative, key=lambda m: m.start)
    return [_with_status(text, m, reference) for m in found]


def times(text: str) -> list[TimeMention]:
    """Every clock time or time range, with its stated zone."""
    found: list[TimeMention] = []
    pattern = patterns().time
    for lo, hi in _windows(text):
        pos = max(lo, found[-1].end if found else 0)
        while (m := pattern.search(text, pos, hi)) is not None:
            mention, resume = _read_time(m)
            if mention:
                found.append(mention)
            pos = max(resume, m.start() + 1)
    return found


@lru_cache(maxsize=4)  # dates and times of one item look in the same places
def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around every day or hour number (or 'noon'), merged: the date and time
    patterns only need to look there, which keeps prose, phone numbers and zip codes cheap."""
    p = patterns()
    spans = [(m.start(), m.end()) for m in p.digits.finditer(text) if m.end() - m.start() <= 2]
    lowered = text.lower()
    if any(w in lowered for w in p.noon_words):
        spans = sorted(spans + [(m.start(), m.end()) for m in p.noon.finditer(text)])
    return _clamp(text, _merge((lo - _DIGIT_BEFORE, hi + _DIGIT_AFTER) for lo, hi in spans))


def _relative_windows(text: str) -> list[tuple[int, int]]:
    """Stretches around the words every relative date contains, found with plain string search."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a case mapping changed the length: offsets would not line up
        return [(0, len(text))]
    spans = []
    for word in patterns().relative_anchors:
        at = lowered.find(word)
        while at >= 0:
            spans.append((at - _RELATIVE_BEFORE, at + len(word) + _RELATIVE_AFTER))
            at = lowered.find(word, at + 1)
    return _clamp(text, _merge(sorted(spans)))


def _clamp(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(max(0, lo), min(len(text), hi)) for lo, hi in spans]


def _merge(spans) -> list[tuple[int, int]]:
    """Overlapping (start, end) spans, given in order of start, joined."""
    merged: list[list[int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


# --- dates ---------------------------------------------------------------------------------------


def _explicit_dates(
    text: str, reference: date, windows: list[tuple[int, int]], language: str | None
) -> list[DateMention | None]:
    lowercase_not_months = set(vocabulary().words("lowercase_is_not_a_month"))
    order = numeric_order(language)
    found: list[DateMention | None] = []
    for m in _matches(patterns().date, text, windows):
        month_word = m["mon_a"] or m["mon_b"]
        if not month_word:
            found.append(_numeric(text, m, reference, order))
        elif not (month_word.islower() and month_word in lowercase_not_months):  # "march on", "you may"
            anchor = _explicit(m, reference)
            found.append(anchor)
            if anchor:
                found.extend(_listed_days(text, m, anchor, reference))
    return found


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
    weekday = vocabulary().weekdays.get(_norm(m["wd"] or ""))
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
    weekday = vocabulary().weekdays.get(_norm(m["wd"] or ""))
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
    month = v.months[_norm(m["mon_a"] or m["mon_b"])]
    day = _day_number(m["day_a"] or m["day_b"])
    year = int(m["year"]) if m["year"] else None
    weekday = v.weekdays.get(_norm(m["wd"] or ""))
    first = _resolve(month, day, year, weekday, reference)
    if first is None:
        return None
    return DateMention(m.start(), m.end(), first, _range_end(m, first, month))


def _range_end(m: re.Match, first: date, month: int) -> date | None:
    last_day = m["day_a2"] or m["day_b2"]
    if not last_day:
        return None
    last_month = vocabulary().months[_norm(m["mon_a2"])] if m["mon_a2"] else month
    year = first.year + (1 if last_month < first.month else 0)
    last = _safe_date(year, last_month, _day_number(last_day))
    return last if last and last > first else None


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text)[0])


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


def _relative_dates(text: str, reference: date, explicit: list[DateMention], windows: list[tuple[int, int]]):
    starts = [m.start for m in explicit]  # sorted: found left to right
    for m in (m for lo, hi in windows for m in patterns().relative.finditer(text, lo, hi)):
        i = bisect_right(starts, m.start())
        inside = i > 0 and m.start() < explicit[i - 1].end
        if inside or _explicit_follows(text, m.start(), m.end(), starts):
            continue
        yield _relative(text, m, reference)


def _explicit_follows(text: str, start: int, end: int, starts: list[int]) -> bool:
    """'TOMORROW, February 1', 'this Saturday, March 4', 'este jueves 3 de diciembre': the explicit
    date that follows, or that begins inside the relative words, wins."""
    gap = len(re.match(r"[\s,:\-–—(]{0,4}", text[end : end + 4])[0])
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] <= end + gap


def _relative(text: str, m: re.Match, reference: date) -> DateMention | None:
    v = vocabulary()
    p = patterns()
    before = text[max(0, m.start() - 20) : m.start()]
    if m["rel"]:
        if p.not_relative_after.search(before):
            return None  # "de la mañana" is the morning, not tomorrow
        return DateMention(m.start(), m.end(), reference + timedelta(days=v.relative_days[_norm(m["rel"])]))
    if m["wd_this"]:
        return DateMention(m.start(), m.end(), _upcoming(reference, v.weekdays[_norm(m["wd_this"])], 0))
    if m["wd_next"]:
        return DateMention(m.start(), m.end(), _upcoming(reference, v.weekdays[_norm(m["wd_next"])], 1))
    if _bare_weekday_has_time(text, m) and not p.recurring.search(before.rsplit("\n", 1)[-1]):
        return DateMention(m.start(), m.end(), _upcoming(reference, v.weekdays[_norm(m["wd_bare"])], 0))
    return None


def _norm(word: str) -> str:
    """The data's form of a matched word: case folded ('ſeptember', matched case-blind, is
    'september'), spaces single."""
    return " ".join(word.casefold().split())


def _upcoming(reference: date, weekday: int, min_days: int) -> date:
    """The first such weekday on or after the reference ("this"), or after it ("next")."""
    ahead = (weekday - reference.weekday()) % 7
    if ahead < min_days:
        ahead += 7
    return reference + timedelta(days=ahead)


def _bare_weekday_has_time(text: str, m: re.Match) -> bool:
    """A lone weekday is a date only when an hour follows it on the same line ("on Friday at 6pm");
    "Monday–Friday 9–5" and "on Monday" alone are not."""
    tail = text[m.end() : m.end() + _BARE_WEEKDAY_REACH].split("\n", 1)[0]
    if re.match(r"\s*[-–—]", tail):
        return False
    t = patterns().time.search(tail)
    return t is not None and _read_time(t)[0] is not None


def _with_status(text: str, m: DateMention, reference: date) -> DateMention:
    before = text[max(0, m.start - _CUE_LOOKBACK) : m.start].rsplit("\n", 1)[-1]
    cues = patterns().cue_before
    if cues["deadline"].search(before) or cues["deadline_word"].search(before):
        status = "deadline"
    elif cues["ongoing"].search(before) or (m.until and m.day < reference <= m.until):
        status = "ongoing"
    elif cues["past"].search(before) or m.day < reference - _PAST_GRACE:
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


# --- times ---------------------------------------------------------------------------------------


def _read_time(m: re.Match) -> tuple[TimeMention | None, int]:
    """The time a match stands for, and where to look next (a rejected range may hide a time)."""
    first = _clock(m["h1"], m["sep1"], m["m1"], m["mer1"], m["noon1"])
    second = _clock(m["h2"], m["sep2"], m["m2"], m["mer2"], m["noon2"])
    zone = vocabulary().zones.get(m["zone"]) if m["zone"] else None
    spaced_only = m["join"] is not None and not m["join"].strip()
    if first and second and second[2] and (first[2] or not spaced_only):
        begin = first[:2] if m["mer1"] or m["noon1"] or not m["mer2"] else _infer_half(first, second)
        return TimeMention(m.start(), m.end(), begin, second[:2], zone), m.end()
    if first and first[2]:
        end = max(m.end(g) for g in ("h1", "m1", "mer1", "noon1") if m[g])
        zone = None if m["join"] is not None else zone
        end = m.end() if zone else end
        return TimeMention(m.start(), end, first[:2], None, zone), end
    return None, m.start("h2") if m["h2"] else m.end()


def _clock(h: str | None, sep: str | None, minutes: str | None, mer: str | None, noon: str | None):
    """(hour, minute, complete): complete when it has a half of day, or is written h:mm."""
    if noon:
        return (12, 0, True)
    if h is None:
        return None
    hour, minute = int(h), int(minutes or 0)
    half = _half(mer) if mer else None
    if half == "noon":
        return (12, 0, hour == 12)
    if half:
        if not 1 <= hour <= 12:
            return None
        return (hour % 12 + (12 if half == "pm" else 0), minute, True)
    if hour > 23:
        return None
    return (hour, minute, sep == ":")


def _half(mer: str) -> str | None:
    """'p. m.', 'PM', 'de la tarde' -> pm."""
    word = _norm(mer)
    letters = re.sub(r"[\s.]", "", word)
    if letters in ("am", "pm"):
        return letters
    return vocabulary().meridiem.get(word)


def _infer_half(first: tuple[int, int, bool], second: tuple[int, int, bool]) -> tuple[int, int]:
    """'3 to 4:30 p.m.' is 15:00; '11 to 1 pm' is 11:00: the start takes the end's half of day
    unless that would put it after the end."""
    hour, minute = first[0], first[1]
    if hour < 12 and second[0] >= 12 and (hour + 12, minute) <= second[:2]:
        hour += 12
    return (hour, minute)


def _standing(text: str, at: int) -> bool:
    """Whether the line holding a time reads as opening hours ("Mondays: …", "every Friday …")."""
    start = text.rfind("\n", max(0, at - _HOURS_REACH), at) + 1
    end = text.find("\n", at, at + _HOURS_REACH)
    line = text[max(start, at - _HOURS_REACH) : at + _HOURS_REACH if end < 0 else end]
    p = patterns()
    return bool(p.recurring.search(line) or p.hours_line.match(line))


# --- groups and events ---------------------------------------------------------------------------


def _groups(
    text: str, found: list[DateMention], clock: list[TimeMention], carried: date | None = None
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
            _add_time(text, groups, pending, token)
        else:
            _add_date(text, groups, pending, token)
    return groups


def _add_time(text: str, groups: list[_Group], pending: list[TimeMention], t: TimeMention) -> None:
    """Opening hours join only the dates stated just before them ("Dates: Oct 22, Nov 19 / Hours:
    3rd Wednesdays, 5–7 p.m."); elsewhere they describe a standing service, not a session."""
    group = groups[-1] if groups else None
    if _standing(text, t.start) and (
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


def _emit(text: str, groups: list[_Group], timezone: str, date_only: bool) -> tuple[Event, ...]:
    timed: list[Event] = []
    untimed: list[Event] = []
    online = where.is_online(text)
    for i, group in enumerate(groups):
        stop = groups[i + 1].dates[0].start if i + 1 < len(groups) else len(text)
        days = _unique_days(group)
        for j, t in enumerate(group.times):
            begin = group.times[j - 1].end if j else group.dates[0].start
            place = (where.location(text[begin : _next_start(group, j, stop)]), online)
            timed.extend(_timed(day, t, timezone, place) for day in days)
        if not group.times and group.dates[0].status != "carried":
            place = (where.location(text[group.dates[0].start : stop]), online)
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
