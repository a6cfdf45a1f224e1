"""Capitalised name chunks and which of them name an organization.

A chunk is a run of capitalised words, allowing short connectors inside ('Center for Constitutional
Rights', 'El Centro de la Raza'). A chunk names an organization when it holds a head word ('Center',
'Coalition', 'Bookstore'; 'Centro', 'Asociación' head-first in Spanish); the name then runs from the
chunk's start (after verbs, titles and determiners) to the head and its complement ('… of Appeals').
Scanning is one pass over the text; every step after it is linear in the chunk's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from . import lexicon

_PIECE = re.compile(r"[^\s—–]+|[—–]")
_BREAK_PIECES = frozenset("– — - -- | * • · ● ▪ ‣ ◦ / + = > < ~".split())
_OPEN = "“\"‘'«"
_CLOSE = "”\"’'»"
_TRAILING_BREAKS = ",;:)]}!?"
_ABBREVIATION = re.compile(r"^(?:(?:[A-Za-z]\.){2,}|Inc\.|St\.|Jr\.|Sr\.|Co\.|Corp\.|Ltd\.|Mt\.|Ft\.|Dr\.)$")
_COMPLEMENT = frozenset({"of", "for", "@", "de", "del", "para", "dla"})
_ARTICLES = frozenset({"El", "La", "Los", "Las"})
_SAINTS = frozenset({"St", "St.", "Saint", "San", "Santa", "Santo"})
_LETTER = re.compile(r"[^\W\d_]")
_WORD_BEFORE = re.compile(r"[\w’'&@-]")  # what a run's first word may not follow: see ``_runs``


class Token(NamedTuple):
    text: str  # the word as written, without trailing punctuation or possessive
    start: int
    end: int  # end of ``text`` in the document
    kind: str  # cap | acr | conn | num | low | brk
    possessive: bool = False
    breaks: bool = False  # no name goes on past it: its run ends here, or punctuation follows it

    @property
    def forms(self) -> tuple[str, ...]:
        """The word and, for hyphenated words ('Collective-Chicago'), each part."""
        return (self.text, *self.text.split("-")) if "-" in self.text else (self.text,)


# ``_new(Token, fields)`` builds a Token without the Python-level ``__new__`` of a NamedTuple, a
# third of the cost: a document has thousands of tokens, and every item makes them again with its
# own offsets.
_new = tuple.__new__


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Words of the capitalised runs of ``text``; an opening bracket, or a slash between two names,
    is a ``brk`` token, and a word no name goes on past (its run's last, or one punctuation
    follows) ``breaks``. Offsets count from ``offset``: where ``text`` starts in a longer one.

    A compiled pattern finds the runs, so the lower-case bulk of a text is never looked at word by
    word.
    """
    out: list[Token] = []
    for m in _runs().finditer(text):
        at = m.start() + offset
        out += [_new(Token, (t, at + s, at + e, k, p, b)) for t, s, e, k, p, b in _run(m.group(0)).fields]
    return out


class NamedChunks(NamedTuple):
    tokens: list[Token]
    chunks: list[list[Token]]
    spans: list[list[Token]]  # the chunks' organization names
    run_starts: list[int]  # where the capitalised runs start and end
    run_ends: list[int]


def named_chunks(text: str, offset: int = 0) -> NamedChunks:
    """``tokens(text, offset)``, their ``chunks``, and the ``org_spans`` of these, in one pass.

    A chunk never crosses a run (its last word ``breaks``), and a run's chunks and names depend on
    its words alone: they are worked out once per run, which recurs, and cut from the tokens here.
    """
    toks: list[Token] = []
    runs: list[list[Token]] = []
    spans: list[list[Token]] = []
    starts, ends = [], []
    for m in _runs().finditer(text):
        at, first = m.start() + offset, len(toks)
        run = _run(m.group(0))
        toks += [_new(Token, (t, at + s, at + e, k, p, b)) for t, s, e, k, p, b in run.fields]
        runs += [toks[first + i : first + j] for i, j in run.chunks]
        spans += [toks[first + i : first + j] for i, j in run.spans]
        starts.append(at)
        ends.append(m.end() + offset)
    return NamedChunks(toks, runs, spans, starts, ends)


class DocumentRuns(NamedTuple):
    """A text's capitalised runs, each with what its words hold (``Run``), and the organization
    names among them as tokens: what ``named_chunks`` gives, without a token for every word."""

    starts: list[int]  # where each run starts and ends in the text
    ends: list[int]
    runs: list[Run]
    spans: list[list[Token]]


def document_runs(text: str) -> DocumentRuns:
    """The runs of ``text``. Most of a document's words are in no name, and what is asked of them
    (an item's words, its acronyms, the chunks shaped like names) is worked out once per run."""
    starts, ends, runs = [], [], []
    spans: list[list[Token]] = []
    for m in _runs().finditer(text):
        at = m.start()
        run = _run(m.group(0))
        starts.append(at)
        ends.append(m.end())
        runs.append(run)
        for i, j in run.spans:
            spans.append([_new(Token, (t, at + s, at + e, k, p, b)) for t, s, e, k, p, b in run.fields[i:j]])
    return DocumentRuns(starts, ends, runs, spans)


def runs_start_at(text: str, found: DocumentRuns, at: int) -> bool:
    """Whether ``text[at:]`` has the runs ``found`` in ``text`` from ``at`` on: none of them goes
    across ``at``, and the character before it is not one a run's first word may not follow."""
    if at and _WORD_BEFORE.match(text, at - 1):
        return False
    i = bisect_left(found.starts, at) - 1
    return i < 0 or found.ends[i] <= at


def tokens_within(toks: list[Token], text: str, start: int, end: int) -> list[Token]:
    """``tokens(text[start:end])``, cut from the whole text's ``toks``: an item is a slice of its
    document, and reading it again would repeat the document's work."""
    lines = whole_lines(text, start, end)
    if lines is None:
        return tokens(text[start:end])
    lo, hi = lines
    head = tokens(text[start:lo]) if lo > start else []
    first = bisect_left(toks, lo, key=_start)
    body = toks[first : bisect_left(toks, hi, first, key=_start)]
    tail = tokens(text[hi:end], hi - start) if hi < end else []
    return head + [_new(Token, (t, s - start, e - start, k, p, b)) for t, s, e, k, p, b in body] + tail


def whole_lines(text: str, start: int, end: int, runs_start: bool = False) -> tuple[int, int] | None:
    """Where the whole lines of ``text[start:end]`` begin and end, or None when it has none: there,
    the slice's tokens are the whole text's.

    A capitalised run never crosses a line break, so whole lines hold whole runs. The part of a
    line before or after the slice may not be the slice's (a '• ' or 'II. ' before it, the next
    item's words after it), so a line the slice starts or ends inside is read afresh, unless
    ``runs_start`` says the text's runs from ``start`` are the slice's (``runs_start_at``)."""
    lo = start
    if not runs_start and text[text.rfind("\n", 0, start) + 1 : start].strip():
        lo = text.find("\n", start, end) + 1
        if not lo:
            return None
    line_end = text.find("\n", end)
    hi = end
    if text[end : len(text) if line_end < 0 else line_end].strip():
        hi = text.rfind("\n", 0, end) + 1
    return (lo, hi) if hi >= lo else None


_start = attrgetter("start")  # a C-level key for bisecting tokens


_Fields = tuple[str, int, int, str, bool, bool]  # a Token's
_Ranges = tuple[tuple[int, int], ...]  # (first, last + 1) token indices


class Run(NamedTuple):
    """One capitalised run's tokens and what they hold, offsets relative to the run."""

    fields: tuple[_Fields, ...]  # its tokens'
    chunks: _Ranges  # where its chunks and their organization names are among its tokens
    spans: _Ranges
    words: frozenset[str]  # its tokens' texts
    acronyms: tuple[tuple[int, int, str], ...]  # (start, end, text) of its ``acr`` tokens
    lone_acronyms: tuple[str, ...]  # its chunks that are one acronym alone
    names: tuple[tuple[int, int], ...]  # (start, end) of its chunks that are ``name_shaped``


@lru_cache(maxsize=1 << 15)
def _run(run: str) -> Run:
    """Tokens of one capitalised run and what they hold; runs (names) recur, so this is cached."""
    out = []
    for piece in _PIECE.finditer(run):
        at = piece.start()
        out += [(t, at + s, at + e, k, p, b) for t, s, e, k, p, b in _piece(piece.group(0))]
    out[-1] = (*out[-1][:5], True)  # a run ends with a word (the pattern's), which breaks
    toks = [Token(*fields) for fields in out]
    index = {t.start: i for i, t in enumerate(toks)}  # a chunk or a name is a stretch of tokens
    runs = chunks(toks)
    spans = [span for chunk in runs for span in org_spans(chunk)]
    return Run(
        tuple(out),
        _ranges(runs, index),
        _ranges(spans, index),
        frozenset(t.text for t in toks),
        tuple((t.start, t.end, t.text) for t in toks if t.kind == "acr"),
        tuple(c[0].text for c in runs if len(c) == 1 and c[0].kind == "acr"),
        tuple((c[0].start, c[-1].end) for c in runs if name_shaped(c)),
    )


def name_shaped(chunk: list[Token]) -> bool:
    """Two capitalised words or more, or one in camel case ('ActionNYC')."""
    caps = [t for t in chunk if t.kind in ("cap", "acr")]
    return len(caps) >= 2 or bool(caps) and sum(map(str.isupper, caps[0].text)) >= 2


def _ranges(stretches: list[list[Token]], index: dict[int, int]) -> _Ranges:
    return tuple((index[s[0].start], index[s[-1].start] + 1) for s in stretches)


@cache
def _runs() -> re.Pattern[str]:
    upper = "".join(re.escape(chr(i)) for i in range(0x41, 0x530) if chr(i).isupper())
    opens = re.escape("“\"‘'(")
    rest = r"[\w’'./&@-]*[”\"’'),.;:!?]*"
    word = rf"[{opens}]?[{upper}]{rest}"
    # The first word is 'an opening mark or a capital, not after a word character, then a capital
    # unless that was one': the same as ``word`` after ``(?<![\w’'&@-])``, but a pattern starting
    # with a character set lets the regex engine skip the lower-case bulk of the text quickly.
    first = rf"[{opens}{upper}](?<![\w’'&@-][\s\S])(?:(?<![{opens}])|[{upper}]){rest}"
    connectors = sorted(
        lexicon.org_words().connectors | {"the", "la", "el", "los", "las"}, key=len, reverse=True
    )
    conn = "|".join(re.escape(c) for c in connectors)
    gap = r"[ \t\u00a0]+"
    return re.compile(rf"{first}(?:{gap}(?:(?:{conn}){gap}){{0,2}}{word})*")


@lru_cache(maxsize=1 << 16)
def _piece(piece: str) -> tuple[_Fields, ...]:
    """(text, start, end, kind, possessive, breaks) of the tokens in one blank-free piece, offsets
    relative.

    Cached: names and capitalised words recur through a document, so most pieces are seen before.
    """
    if piece in _BREAK_PIECES or not any(c.isalnum() for c in piece):
        return ((piece, 0, len(piece), "conn" if piece in ("&", "@") else "brk", False, False),)
    out = []
    lead = 0
    while lead < len(piece) and (piece[lead] in _OPEN or piece[lead] in "([{"):
        if piece[lead] in "([{":
            out.append((piece[lead], lead, lead + 1, "brk", False, False))
        lead += 1
    core, breaks_after = piece[lead:], False
    while core and (core[-1] in _TRAILING_BREAKS or core[-1] in _CLOSE or core[-1] == "."):
        if core[-1] == "." and _ABBREVIATION.match(core):
            break
        if core[-1] == "’" and core[-2:-1] == "s" and len(core) > 2:
            break  # plural possessive: Lawyers’
        breaks_after = breaks_after or core[-1] in _TRAILING_BREAKS or core[-1] == "."
        core = core[:-1]
    start = lead
    for i, part in enumerate(_split_slash(core)):
        if i:
            out.append(("/", start - 1, start, "brk", False, False))
        out.append(_word(part, start))
        start += len(part) + 1
    if breaks_after:  # 'Casa Luz, …', 'Casa Luz.': the name cannot go on
        out[-1] = (*out[-1][:5], True)
    return tuple(out)


def _split_slash(core: str) -> list[str]:
    """'ICE/Inmigración' is two names; 'Latina/os' is one word."""
    parts = core.split("/")
    if len(parts) > 1 and all(len(p) > 1 and p[0].isupper() for p in parts):
        return parts
    return [core]


def _word(core: str, start: int) -> _Fields:
    possessive = core.endswith(("’s", "'s")) and len(core) > 2
    text = core[:-2] if possessive else core
    words = lexicon.org_words()
    if text in words.connectors or text.casefold() in ("the", "la", "el", "los", "las"):
        kind = "conn" if text[:1].islower() or text in ("&", "@") else _cap_kind(text)
    elif text[:1].isdigit():
        kind = "num"
    elif _LETTER.search(text[:1] or "-") and text[:1].isupper():
        kind = _cap_kind(text)
    else:
        kind = "low"
    return (text, start, start + len(text), kind, possessive, False)


def _cap_kind(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return "acr" if upper >= 2 and upper * 2 >= len(letters) else "cap"


_MAX_CHUNK = 24  # no name is longer; cutting longer runs keeps every later step linear


def chunks(toks: list[Token]) -> list[list[Token]]:
    """Runs of capitalised words with at most two connectors between them, at most 24 tokens long."""
    out: list[list[Token]] = []
    current: list[Token] = []
    pending: list[Token] = []  # connectors after ``current``, kept if a capitalised word follows
    for t in toks:
        kind = t.kind
        if kind == "cap" or kind == "acr":
            if pending:
                if len(pending) <= 2:
                    current += pending
                else:
                    out.append(current)
                    current = []
                pending = []
            current.append(t)
        elif kind == "conn":
            if current:
                pending.append(t)
        elif current:
            out.append(current)
            current, pending = [], []
        if t.breaks and current:
            out.append(current)
            current, pending = [], []
    if current:
        out.append(current)
    if all(len(c) <= _MAX_CHUNK for c in out):
        return out
    return [c[i : i + _MAX_CHUNK] for c in out for i in range(0, len(c), _MAX_CHUNK)]


def org_spans(chunk: list[Token]) -> list[list[Token]]:
    """The organization names inside one chunk (a chunk may hold two: 'Chicago Public Schools and …')."""
    heads = _any_head()
    for word in chunk:  # a word, or a part of a hyphenated word, that can be a head
        if word.text in heads or "-" in word.text and not heads.isdisjoint(word.text.split("-")):
            break
    else:
        return []  # most chunks (people, places, headings): without a head, no name ends here
    words = tuple([(t.text, t.kind, t.possessive) for t in chunk])
    return [chunk[i:j] for i, j in _span_indices(words)]


@cache
def _any_head() -> frozenset[str]:
    words = lexicon.org_words()
    return words.heads | words.heads_initial | words.needs_of


@lru_cache(maxsize=1 << 15)
def _span_indices(words: tuple[tuple[str, str, bool], ...]) -> tuple[tuple[int, int], ...]:
    """Where the names of a chunk are, by word index: the same words give the same names, so the
    analysis is cached on the words alone."""
    chunk = [Token(text, i, i + 1, kind, possessive) for i, (text, kind, possessive) in enumerate(words)]
    return tuple((span[0].start, span[-1].start + 1) for part in _parts(chunk) if (span := org_span(part)))


def _parts(chunk: list[Token]) -> list[list[Token]]:
    """Split at 'and'/'y' joining two names, and after a possessive name ('Bank of America’s …')."""
    words = lexicon.org_words()
    parts, current = [], []
    for i, t in enumerate(chunk):
        nxt = chunk[i + 1] if i + 1 < len(chunk) else None
        if t.kind == "conn" and t.text in words.splitters and current and _starts_name(chunk, i + 1):
            rest = org_span(chunk[i + 1 :])
            if _ends_orgish(current) and rest is not None and rest[0].start <= chunk[i + 1].start + 1:
                parts.append(current)
                current = []
                continue
        current.append(t)
        if t.possessive and nxt and _ends_orgish(current):
            parts.append(current)
            current = []
    if current:
        parts.append(current)
    return parts


def _starts_name(chunk: list[Token], i: int) -> bool:
    while i < len(chunk) and chunk[i].kind == "conn" and chunk[i].text[:1].islower():
        i += 1
    return i < len(chunk) and chunk[i].kind in ("cap", "acr")


def _ends_orgish(toks: list[Token]) -> bool:
    words = lexicon.org_words()
    last = toks[-1]
    if last.kind == "acr" and len(toks) == 1:
        return True
    if any(f in words.heads for f in last.forms):
        return True
    return any(t.text in words.heads_initial for t in toks)


def org_span(part: list[Token]) -> list[Token] | None:
    toks = _strip_leading(part)
    if not toks:
        return None
    end = _name_end(toks)
    if end is None:
        return None
    span = _strip_venue(toks[: end + 1])
    words = lexicon.org_words()
    tails = words.non_org_tails
    after = toks[end + 1].text if end + 1 < len(toks) else ""
    if span[-1].text in tails or after in tails or after in words.people_words:
        return None
    if len(span) == 2 and span[1].text == "Administration" and span[0].kind == "cap":
        return None  # 'Trump Administration': a presidency, not a body
    return span


def _strip_leading(part: list[Token]) -> list[Token]:
    words = lexicon.org_words()
    toks = list(part)
    while toks and (
        toks[0].kind == "conn" and toks[0].text[:1].islower() or toks[0].text in words.leading_drop
    ):
        toks = toks[1:]
    spanish = next(
        (
            i
            for i, t in enumerate(toks)
            if i > 0
            and t.text in words.heads_initial
            and (toks[i - 1].kind == "conn" or toks[i - 1].text in _ARTICLES)
        ),
        None,
    )
    if (
        spanish is not None
        and toks[0].text not in words.heads_initial
        and not (toks[0].text in _ARTICLES and toks[1].text in words.heads_initial)
        and not any(f in words.heads for t in toks[:spanish] for f in t.forms)
    ):
        toks = toks[spanish - 1 if toks[spanish - 1].text in _ARTICLES else spanish :]
    inner_the = next((i for i, t in enumerate(toks) if i > 0 and t.text == "The"), None)
    if inner_the is not None and _name_end(toks[inner_the:]) is not None:
        toks = toks[inner_the:]  # 'We Welcomed The Chilean Consulate'
    if toks and (toks[0].text in words.titles or toks[0].text in words.people_words):
        of = next((i for i, t in enumerate(toks) if t.kind == "conn" and t.text in ("of", "de", "del")), None)
        toks = toks[of + 1 :] if of is not None else []
        while toks and toks[0].kind == "conn":
            toks = toks[1:]
    return toks


def _name_end(toks: list[Token]) -> int | None:
    """Index of the name's last word, or None when no head word makes it an organization."""
    words = lexicon.org_words()
    for i, t in enumerate(toks[:2]):
        if t.text in words.heads_initial and (
            i == 0 or toks[0].kind == "conn" or toks[0].text in ("El", "La")
        ):
            if len(toks) > i + 1 or t.text not in words.weak_heads:
                return _trim_tail(toks, len(toks) - 1)
    last = None
    for j, t in enumerate(toks):
        if any(f in words.heads or f in words.needs_of for f in t.forms) and _head_valid(toks, j, words):
            last = j
    if last is None:
        return None
    nxt = toks[last + 1] if last + 1 < len(toks) else None
    if nxt is not None and nxt.kind == "conn" and nxt.text in _COMPLEMENT:
        end = next((k for k in range(last + 1, len(toks)) if toks[k].possessive), len(toks) - 1)
        return _trim_tail(toks, end)
    while last + 1 < len(toks) and toks[last + 1].kind == "acr":
        last += 1
    return last


def _trim_tail(toks: list[Token], end: int) -> int:
    while end > 0 and toks[end].kind == "conn":
        end -= 1
    return end


def _head_valid(toks: list[Token], j: int, words: lexicon.OrgWords) -> bool:
    head = next(f for f in toks[j].forms if f in words.heads or f in words.needs_of)
    before = sum(1 for t in toks[:j] if t.kind in ("cap", "acr"))
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    complement = nxt is not None and nxt.kind == "conn" and nxt.text in _COMPLEMENT
    if "-" in toks[j].text and toks[j].text != head:
        before += 1  # 'Collective-Chicago': the head is inside a longer word
    if head in words.needs_of:
        return nxt is not None and nxt.text in ("of", "de", "del")
    if head in words.weak_heads:
        return before >= 2 or (before >= 1 and complement)
    return before >= 1 or complement


def _strip_venue(span: list[Token]) -> list[Token]:
    """'Department of Homeland Security Office' names the department; the office is where it sits."""
    words = lexicon.org_words()
    for tail in words.venue_tails:
        n = len(tail.split())
        if len(span) > n and " ".join(t.text for t in span[-n:]) == tail:
            rest = span[:-n]
            while rest and rest[-1].kind == "conn":
                rest = rest[:-1]
            if rest and (_name_end(rest) is not None or (len(rest) == 1 and rest[0].kind == "acr")):
                return rest
    return span


def span_text(text: str, span: list[Token]) -> str:
    """The name as written; a final possessive goes ('NIJC’s') unless it is a saint's ('St Mary’s')."""
    last = span[-1]
    end = last.end
    if last.possessive and len(span) > 1 and span[-2].text in _SAINTS:
        end += 2
    return text[span[0].start : end]


def initials(span: list[Token]) -> str:
    """Capital initials of a name: 'National Immigrant Justice Center' -> 'NIJC'."""
    return "".join(t.text[0] for t in span if t.kind == "cap") if all(t.kind != "acr" for t in span) else ""
