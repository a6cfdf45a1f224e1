"""Topics an item is about, from cue words kept per language in ``data/topics.<lang>.json``.

A cue ending in ``*`` matches any word it begins ('refugee*': refugees); a cue written with capitals
('ICE', 'DACA') must match case and all, so 'ice cream' is not about detention.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from typing import NamedTuple

from . import lexicon

TOPICS = (
    "legal",
    "community-education",
    "mental-health",
    "employers",
    "know-your-rights",
    "health",
    "housing",
    "food",
    "jobs",
    "education",
    "citizenship",
    "refugees",
    "detention",
    "daca",
)


def find(text: str) -> tuple[str, ...]:
    """The topic slugs whose cues occur in ``text``, in the vocabulary's order."""
    folded = text.casefold()
    words = set(_WORD.findall(folded))
    ordered = sorted(words)
    found: set[str] = set()
    for topic, cues in _cues().items():
        if _any_cue(cues, text, folded, words, ordered):
            found.add(topic)
    return tuple(t for t in TOPICS if t in found)


_WORD = re.compile(r"[\w’'-]+")


class _Cues(NamedTuple):
    words: frozenset[str]  # 'asylum'
    prefixes: tuple[str, ...]  # 'refugee' from 'refugee*'
    phrases: tuple[tuple[str, str], ...]  # (first word, 'legal aid'), matched at word boundaries
    exact: tuple[str, ...]  # 'ICE': case and all


def _any_cue(cues: _Cues, text: str, folded: str, words: set[str], ordered: list[str]) -> bool:
    if cues.words & words:
        return True
    if any(_has_prefix(ordered, prefix) for prefix in cues.prefixes):
        return True
    for first, phrase in cues.phrases:
        if (_has_prefix(ordered, first[:-1]) if first.endswith("*") else first in words) and _bounded(
            folded, phrase
        ):
            return True
    return any(_bounded(text, cue) for cue in cues.exact if cue in text)


def _has_prefix(ordered: list[str], prefix: str) -> bool:
    i = bisect.bisect_left(ordered, prefix)
    return i < len(ordered) and ordered[i].startswith(prefix)


def _bounded(text: str, phrase: str) -> bool:
    """``phrase`` in ``text`` as whole words; a word ending in '*' may go on ('porad* prawn*')."""
    return _phrase_pattern(phrase).search(text) is not None


@lru_cache(maxsize=4096)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w.rstrip("*")) + (r"[\w’'-]*" if w.endswith("*") else "") for w in phrase.split()]
    return re.compile(rf"(?<![\w’'-]){r'\s+'.join(words)}(?![\w’'-])")


@cache
def _cues() -> dict[str, _Cues]:
    raw: dict[str, list[str]] = {}
    for data in lexicon.per_language("topics").values():
        for topic, cues in data.items():
            raw.setdefault(topic, []).extend(cues)
    return {topic: _sort(raw.get(topic, [])) for topic in TOPICS}


def _sort(cues: list[str]) -> _Cues:
    exact = tuple(c for c in cues if c != c.casefold())
    plain = [c for c in cues if c == c.casefold()]
    single = [c for c in plain if _WORD.fullmatch(c.rstrip("*")) is not None]
    phrases = tuple((c.split()[0], c) for c in plain if c not in single)
    return _Cues(
        words=frozenset(c for c in single if not c.endswith("*")),
        prefixes=tuple(c[:-1] for c in single if c.endswith("*")),
        phrases=tuple((first, phrase) for first, phrase in phrases),
        exact=exact,
    )
