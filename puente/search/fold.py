"""Fold text for matching: case, accents and Arabic vowel marks go; Devanagari vowel signs stay."""

from __future__ import annotations

import re
import unicodedata

# Marks on Latin, Greek and Cyrillic letters are accents; on Devanagari they are vowels and must stay.
_ACCENTED_SCRIPTS_END = 0x0590
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, superscript alef, tatweel
_WORD = re.compile(r"\w+", re.UNICODE)
# Scripts written without spaces between words: searched by trigrams instead of words. PostgreSQL has
# a partial index on entries containing them (migration 0003 keeps its own copy of this class).
NO_SPACES = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]"
_NO_SPACES = re.compile(NO_SPACES)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept, base = [], 0
    for ch in decomposed:
        if unicodedata.combining(ch):
            if base < _ACCENTED_SCRIPTS_END:
                continue
        else:
            base = ord(ch)
        kept.append(ch)
    return _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", "".join(kept)))


def words(query: str) -> list[str]:
    return _WORD.findall(fold(query))


def without_spaces(text: str) -> bool:
    """True when the text is in a script that does not separate words (Chinese, Japanese, Thai)."""
    return bool(_NO_SPACES.search(text))
