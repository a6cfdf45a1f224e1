"""Decide an item's kind from cue words (``data/kinds.<lang>.json``) and the item's shape.

Each kind collects points: its cue phrases count more in the title than in the first sentences, and
more there than further on; shapes add their own evidence (a list of 'Outlet: headline' lines is
press; a date with a clock time or 'Time:'/'Where:' lines is an event unless the text reports it as
past or gives standing weekly hours, which make a service). The best-scoring kind wins; with no
evidence an item is news. Linear in the item's first few thousand characters, regexes precompiled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import lexicon
from .model import KINDS, Segment

_LEAD = 300  # characters read as the item's first sentences
_BODY = 3000  # characters read at all: cues further down rarely change what an item is
_MIN_SCORE = 2.0  # below this no kind has real evidence and the item is news
_OPENING = 100  # characters where an about-us opener ('Founded in 1973, …') must stand
_NEWS_BASE = 1.0  # news is the default: another kind must beat it, not tie with it
_TITLE, _FIRST, _LATER = 4, 2, 1  # weight of a cue in the title, the first sentences, further on
_TIE_ORDER = (
    "press",
    "job",
    "fundraiser",
    "event",
    "service",
    "opportunity",
    "action",
    "resource",
    "statement",
    "news",
)
_TIME = re.compile(
    r"(?<![\w:])(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s?(?:[ap]\.?\s?m\b\.?|h\b)|(?<![\w:])(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)"
    r"|\bnoon\b|\bmediod[íi]a\b",
    re.IGNORECASE,
)
_PRESS_LINE = re.compile(r"[A-Z0-9][\w.&'’ -]{1,40}: \S")
_DIGITS = re.compile(r"\d{3}")
_NUMBERED = re.compile(r"\s{0,6}\d{1,2}[.)]\s+\S")


@dataclass(frozen=True)
class _Cues:
    kinds: dict[str, re.Pattern[str]]
    past: re.Pattern[str]
    fields: re.Pattern[str]
    recurring: re.Pattern[str]
    imperative: re.Pattern[str]
    labels: frozenset[str]  # field names ('Contact', 'Time') that never start a press line
    reported: re.Pattern[str]  # 'was', 'fue': a title that reports
    about: re.Pattern[str]  # an about-us opener ('Founded in 1973, …'), shared with the segmenter
    date: re.Pattern[str]  # a month name next to a day number, or 'tomorrow'-like words


def _phrases(words: list[str]) -> str:
    return lexicon.alternation([w.casefold() for w in words]).replace("'", "['’]")


@cache
def _cues() -> _Cues:
    files = lexicon.per_language("kinds").values()
    by_kind: dict[str, list[str]] = {k: [] for k in KINDS}
    for data in files:
        for kind, words in data.get("kinds", {}).items():
            by_kind[kind] += words
    months = _phrases(lexicon.merged("segment", "months"))
    return _Cues(
        kinds={
            k: re.compile(rf"(?<!\w)(?:{_phrases(w)})(?!\w)", re.IGNORECASE) for k, w in by_kind.items() if w
        },
        past=re.compile(rf"(?<!\w)(?:{_phrases(lexicon.merged('kinds', 'past'))})(?!\w)", re.IGNORECASE),
        fields=re.compile(
            rf"^\W*(?:{_phrases(lexicon.merged('kinds', 'fields'))})\s*:", re.IGNORECASE | re.MULTILINE
        ),
        recurring=re.compile(rf"(?<!\w)(?:{_phrases(lexicon.merged('kinds', 'recurring'))})", re.IGNORECASE),
        labels=frozenset(w.casefold() for w in lexicon.merged("kinds", "labels")),
        reported=re.compile(
            rf"(?<!\w)(?:{_phrases(lexicon.merged('kinds', 'reported'))})(?!\w)", re.IGNORECASE
        ),
        about=re.compile(rf"(?<!\w)(?:{_phrases(lexicon.merged('segment', 'about'))})(?!\w)", re.IGNORECASE),
        imperative=re.compile(
            rf"\W*(?:{_phrases(lexicon.merged('kinds', 'imperatives'))})(?!\w)", re.IGNORECASE
        ),
        date=re.compile(
            rf"(?<!\w)(?:(?:{months})\.?\s+\d{{1,2}}(?!\d)|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:de\s+)?(?:{months})(?!\w)"
            rf"|tomorrow|tonight|mañana|esta noche)",
            re.IGNORECASE,
        ),
    )


def classify(seg: Segment, language: str | None) -> str:
    """One of ``model.KINDS``. Cues of every language count: items mix languages and ``language``
    may be wrong on short texts."""
    scores = _scores(seg.title, seg.text[:_BODY])
    best = max(_TIE_ORDER, key=lambda k: (scores[k], -_TIE_ORDER.index(k)))
    return best if scores[best] >= _MIN_SCORE else "news"


def _scores(title: str, text: str) -> dict[str, float]:
    c = _cues()
    if text.startswith(title):
        text = text[len(title) :]
    lead, rest = text[:_LEAD], text[_LEAD:]
    scores = dict.fromkeys(KINDS, 0.0)
    for kind, pattern in c.kinds.items():
        scores[kind] += (
            _TITLE * _hits(pattern, title) + _FIRST * _hits(pattern, lead) + _LATER * _hits(pattern, rest)
        )
    scores["news"] += _NEWS_BASE
    _event_evidence(scores, title, text)
    _shape_evidence(scores, title, text)
    return scores


def _hits(pattern: re.Pattern[str], s: str) -> int:
    """Distinct cues found, so one word repeated does not outweigh several different ones."""
    return len({m.group(0).casefold() for m in pattern.finditer(s)})


def _event_evidence(scores: dict[str, float], title: str, text: str) -> None:
    """A date and a clock time make a gathering an event, not the date alone ('On January 25, the
    president issued…'); detail lines ('Time:', 'Where:') are a gathering's by themselves."""
    c = _cues()
    whole = f"{title}\n{text}"
    fields = min(len(c.fields.findall(whole)), 3)
    dated = bool(c.date.search(title)) * 3 + bool(c.date.search(text[:_LEAD])) * 2 + bool(c.date.search(text))
    timed = bool(_TIME.search(whole))
    if scores["event"] <= 0 and fields < 2 and not (dated and timed):
        return
    scores["event"] += dated + 3 * timed + 2 * fields
    if c.recurring.search(whole):
        scores["service"] += 4
        scores["event"] -= 6
    past = len({m.group(0).casefold() for m in c.past.finditer(whole)})
    scores["event"] -= 3 * past


def _shape_evidence(scores: dict[str, float], title: str, text: str) -> None:
    c = _cues()
    if _press_list(text):
        scores["press"] += 10
    if c.recurring.search(title) or c.recurring.search(text):
        scores["service"] += 2
    scores["news"] += len({m.group(0).casefold() for m in c.past.finditer(text[:_LEAD])})
    if c.reported.search(title):
        scores["news"] += 3
    if c.about.search(f"{title} {text}"[:_OPENING]):
        scores["statement"] += 12  # about-us boilerplate lists services but speaks for the organization
    if _numbered_lines(text) >= 3:
        scores["statement"] += 3  # a numbered list of reasons or demands under one heading
    if c.imperative.match(title) or c.imperative.match(text):
        scores["action"] += 2


def _press_list(text: str) -> bool:
    """Three or more lines 'Outlet: Headline' ('Chicago Tribune: Chicago advocates condemn…')."""
    return sum(1 for line in text.splitlines() if _press_line(line.strip())) >= 3


def _press_line(line: str) -> bool:
    if len(line) > 160 or not _PRESS_LINE.match(line):
        return False
    outlet, _, headline = line.partition(": ")
    if outlet.casefold() in _cues().labels or len(outlet.split()) > 5:
        return False
    return len(headline.split()) >= 4 and ";" not in headline and not _DIGITS.search(headline)


def _numbered_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if _NUMBERED.match(line))
