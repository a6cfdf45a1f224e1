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
    index = _index()
    folded = text.casefold()
    words = set(_WORD.findall(folded))
    found: set[str] = set()
    for word in words & index.words.keys():
        found |= index.words[word]
    ordered = sorted(words)
    for prefix, topics in index.prefixes:
        if not topics <= found and _has_prefix(ordered, prefix):
            found |= topics
    for first, phrase, topics in index.phrases:
        if not topics <= found and (
            _has_prefix(ordered, first[:-1]) if first.endswith("*") else first in words
        ):
            if _bounded(folded, phrase):
                found |= topics
    for cue, topics in index.exact:
        if not topics <= found and cue in text and _bounded(text, cue):
            found |= topics
    return tuple(t for t in TOPICS if t in found)


_WORD = re.compile(r"[\w’'-]+")


class _Index(NamedTuple):
    words: dict[str, frozenset[str]]  # 'asylum' -> {'legal'}
    prefixes: tuple[tuple[str, frozenset[str]], ...]  # ('refugee', {'refugees'}) from 'refugee*'
    phrases: tuple[tuple[str, str, frozenset[str]], ...]  # (first word, 'legal aid', topics)
    exact: tuple[tuple[str, frozenset[str]], ...]  # ('ICE', {'detention'}): case and all


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
def _index() -> _Index:
    by_cue: dict[str, set[str]] = {}
    for data in lexicon.per_language("topics").values():
        for topic, cues in data.items():
            for cue in cues:
                by_cue.setdefault(cue, set()).add(topic)
    words, prefixes, phrases, exact = {}, [], [], []
    for cue, topics in by_cue.items():
        topics = frozenset(topics)
        if cue != cue.casefold():
            exact.append((cue, topics))
        elif _WORD.fullmatch(cue.rstrip("*")) is None:
            phrases.append((cue.split()[0], cue, topics))
        elif cue.endswith("*"):
            prefixes.append((cue[:-1], topics))
        else:
            words[cue] = topics
    return _Index(words, tuple(prefixes), tuple(phrases), tuple(exact))
