"""Find known phrases in a text by word look-ups: one pass over the words, no regex alternation.

A phrase list of a few hundred entries as one regex costs Python's engine a try per entry at every
position; looking words up in sets, and comparing only the few phrases that start with the same two
words, keeps cue matching linear and cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Possessive: a word never gives characters back, so the engine keeps no backtracking state (a sixth
# faster on long items; the same words). Curly apostrophes are made straight before, so the pattern
# looks for one kind only; an ASCII text (most cue lines) has no other word characters than ASCII
# ones, and the engine's ASCII classes are cheaper to test.
_TOKEN = re.compile(r"\w++(?:'\w++)*+|%")
_ASCII_TOKEN = re.compile(r"\w++(?:'\w++)*+|%", re.ASCII)


def tokens(s: str) -> list[str]:
    """Lower-cased words (curly apostrophes made straight); '%' kept as a word of its own."""
    if s.isascii():  # then lower() is casefold(), and there is no curly apostrophe
        return _ASCII_TOKEN.findall(s.lower())
    return _TOKEN.findall(s.casefold().replace("’", "'"))


class PhraseIndex:
    """Phrases, each tagged with one or more labels; ``find`` returns label -> phrases found."""

    def __init__(self, tagged: Iterable[tuple[str, str]]) -> None:
        self._one: dict[str, list[str]] = {}  # one-word phrase -> labels
        self._two: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}  # first two words
        for phrase, label in tagged:
            words = tuple(tokens(phrase))
            if len(words) == 1:
                self._one.setdefault(words[0], []).append(label)
            elif words:
                self._two.setdefault(words[:2], []).append((words, label))
        for bucket in self._two.values():
            bucket.sort(key=lambda entry: -len(entry[0]))  # longest first, as a regex would prefer
        self._starts = frozenset(pair[0] for pair in self._two)
        self._firsts = frozenset(self._one) | self._starts

    def find(self, words: list[str]) -> dict[str, set[str]]:
        """Per label, the phrases found, longest first and without overlaps: 'legal services' is
        one cue, not also 'services'."""
        found: dict[str, set[str]] = {}
        present = self._firsts.intersection(words)
        if not present:
            return found
        one, two = self._one, self._two
        if self._starts.isdisjoint(present):
            # one-word phrases alone never overlap: each word found once, wherever it stands
            for w in present:
                for label in one[w]:
                    found.setdefault(label, set()).add(w)
            return found
        covered: dict[str, int] = {}
        last = len(words) - 1
        for i in [i for i, w in enumerate(words) if w in present]:
            w = words[i]
            if i < last and (bucket := two.get((w, words[i + 1]))):
                for phrase, label in bucket:
                    if covered.get(label, 0) <= i and tuple(words[i : i + len(phrase)]) == phrase:
                        found.setdefault(label, set()).add(" ".join(phrase))
                        covered[label] = i + len(phrase)
            if labels := one.get(w):
                for label in labels:
                    if covered.get(label, 0) <= i:
                        found.setdefault(label, set()).add(w)
                        covered[label] = i + 1
        return found
