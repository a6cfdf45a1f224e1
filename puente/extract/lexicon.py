"""Language knowledge for contacts, organizations, languages and topics, read from ``data/``.

Adding a language means adding ``data/<kind>.<lang>.json``; nothing here names a language. Files are
package data read once, on first use, so importing the core stays cheap.
"""

from __future__ import annotations

import json
import re
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


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so 'see attached' wins over 'attached'."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def attachment() -> re.Pattern[str]:
    cues = alternation(merged("contacts", "attachment"))
    return re.compile(rf"(?<!\w)(?:{cues})(?!\w)", re.IGNORECASE)


@cache
def networks() -> tuple[re.Pattern[str], dict[str, str]]:
    """Pattern for social-network names, and name -> network slug."""
    names = {name.casefold(): slug for slug, words in load("networks").items() for name in words}
    return re.compile(rf"(?<!\w)(?:{alternation(list(names))})(?!\w)"), names


@dataclass(frozen=True)
class LanguageWords:
    """Every language's words for naming languages, merged: offers may be written in any of them."""

    names: dict[str, str]  # 'spanish', 'español', 'hiszpańskim' -> 'es'
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
        connectors=frozenset(merged("languages", "connectors")),
        fillers=frozenset(merged("languages", "fillers")),
        prepositions=frozenset(merged("languages", "prepositions")),
        cues=frozenset(w.casefold() for w in merged("languages", "offer_cues")),
    )
