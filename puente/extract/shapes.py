"""Shapes of a line that hint at its role: heading-like, a date alone, a sentence. Language-free."""

from __future__ import annotations

import re
import unicodedata

_HEADING_WORDS = 20
_HEADING_CHARS = 160
_CLOSERS = " \"'”’)»]*"
_OPENERS = "¿¡\"“‘'#@(«["
_DECORATION = "-=*#~_ \t"
_SENTENCE = re.compile(r"[.!?…](?:[\"'”’)»\]]*)\s+(?=[\"'“‘(«¿¡]?[A-ZÁÉÍÓÚÑÜ])")
_LINK = re.compile(r"\w@\w|https?:|www\.")
_PHONE = re.compile(r"\d{3}[\s.)-]{0,2}\d{3}[\s.-]\d{4}")
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[^\s,.;:()\-–—/]+")
_ORDINAL = re.compile(r"\d{1,4}(?:st|nd|rd|th|º|°|o)?", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def words(s: str) -> int:
    """``len(s.split())``, counted without splitting where only single ' ' separate the words (a
    printable string has no other white space): shape tests count words of nearly every line."""
    if s.isprintable():
        s = s.strip(" ")
        if "  " not in s:
            return s.count(" ") + 1 if s else 0
    return len(s.split())


def _last(s: str) -> str:
    """The last character that is not a closing quote, bracket, emoji or other symbol."""
    s = s.rstrip(_CLOSERS)
    while s and unicodedata.category(s[-1])[0] in "SZC":
        s = s[:-1].rstrip(_CLOSERS)
    return s[-1:]


def sentence_end(s: str) -> bool:
    return _last(s) in (".", "!", "?", "…")


def sentences(s: str) -> int:
    return len(_SENTENCE.findall(s)) + 1


def _unsymbol(s: str) -> str:
    """Leading emoji and symbols dropped: '📣 Boletín' -> 'Boletín'."""
    s = s.strip()
    i = 0
    while i < len(s) and i < 8 and (unicodedata.category(s[i])[0] in "SZC" or s[i] in "\ufe0f\u200d"):
        i += 1
    return s[i:].lstrip()


def undecorated(s: str) -> str:
    """'-- CALENDARIO --', '== Events ==', '### Events' -> the words inside the decoration."""
    s = s.strip()
    if s[:1].isalnum() and s[-1] not in _DECORATION:
        return s  # the common case, a line of words: nothing to drop, and no per-character look-up
    s = _unsymbol(s)
    inner = s.strip().strip(_DECORATION)
    return inner if inner and inner != s.strip() and len(s.strip()) - len(inner) >= 2 else s.strip()


def decorated(s: str) -> bool:
    """Decoration on both sides ('-- GRACIAS --'); a Markdown '## Heading' is only a heading."""
    s = s.strip()
    return undecorated(s) != s and s[:1] in _DECORATION and s[-1:] in _DECORATION


def heading_shape(s: str) -> str | None:
    """'strong' (a plain title), 'weak' (a short sentence that may head what follows), 'lead' (ends
    with ':'), or None when the line reads as text, data or a fragment."""
    s = undecorated(s)
    if not s or len(s) > _HEADING_CHARS or not (s[0].isupper() or s[0].isdigit() or s[0] in _OPENERS):
        return None
    n = words(s)
    if n > _HEADING_WORDS or _data(s):
        return None
    last = _last(s)
    if last in (",", ";"):
        return None
    if last == ":":
        return "lead" if n <= 10 else None
    if last in (".", "…"):
        return "weak" if n <= 12 and sentences(s) == 1 else None
    if last in ("!", "?"):
        return "strong" if n <= 8 and sentences(s) == 1 else ("weak" if sentences(s) == 1 else None)
    return "strong"


def _data(s: str) -> bool:
    """An e-mail, a link or a phone number: data, not a title. The literal tests and the search for a
    first digit are cheap; the patterns run only where they can match."""
    if ("@" in s or "http" in s or "www." in s) and _LINK.search(s):
        return True
    digit = _DIGIT.search(s)
    return digit is not None and _PHONE.search(s, digit.start()) is not None


def is_date_line(s: str, date_words: frozenset[str]) -> bool:
    """'February 9, 2017', 'Wednesday, 3 de julio de 2019': a date and nothing else."""
    if _DIGIT.search(s) is None:
        return False  # most lines: no number, so no date, and no need to split it into words
    tokens = _TOKEN.findall(s.casefold())
    if not tokens or len(tokens) > 7:
        return False
    has_month = has_digit = False
    for t in tokens:
        if t in date_words:
            has_month = has_month or not t.isdigit()
        elif _ORDINAL.fullmatch(t):
            has_digit = True
        else:
            return False
    return has_month and has_digit


def lead_title(lines: tuple[str, ...]) -> str:
    """A short title for an item without a heading: its lead phrase or first sentence.

    'Get a legal consultation. If you…' -> 'Get a legal consultation'; 'Refugee ban order: On…' ->
    'Refugee ban order'; a long first sentence is cut at a comma after its first few words.
    """
    s = _joined(lines, 400)
    for dash in (" — ", " – ", " -- "):
        cut = s.find(dash)  # find and slice rather than partition: the text after it is not needed
        if cut >= 0 and 1 <= words(s[:cut]) <= 8:
            return s[:cut].strip()
    cut = s.find(": ")
    if cut >= 0 and 1 <= words(s[:cut]) <= 10 and "http" not in s[:cut]:
        return s[:cut].strip()
    m = _SENTENCE.search(s)
    first = s[: m.start() + 1] if m else s
    first = first.rstrip(_CLOSERS).rstrip(".:").strip()
    if len(first) > 100:
        cut = first.find(", ", 40)
        first = first[:cut] if 0 < cut <= 100 else first[: first.rfind(" ", 0, 100)].rstrip(",;: ")
    return first


def _joined(lines: tuple[str, ...], limit: int) -> str:
    """The lines as one string with white space unified, cut at ``limit`` characters. A block's lines
    are clean already (``structure``): then only as many are joined as the cut keeps."""
    taken, size = [], 0
    for line in lines:
        taken.append(line)
        size += len(line) + 1
        if size > limit:
            break
    s = " ".join(taken)
    if s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " ":
        return s[:limit]  # a clean start stays as it is, whatever the lines left out hold
    return " ".join(" ".join(lines).replace("\u00a0", " ").split())[:limit]
