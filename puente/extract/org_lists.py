"""Organizations named by their place in a text rather than by a head word.

- entries of a list of organizations: 'Speakers: Families for Freedom; Immigration Equality; …',
  'A * B * C', '… such as Immigration Counseling Services, SOAR, IRCO y Metropolitan Public Defender';
- affiliations: 'Cindy Mark, Greater Boston Legal Services' (a person, then where they work);
- outlets of a press list: 'Chicago Reader: Lawyers to Immigrants …' on three or more lines;
- names the text describes as organizations: 'Pueblo Unido es un empleador …'.
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon

_PARENTHESES = re.compile(r"\([^()\n]{0,80}\)")
_LIST_SEPARATOR = re.compile(r"\s\*\s|;\s*")
_LABEL = re.compile(r"^\s*(?:[-•·*]|\d{1,2}[.)])?\s*([^:\n—–]{1,60}?)(?::|\s[—–])\s+(\S.*)$")
_BULLET = re.compile(r"^\s*(?:[-•·*●▪‣◦]|\d+[.)])\s+")
_STREET = re.compile(r"\b(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Suite|Hwy|Way|Floor|Room)\b\.?")
_LIST_LABEL = re.compile(r"^\s*[^:;*\n]{1,40}:\s+")
_BEFORE_DETAILS = re.compile(r":\s|\s\(")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_COMMA = re.compile(r",\s+(?!Inc\b|LLC\b|Ltd\b)")  # 'Acme, Inc' is one name
_ENTRY_END = re.compile(r":\s|\s\(|,\s+(?!Inc\b|LLC\b|Ltd\b)")
_DIGIT = re.compile(r"\d")
_OF = re.compile(r"\b(?:of|de|del)\s+(?:the\s+|la\s+|el\s+)?")
_AND = re.compile(r" and | y ")
_SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|O[’']|D[’'])")
_CUED_SEPARATOR = re.compile(r",\s+(?:and\s+|y\s+|e\s+)?|\s+(?:and|y|e|or|o)\s+")
_PARTICLES = frozenset({"de", "del", "la", "van", "von", "da", "di", "le", "bin", "al", "y"})
_ELEMENT_CONNECTORS = frozenset(
    {
        "of",
        "for",
        "and",
        "the",
        "at",
        "in",
        "on",
        "de",
        "del",
        "la",
        "las",
        "los",
        "y",
        "&",
        "-",
        "--",
        "–",
        "@",
    }
)


def listed(text: str, cued: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, name) of organizations named by list position, affiliation or press-list line.
    ``cued`` False says the document ``text`` is part of has no ``list_cue``, so it has none either."""
    out: list[tuple[int, int, str]] = []
    lines = _lines(text)
    for start, line in lines:
        elements = _list_elements(line) if ";" in line or " * " in line else []
        if len(elements) >= 3:
            out += _entries(start, elements)
        elif ", " in line:
            out += _affiliation(start, line)
    out += _cued_lists(text) if cued else []
    out += _press_outlets(text, lines)
    return out


def _lines(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` with its offset."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, line))
        start += len(line) + 1
    return out


def _list_elements(line: str) -> list[tuple[int, str]]:
    """Entries of a ';'- or ' * '-separated line, after any 'Speakers:' label."""
    label = _LIST_LABEL.match(line)
    body_at = label.end() if label else 0
    body = line[body_at:]
    if len(_LIST_SEPARATOR.findall(body)) < 2:
        return []
    out, at = [], body_at
    for part in _LIST_SEPARATOR.split(body):
        out.append((at, part))
        at += len(part)
        m = _LIST_SEPARATOR.match(line, at)
        at += len(m.group(0)) if m else 0
    return out


def _entries(line_start: int, elements: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """Each entry of a list; 'Chinatown YMCA, Chinese Progressive Association' holds two."""
    out = []
    for offset, element in elements:
        clean = _PARENTHESES.sub(lambda m: " " * len(m.group(0)), element)
        parts = _COMMA.split(clean)
        if len(parts) > 1 and _person_shaped(parts[0].strip(), strict=True):
            parts = [", ".join(parts[1:])]
        for part in parts:
            name = _element_name(part, strict=True)
            if name:
                at = line_start + offset + clean.find(name)
                out.append((at, at + len(name), name))
    return out


def _affiliation(line_start: int, line: str) -> list[tuple[int, int, str]]:
    """'Joel Magallan, Asociación Tepeyac: (212) …' or '- Aarti Shahani, Families for Freedom'."""
    bullet = _BULLET.match(line)
    body_at = bullet.end() if bullet else 0
    comma = line.find(", ", body_at)
    if comma < 0 or not _person_shaped(line[body_at:comma], strict=bool(bullet)):
        return []  # most lines, told before the details are cut off a possibly long line
    body = _BEFORE_DETAILS.split(line[body_at:], maxsplit=1)[0]
    if ", " not in body:
        return []  # the person's part ends before the comma: 'Gloria (ICIRR), …'
    first, rest = body.split(", ", 1)  # ``first`` is the person just checked
    name = _element_name(rest, strict=False)
    if not name:
        return []
    at = line_start + body_at + body.find(name, len(first))
    return [(at, at + len(name), name)]


def _element_name(element: str, strict: bool) -> str | None:
    """The organization an entry names, as written, or None (a person, a place, a sentence)."""
    words = lexicon.org_words()
    element = _PARENTHESES.sub(" ", element).strip(" .,:;\t\u00a0")
    element = _ENTRY_END.split(element, maxsplit=1)[0].strip()
    element = _drop_title(element)
    element = _drop_job_title(element)
    if not element or not _capitalised_phrase(element):
        return None
    tokens = element.split()
    if tokens and tokens[-1] in words.people_words or element.casefold() in words.field_labels:
        return None
    if len(tokens) == 1 and not (_camel(tokens[0]) and len(tokens[0]) >= 3 or tokens[0][:1].isdigit()):
        return None
    if _person_shaped(element, strict=False) or _STREET.search(element) and _DIGIT.search(element):
        return None
    return element


def _drop_title(element: str) -> str:
    """'Professor Phil Schag of Georgetown University' -> 'Georgetown University'; a bare title and
    name is a person. 'Members of the Enforcement Coalition' -> 'Enforcement Coalition'."""
    words = lexicon.org_words()
    parts = element.split()
    if not parts or parts[0] not in words.titles and parts[0] not in words.people_words:
        return element
    m = _OF.search(element)
    if m:
        return element[m.end() :]
    return "" if parts[0] in words.titles else element


def _drop_job_title(element: str) -> str:
    """'ACRS Deputy Director' -> 'ACRS'; what is left must still look like an organization."""
    words = lexicon.org_words()
    parts = element.split()
    cut = len(parts)
    while cut > 0 and parts[cut - 1] in words.job_titles:
        cut -= 1
    if cut == len(parts):
        return element
    rest = parts[:cut]
    if len(rest) == 1 and _camel(rest[0]) or any(p in words.heads for p in rest):
        return " ".join(rest)
    return ""


def _capitalised_phrase(element: str) -> bool:
    parts = element.split()
    if not parts or not (parts[0][:1].isupper() or parts[0][:1].isdigit()):
        return False
    for i, p in enumerate(parts):
        if p in _ELEMENT_CONNECTORS or p.casefold() in ("the", "la", "el"):
            continue
        if p[:1].isdigit() and i > 0:
            return False
        if not (p[:1].isupper() or p[:1].isdigit() or p[:1] in "“\"‘'"):
            return False
    return parts[-1] not in _ELEMENT_CONNECTORS


def _person_shaped(phrase: str, strict: bool) -> bool:
    """'Raquel Batista', 'Carolyn de Leon', 'Brother Joel Magallan': a person's name.

    Outside lists (``strict`` False) the first name must be one we know, so 'Homies Unidos' is not a person.
    """
    words = lexicon.org_words()
    if " and " in phrase or " y " in phrase:
        people = _AND.split(phrase)
        return all(_person_shaped(p, strict) for p in people)
    if not (strict or _first_name(phrase, words.titles) in words.first_names):
        return False  # most phrases outside lists, told from their first words alone
    parts = [p for p in phrase.split() if p not in words.titles]
    caps = [p for p in parts if p not in _PARTICLES]
    if not 2 <= len(caps) <= 4 or len(parts) - len(caps) > 1:
        return False
    if not all(_name_word(p) for p in caps):
        return False
    return not any(p in words.heads or p in words.heads_initial or p in words.people_words for p in caps)


def _first_name(phrase: str, titles: frozenset[str]) -> str:
    """The first word of ``phrase`` neither a title nor a particle: the ``caps[0]`` of
    ``_person_shaped``, found without splitting a long phrase (a sentence) whole."""
    head = phrase.split(None, 3)
    for word in head if len(head) < 4 else head[:3]:
        if word not in titles and word not in _PARTICLES:
            return word
    return next((w for w in phrase.split() if w not in titles and w not in _PARTICLES), "")


def _name_word(word: str) -> bool:
    """'Raquel', 'McCarthy', 'Tapia-Ruano', 'O’Neil', 'J.'."""
    bare = _SURNAME_PREFIX.sub("", word.rstrip("."))
    return (
        word[:1].isupper() and bare.replace("-", "").isalpha() and all(not _camel(p) for p in bare.split("-"))
    )


def _camel(word: str) -> bool:
    return sum(map(str.isupper, word)) >= 2


def list_cue(text: str) -> bool:
    """Whether ``text`` has a cue a list of organizations may follow ('such as', 'como')."""
    return any(map(text.__contains__, lexicon.org_words().list_cues))


def _cued_lists(text: str) -> list[tuple[int, int, str]]:
    """'… such as A, B, C and D.' / '… como A, B y C.': the entries of the list after the cue."""
    if not list_cue(text):
        return []  # plain searches are quicker than running the pattern over each item's text
    out = []
    for m in _cue_pattern().finditer(text):
        end = _SENTENCE_END.search(text, m.end(), m.end() + 600)
        body = text[m.end() : end.start() if end else min(len(text), m.end() + 600)]
        parts = [p for p in _CUED_SEPARATOR.split(body) if p]
        if len(parts) < 2:
            continue
        names = [_element_name(p, strict=True) for p in parts]
        if sum(1 for n in names if n) * 2 <= len(parts):
            continue  # not a list of names: a sentence that happens to follow 'like'
        at = m.end()
        for part, name in zip(parts, names, strict=True):
            at = text.find(part, at)
            if name:
                out.append((at + part.find(name), at + part.find(name) + len(name), name))
            at += len(part)
    return out


def _noun_before(text: str, at: int, nouns: frozenset[str]) -> bool:
    """Whether 'nonprofit ' or 'comedor comunitario ' stands just before ``at``."""
    if at < 2 or text[at - 1] != " ":
        return False
    before = text[max(0, at - 40) : at - 1].rsplit(None, 2)
    last = before[-1:]
    two = before[-2:]
    return bool(last and last[0].casefold() in nouns or len(two) == 2 and " ".join(two).casefold() in nouns)


def _drop_leading(name: str) -> str:
    words = lexicon.org_words()
    parts = name.split(" ")
    while parts and parts[0] in words.leading_drop:
        parts = parts[1:]
    return " ".join(parts)


@cache
def _copula_pattern() -> re.Pattern[str]:
    cues = lexicon.alternation(list(lexicon.org_words().copula))
    return re.compile(rf"[’']?s?,?\s+(?i:{cues})((?:\s+[\w-]+){{1,4}})")


@cache
def _cue_pattern() -> re.Pattern[str]:
    cues = lexicon.alternation(list(lexicon.org_words().list_cues))
    return re.compile(rf"(?<!\w)(?:{cues})[:\s]+(?=[A-Z0-9])")


def _press_outlets(text: str, lines: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """'Outlet: Headline' lines of ``text``, when three or more of them make a press list."""
    if text.count(":") + text.count("—") + text.count("–") < 3:
        return []  # most items: fewer marks than a press list has lines, told without reading lines
    candidates = [(start, line) for start, line in lines if ":" in line[:64] or "—" in line or "–" in line]
    if len(candidates) < 3:
        return []  # most items: no press list to look for
    words = lexicon.org_words()
    labelled = []
    for start, line in candidates:
        m = _LABEL.match(line)
        if m and len(m.group(2)) >= 15:
            labelled.append((start + m.start(1), m.group(1).strip()))
    outlets = [
        (at, label)
        for at, label in labelled
        if label.casefold() not in words.field_labels
        and _capitalised_phrase(label)
        and not label[0].isdigit()
        and "," not in label
        and len(label.split()) <= 5
        and not _person_shaped(label, strict=False)
    ]
    if len(outlets) < 3 or len(outlets) * 5 < len(labelled) * 3:
        return []
    return [(at, at + len(label), label) for at, label in outlets]


def self_described(text: str, names: list[tuple[int, int]]) -> list[str]:
    """Names the text says are organizations: 'Pueblo Unido es un empleador …', 'the nonprofit
    Casa Luz', 'el comedor comunitario La Olla'. ``names`` are (start, end) of the text's chunks
    that are ``name_shaped``."""
    nouns = lexicon.org_words().org_nouns
    copula = _copula_pattern()
    out = []
    for start, end in names:
        if _noun_before(text, start, nouns):
            name = text[start:end]
            if not _person_shaped(name, strict=False):
                out.append(name)
            continue
        m = copula.match(text, end)
        if m and any(w in nouns for w in m.group(1).casefold().split()):
            name = _drop_leading(text[start:end])
            if name and not _person_shaped(name, strict=False):
                out.append(name)
    return out
