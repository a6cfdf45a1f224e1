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
    found: set[str] = set()
    phrases: list[_Phrase] = []
    # Only the few words that begin like a cue are taken out of the text (a space first: a word at
    # the very start is found alike); one cached look-up then answers a word's own cues, the cue
    # prefixes it begins with and the phrases it may start.
    for topics, starts in filter(None, map(_word_cues, set(index.candidates.findall(" " + folded)))):
        found |= topics
        phrases += starts
    for phrase, topics, rest in phrases:
        # the phrase's other words as plain substrings first: most phrases fail there, cheaply
        if not topics <= found and all(w in folded for w in rest) and _bounded(folded, phrase):
            found |= topics
    ordered: list[str] = []  # sorted only when a prefix phrase's first letters occur at all
    for prefix, phrase, topics in index.prefix_phrases:  # 'porad* prawn*': the first word is a prefix
        if topics <= found or prefix not in folded:
            continue
        ordered = ordered or sorted(set(_WORD.findall(folded)))
        if _has_prefix(ordered, prefix) and _bounded(folded, phrase):
            found |= topics
    for cue, topics in index.exact:
        if not topics <= found and cue in text and _bounded(text, cue):
            found |= topics
    return tuple(t for t in TOPICS if t in found)


_WORD = re.compile(r"[\w’'-]+")
_Phrase = tuple[str, frozenset[str], tuple[str, ...]]  # ('legal aid', topics, ('aid',))


class _Index(NamedTuple):
    words: dict[str, frozenset[str]]  # 'asylum' -> {'legal'}
    prefixes: dict[str, frozenset[str]]  # 'refugee' -> {'refugees'} from 'refugee*'
    prefix_pattern: re.Pattern[str]  # every prefix as one trie: one match finds a word's prefix
    candidates: re.Pattern[str]  # the whole words of the text that begin like a cue word, prefix or phrase
    phrases: dict[str, tuple[_Phrase, ...]]  # 'legal' -> (('legal aid', topics, ('aid',)),)
    prefix_phrases: tuple[tuple[str, str, frozenset[str]], ...]  # ('porad', 'porad* prawn*', topics)
    exact: tuple[tuple[str, frozenset[str]], ...]  # ('ICE', {'detention'}): case and all


@lru_cache(maxsize=1 << 16)  # words of the languages read: a vocabulary, bounded all the same
def _word_cues(word: str) -> tuple[frozenset[str], tuple[_Phrase, ...]] | None:
    """The topics ``word`` is a cue for, whole or by a cue prefix it begins with ('refugees':
    'refugee*'), and the phrases it is the first word of; None when it is none of these."""
    index = _index()
    m = index.prefix_pattern.match(word)
    topics = index.words.get(word, frozenset()) | (index.prefixes[m.group(0)] if m else frozenset())
    phrases = index.phrases.get(word, ())
    return (topics, phrases) if topics or phrases else None


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
    words, prefixes, phrases, prefix_phrases, exact = {}, [], {}, [], []
    for cue, topics in by_cue.items():
        topics = frozenset(topics)
        if cue != cue.casefold():
            exact.append((cue, topics))
        elif _WORD.fullmatch(cue.rstrip("*")) is None and cue.split()[0].endswith("*"):
            prefix_phrases.append((cue.split()[0][:-1], cue, topics))
        elif _WORD.fullmatch(cue.rstrip("*")) is None:
            rest = tuple(w.rstrip("*") for w in cue.split()[1:])
            phrases.setdefault(cue.split()[0], []).append((cue, topics, rest))
        elif cue.endswith("*"):
            prefixes.append((cue[:-1], topics))
        else:
            words[cue] = topics
    by_prefix = {p: frozenset(t for q, ts in prefixes if p.startswith(q) for t in ts) for p, _ in prefixes}
    return _Index(
        words,
        by_prefix,
        _trie_pattern(list(by_prefix)),
        _candidates([*words, *by_prefix, *phrases]),
        {first: tuple(entries) for first, entries in phrases.items()},
        tuple(prefix_phrases),
        tuple(exact),
    )


def _trie_pattern(prefixes: list[str]) -> re.Pattern[str]:
    r"""'refugee', 'refugiad', 'residen' -> r'(?<![\w’'-])re(?:fug(?:ee|iad)|siden)': each position of
    the text is tried once against the first letters, not once per prefix. The shortest prefix wins."""
    tree = _trie(prefixes)
    return re.compile(rf"(?<![\w’'-])(?:{_serialise(tree)})" if tree else r"(?!)")


def _candidates(starts: list[str]) -> re.Pattern[str]:
    """Whole words beginning with one of ``starts``, from a text with a space put before it.

    A word follows a character it cannot hold. Asking first for any character but an ASCII letter,
    digit or word mark lets the regex engine skip the rest of the text in a tight loop (that class
    is a superset, and the look-behind then makes it exact): about half the cost of listing every
    word of the text.
    """
    firsts = "".join(sorted({re.escape(s[0]) for s in starts}))
    return re.compile(rf"[^a-z0-9_’'\-](?=[{firsts}])(?<=[^\w’'-])((?:{_serialise(_trie(starts))})[\w’'-]*)")


def _trie(prefixes: list[str]) -> dict:
    """The prefixes as a tree of letters; a prefix holding a shorter one is left to it."""
    tree: dict = {}
    for prefix in sorted(prefixes, key=len):
        node = tree
        for c in prefix:
            if node.get("") is True:
                break  # a shorter prefix already covers this one
            node = node.setdefault(c, {})
        else:
            node.clear()
            node[""] = True
    return tree


def _serialise(node: dict) -> str:
    branches = [re.escape(c) + _serialise(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
