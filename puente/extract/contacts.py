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
_PHONE_LIKE = re.compile(r"\d(?:[^\d\n]{0,3}\d){6}")  # seven digits close together: worth asking phonenumbers
_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_]{2,30})(?![\w@]|\.[A-Za-z])")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_TRAILING = ".,;:!?)]}'\"’”»…"
_NETWORK_WINDOW = 80  # characters before a handle where the text may name its network


def find(text: str) -> Contacts:
    emails = _emails(text) if "@" in text else ()
    masked = _mask(text, _EMAIL) if emails else text
    urls = _urls(masked) if "." in text else ()
    if urls:
        masked = _mask(_mask(masked, _SCHEME_URL), _BARE_DOMAIN)
    handles = _handles(masked) if "@" in masked else ()
    phones = _phones(text)
    return Contacts(phones=phones, emails=emails, urls=urls, handles=handles)


def _phones(text: str) -> tuple[str, ...]:
    """E.164 numbers; extensions cannot be written in E.164 and are dropped.

    phonenumbers' matcher costs about a microsecond a character, so it only reads the lines that hold
    seven digits close together (a number never spans lines here: the matcher itself stops at them).
    """
    found = []
    for lo, hi in _phone_lines(text):
        found += _numbers(text[lo:hi])
    return tuple(dict.fromkeys(found))


def _phone_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, or run of lines, holding a phone-like run of digits."""
    spans: list[tuple[int, int]] = []
    for m in _PHONE_LIKE.finditer(text):
        lo = text.rfind("\n", 0, m.start()) + 1
        hi = text.find("\n", m.end())
        hi = len(text) if hi < 0 else hi
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return spans


def _numbers(text: str) -> list[str]:
    found = []
    try:
        for match in phonenumbers.PhoneNumberMatcher(text, "US"):
            number = match.number
            number.extension = None
            found.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    except Exception:  # noqa: BLE001 - a library hiccup on odd input must not lose the whole item
        pass
    return found


def _emails(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group(0) for m in _EMAIL.finditer(text)))


def _urls(text: str) -> tuple[str, ...]:
    found = [_trim(m.group(0)) for m in _SCHEME_URL.finditer(text)]
    rest = _mask(text, _SCHEME_URL)
    found += [_trim(m.group(0)) for m in _BARE_DOMAIN.finditer(rest)]
    return tuple(dict.fromkeys(u for u in found if "." in u))


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


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def refers_to_attachment(text: str) -> bool:
    """Whether the item points the reader to a file attached to the message it came in."""
    lowered = text.lower()
    if not any(stem in lowered for stem in lexicon.attachment_stems()):
        return False  # the common case, decided by plain substring search
    return lexicon.attachment().search(text) is not None
