"""Topics an item is about, from cue words kept per language in ``data/topics.<lang>.json``.

A cue ending in ``*`` matches any word it begins ('refugee*': refugees); a cue written with capitals
('ICE', 'DACA') must match case and all, so 'ice cream' is not about detention.
"""

from __future__ import annotations

import re
from functools import cache

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
    return tuple(topic for topic, patterns in _patterns() if any(p.search(text) for p in patterns))


@cache
def _patterns() -> tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]:
    cues: dict[str, list[str]] = {}
    for data in lexicon.per_language("topics").values():
        for topic, words in data.items():
            cues.setdefault(topic, []).extend(words)
    return tuple((topic, _compile(cues.get(topic, []))) for topic in TOPICS)


def _compile(cues: list[str]) -> tuple[re.Pattern[str], ...]:
    exact = [c for c in cues if c != c.casefold()]
    folded = [c for c in cues if c == c.casefold()]
    return tuple(
        re.compile(_alternation(group), flags) for group, flags in ((exact, 0), (folded, re.I)) if group
    )


def _alternation(cues: list[str]) -> str:
    parts = sorted((re.escape(c[:-1]) + r"\w*" if c.endswith("*") else re.escape(c) for c in cues), key=len)
    return r"(?<!\w)(?:" + "|".join(reversed(parts)) + r")(?!\w)"
