"""Does an item sound like legal advice? Those wait for a person even from a trusted source.

A wrong legal notice can cost someone their case, so the rule errs towards holding: the topic
``legal`` or any word from ``data/legal_words.json`` (every language at once; newsletters mix them).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "legal_words.json"


@cache
def _pattern() -> re.Pattern[str]:
    words = json.loads(DATA.read_text(encoding="utf-8"))
    phrases = sorted({w for lang, ws in words.items() if not lang.startswith("_") for w in ws}, key=len)
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in reversed(phrases))
    # \b does not help in scripts without spaces (Chinese); there a plain substring is the word.
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])|(?:{_cjk(phrases)})", re.IGNORECASE)


def _cjk(phrases: list[str]) -> str:
    cjk = [re.escape(p) for p in phrases if any("\u4e00" <= c <= "\u9fff" for c in p)]
    return "|".join(cjk) or "(?!)"


def legal_words(text: str) -> list[str]:
    """The legal words found, in order, without repeats (shown to the editor as the reason)."""
    found: list[str] = []
    for m in _pattern().finditer(text):
        word = " ".join(m.group(0).split()).lower()
        if word not in found:
            found.append(word)
    return found


def sounds_legal(text: str, topics: tuple[str, ...] | list[str] = ()) -> bool:
    return "legal" in topics or bool(legal_words(text))
