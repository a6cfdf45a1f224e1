"""Language knowledge for contacts, organizations, languages and topics, read from ``data/``.

Adding a language means adding ``data/<kind>.<lang>.json``; nothing here names a language. Files are
package data read once, on first use, so importing the core stays cheap.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources


@cache
def load(name: str) -> dict:
    """One data file, e.g. ``load("organizations")`` reads ``data/organizations.json``."""
    return json.loads(resources.files(__package__).joinpath("data", f"{name}.json").read_text("utf-8"))


@cache
def per_language(kind: str) -> dict[str, dict]:
    """Every ``data/<kind>.<lang>.json``, keyed by language code."""
    folder = resources.files(__package__).joinpath("data")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        parts = entry.name.split(".")
        if len(parts) == 3 and parts[0] == kind and parts[2] == "json":
            found[parts[1]] = json.loads(entry.read_text("utf-8"))
    return found


def merged(kind: str, key: str) -> list:
    """``key``'s list from every language's file of ``kind``, concatenated."""
    return [x for data in per_language(kind).values() for x in data.get(key, [])]


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """Distinct words, longest first ('see attached' before 'attached'); equals in a fixed order, so
    a loop that takes the first cue found answers the same in every process, whatever the hash seed."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def trie(words: Iterable[str]) -> str:
    """Literal alternation as a trie ('j(?:an(?:uary|)|u(?:ly|ne))'): each position is tested once
    per letter instead of once per word, which keeps scanning fast. Longer words win; spaces inside a
    phrase match any run of spaces. Words are lowercased: for lowered text or a case-blind pattern."""
    tree: dict = {}
    for word in {w.lower() for w in words if w}:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: dict) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return maybe(body) if "" in node else body


def maybe(body: str) -> str:
    """``(?:body)?``, written as a branch with an empty side: the same match, but re runs an optional
    group through its general repeat machinery, several times slower than a branch."""
    return f"(?:{body}|)"


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so 'see attached' wins over 'attached'."""
    return "|".join(map(re.escape, longest_first(words)))


@cache
def attachment() -> re.Pattern[str]:
    cues = alternation(merged("contacts", "attachment"))
    return re.compile(rf"(?<!\w)(?:{cues})(?!\w)", re.IGNORECASE)


@cache
def attachment_stems() -> frozenset[str]:
    """Each attachment cue's longest word, minus those holding another: text without any of them
    cannot match ``attachment()`` (a cheap prefilter)."""
    words = {max(cue.lower().split(), key=len) for cue in merged("contacts", "attachment")}
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


@cache
def networks() -> tuple[re.Pattern[str], dict[str, str]]:
    """Pattern for social-network names, and name -> network slug."""
    names = {name.casefold(): slug for slug, words in load("networks").items() for name in words}
    return re.compile(rf"(?<!\w)(?:{alternation(list(names))})(?!\w)"), names


@dataclass(frozen=True)
class LanguageWords:
    """Every language's words for naming languages, merged: offers may be written in any of them."""

    names: dict[str, str]  # 'spanish', 'español', 'hiszpańskim' -> 'es'
    triggers: frozenset[str]  # single words any name starts with: a text without one names no language
    connectors: frozenset[str]
    fillers: frozenset[str]  # may stand between the preposition and the names ('both', 'języku')
    prepositions: frozenset[str]
    cues: frozenset[str]


@cache
def language_words() -> LanguageWords:
    files = per_language("languages").values()
    names = {name.casefold(): code for data in files for name, code in data.get("names", {}).items()}
    return LanguageWords(
        names=names,
        triggers=frozenset(n.split()[0] for n in names),
        connectors=frozenset(merged("languages", "connectors")),
        fillers=frozenset(merged("languages", "fillers")),
        prepositions=frozenset(merged("languages", "prepositions")),
        cues=frozenset(w.casefold() for w in merged("languages", "offer_cues")),
    )


@dataclass(frozen=True)
class OrgWords:
    """Every language's words for recognising organization names, merged (names cross languages)."""

    heads: frozenset[str]  # 'Center', 'Coalition': the name ends with (or around) them
    heads_initial: frozenset[str]  # 'Centro', 'Asociación': the name goes on after them
    weak_heads: frozenset[str]  # 'Services', 'Project': need two words before, or 'of …' after
    needs_of: frozenset[str]  # 'City': only 'City of …' is a body
    venue_tails: tuple[str, ...]
    non_org_tails: frozenset[str]
    program_words: frozenset[str]  # 'Voting Rights Act (VRA)' defines no organization
    connectors: frozenset[str]
    splitters: frozenset[str]
    leading_drop: frozenset[str]
    titles: frozenset[str]
    job_titles: frozenset[str]
    people_words: frozenset[str]
    list_cues: tuple[str, ...]
    copula: tuple[str, ...]
    org_nouns: frozenset[str]
    field_labels: frozenset[str]
    not_acronyms: frozenset[str]
    aka: tuple[str, ...]
    first_names: frozenset[str]


@cache
def org_words() -> OrgWords:
    def words(key: str) -> frozenset[str]:
        return frozenset(merged("organizations", key))

    return OrgWords(
        heads=words("heads"),
        heads_initial=words("heads_initial"),
        weak_heads=words("weak_heads") | words("weak_heads_initial"),
        needs_of=words("needs_of"),
        venue_tails=longest_first(words("venue_tails")),
        non_org_tails=words("non_org_tails"),
        program_words=words("program_words"),
        connectors=words("connectors"),
        splitters=words("splitters"),
        leading_drop=words("leading_drop"),
        titles=words("titles"),
        job_titles=words("job_titles"),
        people_words=words("people_words"),
        list_cues=longest_first(words("list_cues")),
        copula=longest_first(words("copula")),
        org_nouns=frozenset(w.casefold() for w in merged("organizations", "org_nouns")),
        field_labels=frozenset(w.casefold() for w in merged("organizations", "field_labels")),
        not_acronyms=words("not_acronyms"),
        aka=longest_first(words("aka")),
        first_names=frozenset(load("first_names")),
    )


@cache
def known_organizations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Known full names, known organization acronyms, and broadcasters ('NBC' in 'NBC Chicago')."""
    data = load("organizations")
    names = {k["name"] for k in data["known"]} | set(data["media"])
    acronyms = {a for k in data["known"] for a in k["acronyms"]} | {m for m in data["media"] if m.isupper()}
    return frozenset(names), frozenset(acronyms), frozenset(data["broadcasters"])
