"""Organization names, with acronyms expanded where the document itself pairs them.

``acronyms(document)`` learns, once per document, what its text establishes: acronym definitions
('Immigrant Defense Project (IDP)', 'ACR (Full Name)', '…, also known as ECO'), acronyms whose initials
match exactly one organization named elsewhere in it ('NIJC' ↔ 'National Immigrant Justice Center'),
bare acronyms it uses as names again and again (mapped to themselves), and names it describes as
organizations ('Pueblo Unido es un empleador …', mapped to themselves). ``find(item, acronyms)`` then
reads one item: names with a head word, known agencies and media, list entries and affiliations
('Cindy Mark, Greater Boston Legal Services'), press-list outlets, and the document's names.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from . import lexicon, org_lists
from .org_names import (
    DocumentRuns,
    NamedChunks,
    Token,
    chunks,
    document_runs,
    initials,
    named_chunks,
    org_span,
    runs_start_at,
    span_text,
    tokens,
    whole_lines,
)

_DEFINITION = re.compile(
    r"\(\s*([A-Z][A-Za-z0-9&.-]*[A-Z0-9][A-Za-z0-9&.-]*(?: [A-Z][A-Za-z]{1,12}){0,2})\s*\)"
)
_REVERSE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&-]{1,9})\s*\(([A-Z][^()\n]{3,90})\)")  # 'ACR (Long Form)'

_ADDRESS_AFTER = re.compile(r"(?:[’']s)?(?:,|\s*\()\s*\d{1,6}\s+\w")
_ARTICLES = frozenset({"El", "La", "Los", "Las"})
_OPENS_SENTENCE = re.compile(r"(?:\n|[.!?:]\s)[\s*•·\-–—\"“¡¿]*$")
_OPENING_MARKS = re.compile(r"[\s*•·\-–—\"“¡¿]*")
_LOWER = re.compile(r"[a-zà-ÿ]")
_PROGRAM_AFTER = re.compile(r"\s*(?:program|programa|programme|campaign|campaña|act|ley)\b", re.I)
_THE = re.compile(r"^the ")
_BLANKS = re.compile(r"\s+")
_PUNCTUATION = re.compile(r"[^\w ]")
_STATION_CITY = re.compile(r" ([A-Z][a-z]+)(?=[:,.;)\n]|$)")  # 'NBC Chicago'
# 'Habitat for Humanity Seattle-King County'
_CHAPTER = re.compile(r"(?: [A-Z][\w-]+){1,3}(?=[:,;)\n]| [—–] |$)")


@dataclass(frozen=True)
class DocumentNames:
    """What a document establishes, and what its items' names are cut from: its capitalised words
    and the organization names among them, read once for the document and all its items."""

    text: str
    acronyms: dict[str, str]  # what ``acronyms`` returns
    runs: DocumentRuns  # its capitalised runs and their organization names, in order
    span_starts: list[int]
    by_first: dict[str, set[str]]  # the acronyms' names by first word, to look for in each item
    list_cue: bool  # whether it has a cue a list of organizations may follow: most documents have none


def read(text: str) -> DocumentNames:
    """The names ``text`` establishes, and its words and names for ``find_within``."""
    runs = document_runs(text)
    spans = runs.spans
    found: dict[str, str] = {}
    for key, value in [*_defined(text), *_also_known_as(text)]:
        found.setdefault(key, value)
    for key, value in _by_initials(text, spans, runs, found):
        found.setdefault(key, value)
    for key in _repeated(text, runs, found):
        found.setdefault(key, key)
    names = [(s + at, e + at) for at, run in zip(runs.starts, runs.runs, strict=True) for s, e in run.names]
    for name in [*org_lists.self_described(text, names), *_articled_names(text, spans)]:
        found.setdefault(name, name)
    starts = [span[0].start for span in spans]
    return DocumentNames(text, found, runs, starts, _by_first_word(found), org_lists.list_cue(text))


def acronyms(text: str) -> dict[str, str]:
    """Names the document establishes: acronym -> expansion, or name -> itself."""
    return read(text).acronyms


def find(text: str, acronyms: dict[str, str]) -> tuple[str, ...]:
    """Organizations named in one item's text, each once, in order of first mention."""
    toks, _, spans, _, _ = named_chunks(text)
    words = {t.text for t in toks}
    acrs = _acronyms_of(toks)
    return _find(text, 0, len(text), words, acrs, spans, acronyms, _by_first_word(acronyms), cued=True)


def find_within(document: DocumentNames, start: int, end: int) -> tuple[str, ...]:
    """``find(document.text[start:end], document.acronyms)``, its words and names cut from the
    document's rather than read again (see ``whole_lines``): offsets stay the document's."""
    text, runs = document.text, document.runs
    lines = whole_lines(text, start, end, runs_start_at(text, runs, start))
    if lines is None:
        return find(text[start:end], document.acronyms)
    lo, hi = lines
    head, _, head_spans, _, _ = named_chunks(text[start:lo], start) if lo > start else _NONE
    tail, _, tail_spans, _, _ = named_chunks(text[hi:end], hi) if hi < end else _NONE
    starts = document.span_starts
    spans = runs.spans[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
    if head_spans or tail_spans:
        spans = head_spans + spans + tail_spans
    # The runs from ``lo`` to ``hi`` hold the tokens from there: no run crosses either
    first = bisect.bisect_left(runs.starts, lo)
    last = bisect.bisect_left(runs.starts, hi, first)
    body = runs.runs[first:last]
    words = {t.text for t in head}.union(*[run.words for run in body], [t.text for t in tail])
    acrs = _acronyms_of(head)
    for at, run in zip(runs.starts[first:last], body, strict=True):
        acrs += [(s + at, e + at, word) for s, e, word in run.acronyms]
    acrs += _acronyms_of(tail)
    names = document.acronyms
    return _find(text, start, end, words, acrs, spans, names, document.by_first, document.list_cue)


_NONE = NamedChunks([], [], [], [], [])


def _acronyms_of(toks: list[Token]) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.text) for t in toks if t.kind == "acr"]


def _find(
    text: str,
    lo: int,
    hi: int,
    words: set[str],
    acrs: list[tuple[int, int, str]],
    spans: list[list[Token]],
    acronyms: dict[str, str],
    by_first: dict[str, set[str]],
    cued: bool,
) -> tuple[str, ...]:
    """``find`` on ``text[lo:hi]``, given its tokens' texts, its acronyms (start, end, text) and its
    organization names (``by_first`` as for ``_document_names``, ``cued`` as for
    ``org_lists.listed``); no pattern looks outside the item."""
    found = [_without_article(text, s, acronyms, lo) for s in spans if not _venue(text, s, hi)]
    found += _known_acronyms(acrs)
    found += _known_names(text, words, lo, hi)
    found += _document_names(text, words, by_first, lo, hi)
    found += [(s + lo, e + lo, name) for s, e, name in org_lists.listed(text[lo:hi], cued)]
    found = [f for f in found if _ADDRESS_AFTER.match(text, f[1], hi) is None]  # venues: where, not who
    return _resolve(_outside_definitions(text, found, lo, hi), acronyms)


def _outside_definitions(
    text: str, found: list[tuple[int, int, str]], lo: int, hi: int
) -> list[tuple[int, int, str]]:
    """Drop what lies inside '(…)' acronym definitions: 'CSSW API Caucus' is the acronym, not a name."""
    inside = [(m.start(), m.end()) for m in _DEFINITION.finditer(text, lo, hi)]
    if not inside:
        return found
    starts = [s for s, _ in inside]
    out = []
    for f in found:
        i = bisect.bisect_left(starts, f[0]) - 1
        if not (i >= 0 and inside[i][0] < f[0] and f[1] <= inside[i][1]):
            out.append(f)
    return out


def _without_article(text: str, span: list[Token], acronyms: dict[str, str], lo: int) -> tuple[int, int, str]:
    """'La Ciudad de San Antonio quiere …': a capital article opening a sentence is the sentence's,
    not the name's, unless the document writes it capitalised mid-sentence too ('at El Centro de la Raza')."""
    name = span_text(text, span)
    if len(span) > 2 and span[0].text in _ARTICLES and _sentence_start(text, span[0].start, lo):
        if name not in acronyms:
            return (span[1].start, span[-1].end, name[span[1].start - span[0].start :])
    return (span[0].start, span[-1].end, name)


def _sentence_start(text: str, at: int, lo: int = 0) -> bool:
    """Whether only blanks and opening marks stand between ``at`` and a sentence's end, or the start
    of ``text[lo:]`` when that is at most 8 characters back."""
    window = max(lo, at - 8)
    if window == lo and _OPENING_MARKS.fullmatch(text, window, at):
        return True
    return _OPENS_SENTENCE.search(text, window, at) is not None


def _articled_names(text: str, spans: list[list[Token]]) -> list[str]:
    """Names whose capital article stands mid-sentence: the article is part of the name."""
    out = []
    for span in spans:
        if span[0].text in _ARTICLES and len(span) > 2 and not _sentence_start(text, span[0].start):
            out.append(span_text(text, span))
    return out


def _venue(text: str, span: list[Token], hi: int) -> bool:
    """'Immigrant Legal Resource Center, 1663 Mission Street': a place where something happens."""
    return _ADDRESS_AFTER.match(text, span[-1].end, hi) is not None


def _resolve(found: list[tuple[int, int, str]], acronyms: dict[str, str]) -> tuple[str, ...]:
    """Drop names inside a longer one at the same place, expand acronyms, keep each name once."""
    kept: list[tuple[int, int, str]] = []
    widest = (-1, -1)  # the kept span reaching furthest right so far
    for start, end, name in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if widest[1] >= end and widest != (start, end):
            continue
        kept.append((start, end, name))
        if end > widest[1]:
            widest = (start, end)
    names: dict[str, str] = {}
    for _, _, name in kept:
        name = acronyms.get(name, name)
        names.setdefault(_key(name), name)
    return tuple(names.values())


@lru_cache(maxsize=1 << 12)
def _key(name: str) -> str:
    """The name as compared: names recur, so this is cached."""
    name = name.replace("’", "'").casefold()
    name = _THE.sub("", name)
    return _PUNCTUATION.sub("", _BLANKS.sub(" ", name)).strip()


def _known_acronyms(acrs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    _, known, _ = lexicon.known_organizations()
    return [acr for acr in acrs if acr[2].split("-")[0] in known]


def _known_names(text: str, words: set[str], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Known agencies and media as written; 'NBC Chicago' keeps the station's city.

    Only names whose first word is among the item's capitalised words are looked for."""
    _, _, broadcasters = lexicon.known_organizations()
    index = _known_by_first_word()
    wanted = [n for first in words & index.keys() for n in index[first]]
    out = []
    for start, end, name in _occurrences(text, wanted, lo, hi):
        if name in broadcasters:
            place = _STATION_CITY.match(text[end : min(end + 40, hi)])
        else:  # a chapter or affiliate: 'Habitat for Humanity Seattle-King County,'
            place = _CHAPTER.match(text[end : min(end + 60, hi)])
            if place and any(w in _not_places() for w in place.group(0).split()):
                place = None
        end += place.end() if place else 0
        out.append((start, end, text[start:end]))
    return out


def _occurrences(text: str, names: list[str], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Every whole-word occurrence of each name in ``text[lo:hi]``: plain searches, no regex alternation."""
    out = []
    for name in names:
        at = text.find(name, lo, hi)
        while at >= 0:
            end = at + len(name)
            if _word_edge(text, at - 1, lo, hi) and _word_edge(text, end, lo, hi):
                out.append((at, end, name))
            at = text.find(name, at + 1, hi)
    return out


@cache
def _known_by_first_word() -> dict[str, tuple[str, ...]]:
    names, _, _ = lexicon.known_organizations()
    index: dict[str, set[str]] = {}
    for name in names:
        for variant in {name, name.replace("'", "’")}:
            first = tokens(variant)
            if first:
                index.setdefault(first[0].text, set()).add(variant)
    return {k: tuple(v) for k, v in index.items()}


@cache
def _not_places() -> frozenset[str]:
    words = lexicon.org_words()
    return words.heads | words.non_org_tails | frozenset(" ".join(words.venue_tails).split())


def _document_names(
    text: str, words: set[str], by_first: dict[str, set[str]], lo: int, hi: int
) -> list[tuple[int, int, str]]:
    """The document's own acronyms and names where this item uses them, and their long forms
    (``by_first``: ``_by_first_word`` of the document's acronyms).

    Only names whose first word is among the item's capitalised words are looked for.
    """
    wanted = [n for first in words & by_first.keys() for n in by_first[first]]
    return _occurrences(text, wanted, lo, hi)


def _word_edge(text: str, i: int, lo: int, hi: int) -> bool:
    return i < lo or i >= hi or not (text[i].isalnum() or text[i] in "_-")


def _by_first_word(acronyms: dict[str, str]) -> dict[str, set[str]]:
    """The document's names, acronyms and long forms, by their first word."""
    index: dict[str, set[str]] = {}
    for name in {n for pair in acronyms.items() for n in pair}:
        first = tokens(name)
        if first:
            index.setdefault(first[0].text, set()).add(name)
    return index


def _defined(text: str) -> list[tuple[str, str]]:
    """'Long Form (ACR)' and 'ACR (Long Form)' where the letters agree."""
    out = []
    for m in _DEFINITION.finditer(text):
        acronym = m.group(1)
        if _PROGRAM_AFTER.match(text, m.end()) or acronym.split()[0] in lexicon.org_words().not_acronyms:
            continue
        long_form = _long_form_before(text, m.start(), acronym)
        if long_form:
            out.append((acronym, long_form))
    for m in _reverse_definitions(text):
        inner = _whole_chunk(m.group(2))
        if inner and _letters_match(m.group(1), inner):
            out.append((m.group(1), inner))
    return out


def _reverse_definitions(text: str) -> list[re.Match[str]]:
    """``_REVERSE.finditer(text)``, quicker: each '(' is found by plain search, and the acronym, at
    most ten letters and blanks before it, is matched there."""
    out = []
    paren = text.find("(")
    while paren >= 0:
        end = paren
        while end and text[end - 1].isspace():
            end -= 1
        # the pattern's own first tests, in plain code: most '(' are '(212)' or 'Name (Details)'
        if "A" <= text[paren + 1 : paren + 2] <= "Z" and end and text[end - 1] in _ACRONYM_LAST:
            for start in range(max(0, end - 10), end - 1):
                m = _REVERSE.match(text, start)
                if m and m.start(2) == paren + 1:
                    out.append(m)
                    break
        paren = text.find("(", paren + 1)
    return out


_ACRONYM_LAST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&-")  # what ends _REVERSE's acronym


def _long_form_before(text: str, paren: int, acronym: str) -> str | None:
    """The name just before '(ACR)': the longest run of its words that the letters fit. A name with
    a comma in it ('South Asian Fund for Education, Scholarship and Training') spans two chunks."""
    line_start = max(text.rfind("\n", max(0, paren - 200), paren) + 1, paren - 200)
    before = text[line_start:paren]
    found = chunks(tokens(before))
    if not found or found[-1][-1].end < len(before.rstrip()):
        return None
    candidates = [found[-1]]
    if len(found) > 1 and before[found[-2][-1].end : found[-1][0].start].strip() == ",":
        candidates.append(found[-2] + found[-1])
    letters = acronym.split()[0]
    for chunk in candidates:
        for i in range(len(chunk)):
            name = _strip_to_name(chunk[i:])
            if name and name[0].kind != "conn":
                long_form = before[name[0].start : name[-1].end]
                if _letters_match(letters, long_form) and _is_name(name):
                    return long_form
    return None


def _strip_to_name(chunk: list[Token]) -> list[Token]:
    words = lexicon.org_words()
    while chunk and (chunk[0].kind == "conn" or chunk[0].text in words.leading_drop):
        chunk = chunk[1:]
    return chunk


def _is_name(chunk: list[Token]) -> bool:
    words = lexicon.org_words()
    caps = [t for t in chunk if t.kind in ("cap", "acr")]
    if chunk[-1].text in words.program_words or len(caps) < 2 and not _camel(chunk[0].text):
        return False
    return not (caps[0].text in words.first_names and len(caps) <= 3 and org_span(chunk) is None)


def _camel(word: str) -> bool:
    return sum(1 for c in word if c.isupper()) >= 2


def _whole_chunk(phrase: str) -> str | None:
    found = chunks(tokens(phrase))
    if len(found) == 1 and found[0][0].start == 0 and found[0][-1].end >= len(phrase.rstrip(" .")):
        return phrase.strip()
    return None


def _letters_match(acronym: str, long_form: str) -> bool:
    """Schwartz-Hearst: the acronym's letters appear in order in the long form, the first one
    starting a word."""
    letters = [c.casefold() for c in acronym if c.isalnum()]
    form = long_form.casefold()
    if not letters or not form or letters[0] != form[0]:
        return False
    i = len(form) - 1
    for k in range(len(letters) - 1, -1, -1):
        c = letters[k]
        while i >= 0 and (form[i] != c or (k == 0 and i > 0 and form[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def _also_known_as(text: str) -> list[tuple[str, str]]:
    """'Equity Corps de Oregon, también conocido como ECO': found by plain search for the cue first."""
    folded = text.casefold()
    if len(folded) != len(text):
        return []  # casefolding moved offsets (e.g. 'ß'): too rare to be worth a slower path
    if not any(map(folded.__contains__, _shortest_aka())):
        return []  # most documents: fewer plain searches than one per cue
    out = []
    for cue in lexicon.org_words().aka:
        at = folded.find(cue)
        while at >= 0:
            m = _aka_pattern().match(text, max(0, at - 2))
            if m is None:
                m = _aka_pattern().match(text, max(0, at - 1))
            if m:
                long_form = _long_form_before(text, m.start(), m.group(1))
                if long_form:
                    out.append((m.group(1), long_form))
            at = folded.find(cue, at + 1)
    return out


@cache
def _shortest_aka() -> tuple[str, ...]:
    """The cues no other cue is inside: where none is, no cue is ('known as' in 'also known as')."""
    cues = lexicon.org_words().aka
    return tuple(c for c in cues if not any(o != c and o in c for o in cues))


@cache
def _aka_pattern() -> re.Pattern[str]:
    cues = lexicon.alternation(list(lexicon.org_words().aka))
    return re.compile(rf",?[ \t]+(?i:{cues})[ \t]+(?:the |el |la )?([A-Z][A-Za-z0-9&-]{{1,9}})\b")


def _by_initials(
    text: str,
    spans: list[list[Token]],
    runs: DocumentRuns,
    found: dict[str, str],
) -> list[tuple[str, str]]:
    """Acronyms the document uses whose initials fit exactly one organization it names."""
    by_initials: dict[str, set[str]] = {}
    for span in spans:
        if len(span) > 1 and not _venue(text, span, len(text)):
            by_initials.setdefault(initials(span), set()).add(span_text(text, span))
    words = lexicon.org_words()
    unique = {
        letters: next(iter(names))
        for letters, names in by_initials.items()
        if len(names) == 1 and len(letters) >= 3 and letters.isalpha() and letters.isupper()
        if letters not in found and letters not in words.not_acronyms
    }
    if not unique:
        return []  # most documents: no word to look for
    return [(t, unique[t]) for run in runs.runs for _, _, t in run.acronyms if t in unique]


def _repeated(text: str, runs: DocumentRuns, found: dict[str, str]) -> list[str]:
    """Bare acronyms used on their own at least twice outside all-capitals lines: 'AALDEF is …'."""
    words = lexicon.org_words()
    _, known, _ = lexicon.known_organizations()
    counts = Counter(word for run in runs.runs for word in run.lone_acronyms)
    repeated = [
        w
        for w, n in counts.items()
        if n >= 2 and sum(map(str.isalpha, w)) >= 3
        if w not in words.not_acronyms and w not in known and w not in found
    ]
    if not repeated:
        return []  # most documents: no need to look for lines in capitals
    shouting = _shouting_words(text)
    return [w for w in repeated if w not in shouting]


def _shouting_words(text: str) -> set[str]:
    """Words on lines written in capitals ('FOR IMMEDIATE RELEASE'): headings, not names."""
    out: set[str] = set()
    for line in text.splitlines():
        if _LOWER.search(line) is None and len(words := line.split()) >= 2:
            out |= set(words)
    return out
