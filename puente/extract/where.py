"""Where: the place of an event as the text writes it, and whether it happens online.

Looked for in order of trust: a labelled line ("Location: …", "Lugar: …"), a street address (found by
a linear pattern, then trimmed with usaddress), then a named venue after "at" ("at Chicago Teacher’s
Union"). Words per language live in ``data/places.<lang>.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import usaddress

from . import lexicon
from .datewords import lowered

_LINE_REACH = 200  # look no further than this around an address for the rest of its line
_TIME_INSIDE = re.compile(r"\d\s*[ap]\.?\s?m\b", re.I)
# A new sentence: '. Check out', '. Más información' — but not '. Kennedy St' or 'Jr. Way South'.
_SENTENCE_AFTER = r"\.\s+[A-ZÁÉÍÓÚÑŁŚŻŹ][^\W\d_]*\s+[a-záéíóúñłśżźąęćń]"
# Where a venue named before an address cannot begin: after a sentence, an hour, a date, a dash.
_LEAD_END = re.compile(r"[.!?]\s|\d\s*[ap]\.?\s?m\b\.?|\d[:/]\d+|\s[—–|]\s|\b\d{1,2}(?:st|nd|rd|th)?,", re.I)
# Where an address ends on its line: before a time, a new sentence, or a closing stop.
_ADDRESS_ENDS = (
    re.compile(r"[,.]?\s*\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b", re.I),
    re.compile(_SENTENCE_AFTER),
    re.compile(r"[.!?]\s*$"),
)
_MAX_LEAD = 80
_STREET_TRIES = 8
_PLAIN_REST_WORDS = 6  # "South, Seattle, WA 98144" needs no parser to be read as part of the address
_MAX_PLACE = 160  # longer "places" are sentences that happened to match
_TRIM = " \t\u00a0,.;:-–—(|"


@dataclass(frozen=True)
class _Patterns:
    label: re.Pattern
    address_lowered: re.Pattern  # case-sensitive, for the ``lowered`` text: faster than a case-blind scan
    preposition_lowered: re.Pattern  # case-sensitive, for the ``lowered`` text
    venue: re.Pattern
    undecided: re.Pattern
    stop_lowered: re.Pattern  # case-sensitive, for the ``lowered`` text: faster than a case-blind scan
    online: re.Pattern
    online_unless_placed: re.Pattern  # "online" alone: "apply online" says nothing of a session at a hall
    online_stems: tuple[str, ...]  # lowercase; a text holding none of them matches neither online pattern


@cache
def _patterns() -> _Patterns:
    words = lambda key: lexicon.merged("places", key)  # noqa: E731
    alt = lexicon.alternation
    street = alt([w.lower() for w in words("street_types")])
    joiner = alt(words("venue_joiners"))
    name = r"[A-ZÁÉÍÓÚÑŁŚŻŹ][\w’'&.-]*"
    return _Patterns(
        # 'Location: …', '- Where: …', '2) Where: …'
        label=re.compile(
            rf"^[ \t]*(?:[-•*·]|\(?\d{{1,2}}[.)]|[a-z][.)])?[ \t]*(?:{alt(words('labels'))})[ \t]*:[ \t]*(?P<value>[^\n]+)",
            re.I | re.M,
        ),
        # '525 W Van Buren St', '3639 Martin Luther King Jr. Way South', '13619 41st Ave #3'. The
        # first digit comes before the look-behind that says it starts a number, so that re skips
        # straight from digit to digit instead of trying the pattern at every letter.
        address_lowered=re.compile(
            rf"\d(?<![\w-]\d)\d{{0,5}}[a-z]?(?:[ \t]+[\w’'.#-]+){{1,6}}?[ \t]+(?:{street})\b\.?"
        ),
        preposition_lowered=re.compile(
            rf"(?:{_word_start([w.lower() for w in words('address_prepositions')])})(?:[ \t]+|$)"
        ),
        venue=re.compile(
            rf"(?:{_word_start(words('venue_prepositions'))})[ \t]+(?P<venue>(?:the[ \t]+)?{name}"
            rf"(?:[ \t]+(?:(?:{joiner})[ \t]+)?{name}){{0,8}}(?:[ \t]*\([^()\n]{{1,80}}\))?)"
        ),
        undecided=re.compile(rf"(?<!\w)(?:{alt(words('undecided'))})(?!\w)", re.I),
        stop_lowered=re.compile(rf"[,.]?[ \t]*\b(?:{alt([w.lower() for w in words('stop_words')])})\b"),
        online=re.compile(rf"(?<!\w)(?:{alt(words('online'))})(?!\w)", re.I),
        online_unless_placed=re.compile(rf"(?<!\w)(?:{alt(words('online_unless_placed'))})(?!\w)", re.I),
        online_stems=_stems(words("online") + words("online_unless_placed")),
    )


def _word_start(words: list[str]) -> str:
    r"""``(?<!\w)(?:words)`` for a case-sensitive pattern, written so that re skips ahead to the
    words' first letters: a pattern that begins with a look-behind is tried at every position, one
    whose alternatives each begin with a letter only where that letter stands. The look-behind
    follows the first letter; within a letter, the words keep their longest-first order."""
    by_letter: dict[str, list[str]] = {}
    for word in lexicon.longest_first(words):
        by_letter.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        rf"{re.escape(first)}(?<!\w{re.escape(first)})(?:{'|'.join(rests)})"
        for first, rests in by_letter.items()
    )


def _stems(words: list[str]) -> tuple[str, ...]:
    """The words, lowercased, minus those holding another ('livestreamed' holds 'livestream')."""
    lower = {w.lower() for w in words}
    return tuple(sorted(w for w in lower if not any(o != w and o in w for o in lower)))


def location(window: str) -> str | None:
    """The place named in the stretch of text that describes one event, as written."""
    return _labelled(window) or _addressed(window) or _venue(window)


def is_online(text: str, placed: bool = False) -> bool:
    """Whether an item's events happen online: a webinar, Zoom, a livestream; or "online" / "en línea"
    for an event that has no place."""
    p = _patterns()
    return p.online.search(text) is not None or (
        not placed and p.online_unless_placed.search(text) is not None
    )


def online_modes(text: str, low: str | None = None) -> tuple[bool, bool]:
    """``(is_online(text), is_online(text, placed=True))`` with each pattern searched once. ``low``:
    ``lowered(text)``, if at hand."""
    p = _patterns()
    low = lowered(text) if low is None else low
    for stem in p.online_stems:
        if stem in low:
            break
    else:
        return False, False  # a few substring searches instead of two case-blind pattern scans
    placed = p.online.search(text) is not None
    return placed or p.online_unless_placed.search(text) is not None, placed


def _labelled(window: str) -> str | None:
    if ":" not in window:
        return None  # every label is followed by a colon
    m = _patterns().label.search(window)
    if not m:
        return None
    value = _clean(m["value"])
    return None if not value or _patterns().undecided.search(value) else value


def _addressed(window: str) -> str | None:
    """The line holding a street address, from the venue named before it to the address's end."""
    low = lowered(window)
    m = _street(window, low)
    if not m:
        return None
    line_start = max(window.rfind("\n", 0, m.start()) + 1, m.start() - _LINE_REACH)
    line_end = window.find("\n", m.end(), m.end() + _LINE_REACH)
    line = window[line_start : m.end() + _LINE_REACH if line_end < 0 else line_end]
    before = window[line_start : m.start()]
    head = _venue_before(before, low[line_start : m.start()])
    tail = _address_tail(line[m.start() - line_start :], m.end() - m.start(), low[m.start() :])
    return _clean(f"{head}{tail}") or None


def _street(window: str, low: str) -> re.Match | None:
    """The first street address, found in ``low`` (``lowered(window)``, same offsets); "3 at 10am at
    1347 W Erie St" starts at 1347, and "7 at 2 PM CT" is a time in Central Time, not a Court."""
    pos = 0
    for _ in range(_STREET_TRIES):
        m = _patterns().address_lowered.search(low, pos)
        if m is None or not _TIME_INSIDE.search(window, m.start(), m.end()):
            return m
        pos = m.start() + 1
    return None


def _venue_before(before: str, low: str) -> str:
    """'Join us at the DHS Office, 525 W …' keeps 'the DHS Office, '; '4-7pm, Rainier Beach Community
    Center, 8825 …' keeps what follows the hour; a whole sentence before does not. ``low``:
    ``lowered(before)``."""
    last = None
    for found in _patterns().preposition_lowered.finditer(low):
        last = found
    if last:
        return before[last.end() :]
    for found in _LEAD_END.finditer(before):
        last = found
    rest = before[last.end() :] if last else before
    return rest if len(rest) <= _MAX_LEAD else ""


def _address_tail(text: str, street_end: int, low: str) -> str:
    """Cut an address line where the address ends: before a time, a meal, or a new sentence. What is
    left after the street is usually a city, state and zip; only a longer rest goes to usaddress.
    ``low``: the ``lowered`` text, or that of a longer text that ``text`` begins."""
    cut = len(text)
    for pattern in _ADDRESS_ENDS:
        m = pattern.search(text)
        if m:
            cut = min(cut, m.start())
    stop = _patterns().stop_lowered.search(low, 0, cut)
    if stop:
        cut = stop.start()
    rest_words = len(text[street_end:cut].split())
    return _usaddress_end(text[:cut]) if rest_words > _PLAIN_REST_WORDS else text[:cut]


def _usaddress_end(text: str) -> str:
    """Drop trailing words usaddress does not read as part of an address ('Check out the page')."""
    try:
        parsed = usaddress.parse(text)
    except Exception:  # a third-party parser must never stop extraction
        return text
    keep = len(parsed)
    while keep and parsed[keep - 1][1] in ("Recipient", "NotAddress"):
        keep -= 1
    if keep == len(parsed) or keep == 0:
        return text
    last = parsed[keep - 1][0]
    return text[: text.find(last) + len(last)] if last in text else text


def _venue(window: str) -> str | None:
    m = _patterns().venue.search(window)
    return _clean(m["venue"]) if m else None


def _clean(value: str) -> str | None:
    value = _balanced(" ".join(value.split()).strip(_TRIM))
    return value if value and len(value) <= _MAX_PLACE else None


def _balanced(value: str) -> str:
    """'2310 S Whipple St)' loses the bracket the cut left alone; '… Red (3100 Hillcroft Ave' closes it."""
    while value.endswith(")") and value.count(")") > value.count("("):
        value = value[:-1].rstrip(_TRIM)
    if value.count("(") > value.count(")"):
        value += ")"
    return value
