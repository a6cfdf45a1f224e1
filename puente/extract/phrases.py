"""Find known phrases in a text by word look-ups: one pass over the words, no regex alternation.

A phrase list of a few hundred entries as one regex costs Python's engine a try per entry at every
position; looking each word up in a set of first words and only then comparing the few phrases that
start with it keeps cue matching linear and cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|%")


def tokens(s: str) -> list[str]:
    """Lower-cased words (curly apostrophes made straight); '%' kept as a word of its own."""
    return _TOKEN.findall(s.casefold().replace("’", "'"))


class PhraseIndex:
    """Phrases, each tagged with one or more labels; ``find`` returns label -> phrases found."""

    def __init__(self, tagged: Iterable[tuple[str, str]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, label in tagged:
            words = tuple(tokens(phrase))
            if words:
                self._by_first.setdefault(words[0], []).append((words, label))
        for bucket in self._by_first.values():
            bucket.sort(key=lambda entry: -len(entry[0]))  # longest first, as a regex would prefer

    def find(self, words: list[str]) -> dict[str, set[str]]:
        """Per label, the phrases found, longest first and without overlaps: 'legal services' is
        one cue, not also 'services'."""
        found: dict[str, set[str]] = {}
        covered: dict[str, int] = {}
        by_first = self._by_first
        for i in [i for i, w in enumerate(words) if w in by_first]:
            for phrase, label in by_first[words[i]]:
                if covered.get(label, 0) > i:
                    continue
                if len(phrase) == 1 or tuple(words[i : i + len(phrase)]) == phrase:
                    found.setdefault(label, set()).add(" ".join(phrase))
                    covered[label] = i + len(phrase)
        return found
