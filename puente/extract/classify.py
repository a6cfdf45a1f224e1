"""Decide an item's kind from cue words (``data/kinds.<lang>.json``) and the item's shape.

Each kind collects points: its cue phrases count more in the title than in the first sentences, and
more there than further on; shapes add their own evidence (a list of 'Outlet: headline' lines is
press; a date with a clock time or 'Time:'/'Where:' lines makes a gathering an event unless the text
reports it as past or gives standing weekly hours, which make a service; about-us boilerplate is the
organization's statement). The best-scoring kind wins; without evidence an item is news. Cues are
looked up word by word (``phrases.PhraseIndex``) in the item's first few thousand characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import lexicon
from .model import KINDS, Segment
from .phrases import PhraseIndex, tokens

_LEAD = 300  # characters read as the item's first sentences
_BODY = 1500  # characters read at all: cues further down rarely change what an item is
_OPENING = 100  # characters where an about-us opener ('Founded in 1973, …') must stand
_MIN_SCORE = 2.0  # below this no kind has real evidence and the item is news
_NEWS_BASE = 1.0  # news is the default: another kind must beat it, not tie with it
_TITLE, _FIRST, _LATER = 4, 2, 1  # weight of a cue in the title, the first sentences, further on
# On a tie the default wins (weak evidence either way), then the kinds whose cues are most specific.
_TIE_ORDER = (
    "news",
    "press",
    "job",
    "fundraiser",
    "event",
    "service",
    "opportunity",
    "action",
    "resource",
    "statement",
)
# Patterns start with a digit so the engine can skip ahead; what stands before a match is checked in code.
_TIME = re.compile(
    r"(\d{1,2})(?::[0-5]\d)?\s?(?:[ap]\.?\s?m\b\.?|h\b)|(\d{1,2}):[0-5]\d(?!\d)", re.IGNORECASE
)
_FIELD = re.compile(r"^[^\w\n]{0,3}(\w+(?: \w+)?)\s?:", re.MULTILINE)  # 'Time: 10 am', '- Hours:'
_PRESS_LINE = re.compile(r"(?:\d{1,2}[.)]\s+|[-•·*]\s+)?([A-Z0-9][\w.&'’ -]{0,40}?)(?::| [—–-]) (\S.*)")
_DIGITS = re.compile(r"\d{3}")
_NUMBERED = re.compile(r"\s{0,6}\d{1,2}[.)]\s+\S")
_NUMBER_MARK = re.compile(r"\d[.)]\s")  # what every numbered line holds: read once, before line by line
_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(?:\d{4}|\d{2}))?(?![\d/])")  # '12/16', '19/12'
_NOON = frozenset(("noon", "mediodía", "mediodia", "południe"))
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th|º)?")


@dataclass(frozen=True)
class _Cues:
    index: PhraseIndex  # every cue phrase, labelled with its kind or with a signal name
    about: PhraseIndex  # the about-us openers alone, read in an item's first characters
    fields: frozenset[str]  # labels of event detail lines ('time', 'where')
    labels: frozenset[str]  # field names ('contact', 'time') that never start a press line
    imperatives: frozenset[str]  # first words of a call to action ('call', 'llama')
    months: frozenset[str]
    soon: frozenset[str]  # 'tomorrow', 'tonight': a date without a number


@cache
def _cues() -> _Cues:
    tagged = []
    for data in lexicon.per_language("kinds").values():
        tagged += [(w, kind) for kind, words in data.get("kinds", {}).items() for w in words]
        tagged += [(w, signal) for signal in ("past", "recurring", "reported") for w in data.get(signal, ())]
    about = [(w, "about") for w in lexicon.merged("segment", "about")]
    tagged += about
    tagged += [(w, "posting") for w in lexicon.merged("segment", "job_titles")]

    def words(key: str, kind: str = "kinds") -> frozenset[str]:
        return frozenset(" ".join(tokens(w)) for w in lexicon.merged(kind, key))

    return _Cues(
        index=PhraseIndex(tagged),
        about=PhraseIndex(about),
        fields=words("fields"),
        labels=words("labels"),
        imperatives=words("imperatives"),
        months=words("months", "segment"),
        soon=words("soon"),
    )


def classify(seg: Segment, language: str | None) -> str:
    """One of ``model.KINDS``. Cues of every language count: items mix languages, and ``language``
    is unreliable on short texts."""
    scores = scores_for(seg.title, seg.text[:_BODY])
    best = max(_TIE_ORDER, key=scores.__getitem__)  # the first of equals: ties go by _TIE_ORDER
    return best if scores[best] >= _MIN_SCORE else "news"


def scores_for(title: str, text: str) -> dict[str, float]:
    """Points per kind (exposed for tests and for tuning the data files)."""
    at = text.find(title, 0, len(title) + 12) if title else -1
    if at >= 0:  # the heading stands at the text's start, maybe behind a marker ('📅 *Title*')
        text = text[at + len(title) :]
    words = [tokens(title), tokens(text[:_LEAD]), tokens(text[_LEAD:])]
    found = [_cues().index.find(w) for w in words]
    scores = dict.fromkeys(KINDS, 0.0)
    for weight, hits in zip((_TITLE, _FIRST, _LATER), found, strict=True):
        for label, phrases in hits.items():  # the few labels found, not every kind
            if label in scores:  # signals ('past', 'about') are read below
                scores[label] += weight * len(phrases)
    scores["news"] += _NEWS_BASE
    signals = {
        k: found[0].get(k, set()) | found[1].get(k, set()) | found[2].get(k, set())
        for k in ("past", "recurring")
    }
    _event_evidence(scores, title, text, words, signals)
    _shape_evidence(scores, title, text, words, found)
    return scores


def _event_evidence(scores: dict, title: str, text: str, words: list[list[str]], signals: dict) -> None:
    """A date and a clock time make a gathering an event, not a date alone ('On January 25, the
    president issued…'); detail lines ('Time:', 'Where:') belong to a gathering by themselves."""
    fields = _fields(text) if ":" in text else 0
    timed = _timed(title) or _timed(text) or any(not _NOON.isdisjoint(group) for group in words)
    if scores["event"] <= 0 and fields < 2 and not timed:
        return  # no cue, no detail lines, no clock time: nothing a date alone could change
    lead = text[:_LEAD]
    dated = 3 * _dated(words[0], title) + 2 * _dated(words[1], lead) + _dated(words[2], text[_LEAD:])
    if scores["event"] <= 0 and fields < 2 and not dated:
        return
    scores["event"] += dated + 3 * timed + 2 * fields + 3 * bool(dated and timed)
    if signals["recurring"]:
        scores["event"] -= 6  # standing weekly hours: a service, not a gathering
    scores["event"] -= 3 * len(signals["past"])


def _fields(text: str) -> int:
    """Event detail lines ('Time:', 'Where:'), counted up to three."""
    return min(sum(1 for m in _FIELD.finditer(text) if m.group(1).casefold() in _cues().fields), 3)


def _dated(words: list[str], text: str = "") -> bool:
    """A month next to a day number ('March 4th', '10 de julio'), '12/16', or 'tomorrow'."""
    c = _cues()
    if "/" in text and _numeric_date(text):
        return True
    present = set(words)
    if not c.soon.isdisjoint(present):
        return True
    if c.months.isdisjoint(present):
        return False
    for i, w in enumerate(words):
        if w in c.months:
            after = words[i + 1] if i + 1 < len(words) else ""
            before = words[i - 2 if i >= 2 and words[i - 1] == "de" else i - 1] if i else ""
            if _DAY.fullmatch(after) or _DAY.fullmatch(before):
                return True
    return False


def _free(s: str, at: int, glue: str = ":_") -> bool:
    """Nothing glued before position ``at``: '10 am' or '4-7pm', not 'A10 am' or '12:10 am'."""
    return at == 0 or not (s[at - 1].isalnum() or s[at - 1] in glue)


def _timed(s: str) -> bool:
    for m in _TIME.finditer(s):
        hour = int(m.group(1) or m.group(2))
        if hour <= 23 and _free(s, m.start()):
            return True
    return False


def _numeric_date(s: str) -> bool:
    """A day and month written with digits, in either order ('12/16', '19/12/2026')."""
    for m in _NUMERIC_DATE.finditer(s):
        a, b = int(m.group(1)), int(m.group(2))
        if _free(s, m.start(), "/.-") and (
            (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)
        ):
            return True
    return False


def _shape_evidence(scores: dict, title: str, text: str, words: list[list[str]], found: list[dict]) -> None:
    if _press_list(text):
        scores["press"] += 10
    if any("recurring" in hits for hits in found) and not scores["job"]:
        scores["service"] += 4  # standing hours; in a job offer they are the job's hours
    scores["news"] += len(found[1].get("past", ()))
    if "posting" in found[0]:
        scores["job"] += 8  # 'Oferta de empleo: …', 'Now hiring: …' in the title settles it
    if "reported" in found[0]:
        scores["news"] += 3  # '… was selected as…': a title that reports
    if _cues().about.find(tokens(f"{title} {text}"[:_OPENING])):
        scores["statement"] += 12  # about-us boilerplate lists services but speaks for the organization
    if _NUMBER_MARK.search(text) and _numbered_lines(text) >= 3:
        scores["statement"] += 3  # a numbered list of reasons or demands under one heading
    first = (words[0] or words[1] or [""])[0]
    if first in _cues().imperatives:
        scores["action"] += 2


def _press_list(text: str) -> bool:
    """Three or more lines 'Outlet: Headline' ('Chicago Tribune: Chicago advocates condemn…')."""
    if sum(map(text.count, (": ", " — ", " – ", " - "))) < 3:
        return False  # each such line has one of these separators: most items have too few
    return sum(1 for line in text.splitlines() if _press_line(line.strip())) >= 3


def _press_line(line: str) -> bool:
    """'Chicago Reader: Lawyers to Immigrants…', '2) WABE — "Buford Highway businesses…" (Nov. 20)'."""
    m = _PRESS_LINE.fullmatch(line) if len(line) <= 200 else None
    if not m:
        return False
    outlet, headline = m.group(1), m.group(2)
    if " ".join(tokens(outlet)) in _cues().labels or len(outlet.split()) > 5:
        return False
    quoted = headline[:1] in "\"“'‘«"
    return (quoted or len(headline.split()) >= 4) and ";" not in headline and not _DIGITS.search(headline)


def _numbered_lines(text: str) -> int:
    """Numbered points that are sentences of their own (not a list of names or links)."""
    return sum(1 for line in text.splitlines() if _NUMBERED.match(line) and len(line.split()) >= 12)
