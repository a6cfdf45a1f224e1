"""Phones, e-mails, links and social handles in an item's text.

Every pattern starts with a look-behind that fails inside a run of word characters, so a match can only
begin at a token boundary: long runs without an ``@`` or a dot cost one pass, not one pass per character.
Found e-mails and links are blanked (same length, offsets kept) before the next pattern looks, so an
e-mail's domain is never also a link and a link's path never a handle.
"""

from __future__ import annotations

import re

import phonenumbers

from . import lexicon
from .model import Contacts, Handle

_EMAIL = re.compile(r"(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b")
_SCHEME_URL = re.compile(r"(?<![\w/])(?:https?://|www\.)[^\s<>\"“”‘’]+", re.IGNORECASE)
# Bare domains written as text ('acrs.org', 'kcba.org/events'): only well-known top-level domains, so
# file names ('flyer.pdf') and abbreviations ('U.S.', 'e.g.') are not links.
_TLDS = "org|com|net|edu|gov|us|info|io|co|ca|mx|es|pl|uk|biz|app|news|church|ngo|law"
_BARE_DOMAIN = re.compile(
    rf"(?<![\w@./-])(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:{_TLDS})(?:/[^\s<>\"“”]*)?(?![\w@-])",
    re.IGNORECASE,
)
# Seven digits close together, with only what phonenumbers accepts between a number's digits (its
# VALID_PUNCTUATION and spaces): '$52,000–$58,000' and '12:00–1:00' are not worth asking it about.
_PHONE_PUNCTUATION = "-x\u2010-\u2015\u2212\u30fc\uff0d-\uff0f \t\u00a0\u00ad\u200b\u2060\u3000()\uff08\uff09\uff3b\uff3d.\\[\\]/~\u2053\u223c\uff5e"
_PHONE_LIKE = re.compile(rf"\d(?:[{_PHONE_PUNCTUATION}]{{0,3}}\d){{6}}")
# '(312) 555-0100', '312.555.0100', '+1 312 555 0100', '1-800-555-0102': standing alone, not glued to
# letters, digits or a slash (a date, an ID, a URL path)
_NANP = re.compile(r"(?<![\w+/.-])(?:\+?1[-. ]?)?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w/-]|\.\d)")
_TLD_END = re.compile(rf"\.(?:{_TLDS})(?![\w@-])", re.IGNORECASE)  # where a bare domain could end
_PHONE_BEFORE, _PHONE_AFTER = 8, 24  # characters of context the matcher reads around the digits
_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_]{2,30})(?![\w@]|\.[A-Za-z])")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_TRAILING = ".,;:!?)]}'\"’”»…"
_NETWORK_WINDOW = 80  # characters before a handle where the text may name its network


def find(text: str) -> Contacts:
    emails, masked = _emails(text) if "@" in text else ((), text)
    urls: tuple[str, ...] = ()
    if "." in text:
        urls, without_urls = _urls(masked)
        masked = without_urls if urls else masked
    handles = _handles(masked) if "@" in masked else ()
    phones = _phones(text)
    return Contacts(phones=phones, emails=emails, urls=urls, handles=handles)


def _phones(text: str) -> tuple[str, ...]:
    """E.164 numbers; extensions cannot be written in E.164 and are dropped.

    phonenumbers' matcher costs about a microsecond a character, so it only reads a window of words
    around each run of seven digits close together, within its line (the matcher stops at lines too).
    """
    found = []
    for lo, hi in _phone_windows(text):
        found += _numbers(text[lo:hi])
    return tuple(dict.fromkeys(found))


def _phone_windows(text: str) -> list[tuple[int, int]]:
    """(start, end) around each phone-like run of digits: from a word boundary a few characters before
    it (a '+1 (' prefix) to one well after it (the rest of a long number, an extension), in its line."""
    spans: list[tuple[int, int]] = []
    for m in _PHONE_LIKE.finditer(text):
        line_lo = text.rfind("\n", 0, m.start()) + 1
        line_hi = text.find("\n", m.end())
        line_hi = len(text) if line_hi < 0 else line_hi
        lo = max(line_lo, _space_before(text, m.start() - _PHONE_BEFORE, line_lo))
        hi = min(line_hi, _space_after(text, m.end() + _PHONE_AFTER, line_hi))
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


def _space_before(text: str, at: int, floor: int) -> int:
    if at <= floor:
        return floor
    cut = max(text.rfind(" ", floor, at), text.rfind("\t", floor, at))
    return floor if cut < 0 else cut + 1


def _space_after(text: str, at: int, ceiling: int) -> int:
    if at >= ceiling:
        return ceiling
    cut = text.find(" ", at, ceiling)
    return ceiling if cut < 0 else cut


def _numbers(text: str) -> list[str]:
    """Numbers in a window: North American ones written the usual way are checked directly against
    the US plan (one region's patterns); anything else goes to phonenumbers' matcher, whose
    validation tries every region of a country code (some twenty for +1) for each candidate."""
    found, rest = [], text
    for m in _NANP.finditer(text):
        number = _us_number(m.group(0))
        if number is None:
            return _matched(text)
        found.append(number)
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    return found if not _PHONE_LIKE.search(rest) else _matched(text)


def _us_number(candidate: str) -> str | None:
    """A ``_NANP`` match in E.164 if phonenumbers finds it a valid US number. The pattern has read
    the shape already (an optional +1 or 1, then ten digits), so the number is built from its last
    ten digits, as ``phonenumbers.parse`` would, without parsing the text again (35 -> 13 µs a
    number; a test checks the two agree)."""
    national = int("".join(filter(str.isdecimal, candidate))[-10:])
    number = phonenumbers.PhoneNumber(country_code=1, national_number=national)
    return f"+1{national}" if phonenumbers.is_valid_number_for_region(number, "US") else None


def _matched(text: str) -> list[str]:
    found = []
    try:
        for match in phonenumbers.PhoneNumberMatcher(text, "US"):
            number = match.number
            number.extension = None
            found.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    except Exception:  # noqa: BLE001 - a library hiccup on odd input must not lose the whole item
        pass
    return found


def _emails(text: str) -> tuple[tuple[str, ...], str]:
    """The e-mail addresses, and the text with them blanked."""
    found, masked = _take(text, _EMAIL)
    return tuple(dict.fromkeys(found)), masked


def _urls(text: str) -> tuple[tuple[str, ...], str]:
    """The links, and the text with them blanked: scheme links first, then bare domains."""
    # Each pattern tries every word start; most items hold no link, which plain searches tell first.
    lowered = text.lower()
    found, rest = _take(text, _SCHEME_URL) if "http" in lowered or "www." in lowered else ([], text)
    bare, rest = _take(rest, _BARE_DOMAIN) if _TLD_END.search(rest) else ([], rest)
    trimmed = [_trim(u) for u in found + bare]
    return tuple(dict.fromkeys(u for u in trimmed if "." in u)), rest


def _take(text: str, pattern: re.Pattern[str]) -> tuple[list[str], str]:
    """Every match, and the text with each blanked (same length, offsets kept): one pass for both."""
    found: list[str] = []

    def blank(m: re.Match[str]) -> str:
        found.append(m.group(0))
        return " " * len(m.group(0))

    return found, pattern.sub(blank, text)


def _trim(url: str) -> str:
    """Drop sentence punctuation after a link, and a closing bracket the link did not open."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _handles(text: str) -> tuple[Handle, ...]:
    found, previous_end = {}, 0
    for m in _HANDLE.finditer(text):
        handle = "@" + m.group(1)
        before = text[max(previous_end, m.start() - _NETWORK_WINDOW) : m.start()]
        if handle not in found:
            found[handle] = Handle(handle, _network(_SENTENCE_END.split(before)[-1]))
        previous_end = m.end()
    return tuple(found.values())


def _network(before: str) -> str | None:
    """The network named closest before the handle, if any ('Twitter in Spanish, @ChicagoPD_Vivo')."""
    best, where = None, -1
    pattern, slugs = lexicon.networks()
    for m in pattern.finditer(before.casefold()):
        if m.start() > where:
            best, where = slugs[m.group(0)], m.start()
    return best


def refers_to_attachment(text: str) -> bool:
    """Whether the item points the reader to a file attached to the message it came in."""
    lowered = text.lower()
    if not any(stem in lowered for stem in lexicon.attachment_stems()):
        return False  # the common case, decided by plain substring search
    return lexicon.attachment().search(text) is not None
