"""Clock times an item mentions: "4:30pm", "10 am EST", "from 3 to 4:30 p.m. ET", "de 6 a 8 p. m.",
"12 noon", each with the zone stated beside it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .datewords import lowered, norm, number_windows, patterns, vocabulary

_HOURS_REACH = 80  # how far along its line a time looks for "Mondays:" or "every"
_SPACES_AND_DOTS = re.compile(r"[\s.]")


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    begin: tuple[int, int]
    finish: tuple[int, int] | None = None
    zone: str | None = None


def times(text: str, low: str | None = None) -> list[TimeMention]:
    """Every clock time or time range, with its stated zone. ``low``: ``lowered(text)``, if at hand."""
    found: list[TimeMention] = []
    low = lowered(text) if low is None else low
    for lo, hi in number_windows(text):
        pos = max(lo, found[-1].end if found else 0)
        while (m := _search(text, low, pos, hi)) is not None:
            mention, resume = read_time(m)
            if mention:
                found.append(mention)
            pos = max(resume, m.start() + 1)
    return found


def _search(text: str, low: str, pos: int, end: int) -> re.Match | None:
    """The next time from ``pos``, found in the ``lowered`` text (faster). A zone is case-sensitive
    ("ET", not "et"): a match naming one is read again from ``text``, where the same start gives the
    same time with the zone it really names, or none."""
    p = patterns()
    m = p.time_lowered.search(low, pos, end)
    return p.time.match(text, m.start(), end) if m is not None and m["zone"] else m


def read_time(m: re.Match) -> tuple[TimeMention | None, int]:
    """The time a match stands for, and where to look next (a rejected range may hide a time)."""
    first = _clock(m["h1"], m["sep1"], m["m1"], m["mer1"], m["noon1"])
    second = _clock(m["h2"], m["sep2"], m["m2"], m["mer2"], m["noon2"])
    zone = vocabulary().zones.get(m["zone"]) if m["zone"] else None
    spaced_only = m["join"] is not None and not m["join"].strip()
    joined = not m["btw_join"] or m["btw"]
    if first and second and second[2] and joined and (first[2] or not spaced_only):
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
    word = norm(mer)
    letters = _SPACES_AND_DOTS.sub("", word)
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


def standing(text: str, at: int, low: str | None = None) -> bool:
    """Whether the line holding a time reads as opening hours ("Mondays: …", "every Friday …").
    ``low``: ``lowered(text)``, if at hand."""
    start = text.rfind("\n", max(0, at - _HOURS_REACH), at) + 1
    end = text.find("\n", at, at + _HOURS_REACH)
    low = lowered(text) if low is None else low
    line = low[max(start, at - _HOURS_REACH) : at + _HOURS_REACH if end < 0 else end]
    p = patterns()
    return bool(p.recurring_lowered.search(line) or p.hours_line_lowered.match(line))
