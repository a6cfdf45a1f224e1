"""Normalise a document's text without moving its words: offsets stay meaningful."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Lone surrogates cannot be encoded; they come from text decoded with surrogateescape.
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise(text: str) -> str:
    """Unify line endings, drop control characters, replace lone surrogates with U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub("", text)
