"""Find known phrases in a text by word look-ups: one pass over the words, no regex alternation.

A phrase list of a few hundred entries as one regex costs Python's engine a try per entry at every
position; looking words up in sets, and comparing only the few phrases that start with the same two
words, keeps cue matching linear and cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Possessive: a word never gives characters back, so the engine keeps no backtracking state (a sixth
# faster on long items; the same words).
_TOKEN = re.compile(r"\w++(?:['’]\w++)*+|%")


def tokens(s: str) -> list[str]:
    """Lower-cased words (curly apostrophes made straight); '%' kept as a word of its own."""
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
        self._firsts = frozenset(self._one) | {pair[0] for pair in self._two}

    def find(self, words: list[str]) -> dict[str, set[str]]:
        """Per label, the phrases found, longest first and without overlaps: 'legal services' is
        one cue, not also 'services'."""
        found: dict[str, set[str]] = {}
        covered: dict[str, int] = {}
        firsts, one, two = self._firsts, self._one, self._two
        last = len(words) - 1
        present = firsts.intersection(words)
        if not present:
            return found
        for i in [i for i, w in enumerate(words) if w in present]:
            w = words[i]
            if i < last:
                for phrase, label in two.get((w, words[i + 1]), ()):
                    if covered.get(label, 0) <= i and tuple(words[i : i + len(phrase)]) == phrase:
                        found.setdefault(label, set()).add(" ".join(phrase))
                        covered[label] = i + len(phrase)
            for label in one.get(w, ()):
                if covered.get(label, 0) <= i:
                    found.setdefault(label, set()).add(w)
                    covered[label] = i + 1
        return found
