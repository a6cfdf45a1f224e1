"""The visible structure of a text: lines grouped into blocks (paragraphs, list entries, rules).

Language-free and linear: one pass over the lines, anchored patterns on a bounded prefix of each line,
so a 10 MB single line costs one scan. The segmenter decides what the blocks mean.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_PREFIX = 400  # characters of a line any shape test looks at; headings and markers live at the start
_SPACE = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u3000"
_BULLETS = "•·●▪‣◦○■□►➢✓✔–*-"
_MARKER = re.compile(
    rf"[{_SPACE}]*(?:(?P<bullet>[{re.escape(_BULLETS)}])|(?P<digit>\d{{1,3}})[.)]"
    rf"|(?P<roman>[IVXLC]{{2,6}}|[IVX]|[ivxlc]{{2,6}}|[ivx])[.)]|(?P<letter>[A-Za-z])[.)])[{_SPACE}]+(?=\S)"
)
_RULE_CHARS = frozenset("-*_=~•·#" + "".join(map(chr, range(0x2500, 0x2580))))  # what a rule starts with
_RULE = re.compile(
    rf"[{_SPACE}]*[-*_=~•·#\u2500-\u257f]([{_SPACE}]*[-*_=~•·#\u2500-\u257f]){{2,}}[{_SPACE}]*"
)


class Block(NamedTuple):
    """A run of lines read as one unit: a paragraph, one list entry, or a horizontal rule.

    A named tuple rather than a frozen dataclass: as immutable, and a document makes thousands of
    them, which a frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field) makes costly.
    """

    kind: str  # "para" | "entry" | "rule"
    start: int  # offset of the first visible character (a list marker included)
    text_start: int  # offset of the first word (after any list marker)
    end: int  # offset just past the last visible character
    indent: int  # leading white space of the first line, in characters
    mark: str | None  # for entries: "bullet" | "digit" | "roman" | "letter"
    lines: tuple[str, ...]  # each line's words (markers stripped, white space unified), at most _PREFIX
    gap_before: bool  # a blank line (or the document start) stands before it
    words: int  # words in ``lines``
    head_words: int  # words in the first line, which many shape tests count
    head: str  # ``lines[0]``, as a field: it is read tens of times a block, and a property is a call


def clean(s: str) -> str:
    """A line's words with exotic spaces unified and the ends trimmed: what shape tests read (spans
    always come from the offsets, never from this)."""
    return " ".join(s[:_PREFIX].replace("\u00a0", " ").split())


def _clean_counted(s: str) -> tuple[str, int]:
    """``clean(s)`` and its number of words. Splitting is most of a line's cost, and most lines need
    none: a printable line has no white space but ' ' (no tab, no-break or other exotic space)."""
    s = s[:_PREFIX]
    if s.isprintable():
        words = s.strip(" ")
        if "  " not in words:
            return words, words.count(" ") + 1 if words else 0
    parts = s.replace("\u00a0", " ").split()
    return " ".join(parts), len(parts)


def blocks(text: str) -> list[Block]:
    """The blocks of ``text`` in order, in one loop: a document has tens of lines at a few
    microseconds each, so a call and a tuple per line weighed. The open block is a list of its
    ``Block`` fields, its lines still a list, until a blank line, a rule or a marker closes it."""
    out: list[Block] = []
    block: list | None = None
    gap = True
    pos = 0
    for line in text.split("\n"):
        at = pos
        pos += len(line) + 1
        if not line or line.isspace():  # a blank line (any Unicode white space, U+2028 included)
            _close(out, block)
            block, gap = None, True
            continue
        prefix = line[:_PREFIX]
        stripped = prefix.strip(_SPACE)
        if not stripped:  # only zero-width or other _SPACE characters, which str.isspace does not take
            _close(out, block)
            block, gap = None, False
            continue
        lead = prefix.index(stripped[0])  # only _SPACE characters stand before the first visible one
        start = at + lead
        visible_end = at + (lead + len(stripped) if len(line) <= _PREFIX else len(line.rstrip(_SPACE)))
        if stripped[0] in _RULE_CHARS and len(line) <= _PREFIX and _RULE.fullmatch(prefix):
            _close(out, block)
            block = None
            out.append(Block("rule", start, start, visible_end, lead, None, (stripped,), gap, 0, 0, stripped))
            gap = False
            continue
        # most lines start with a word and have no '.' or ')' where a marker's would be: those need
        # no try of the pattern's alternation (a number has 3 digits, a Roman numeral 6 letters)
        near = stripped[1:7]
        m = _MARKER.match(prefix) if stripped[0] in _BULLETS or "." in near or ")" in near else None
        if m:
            _close(out, block)
            mark, text_start = _mark(m, out), at + m.end()
            words, n = _clean_counted(prefix[m.end() :])
            block = ["entry", start, text_start, visible_end, lead, mark, [words], gap, n, n, words]
        else:
            if prefix.isprintable() and "  " not in stripped:  # then ``stripped`` is clean already
                words, n = stripped, stripped.count(" ") + 1
            else:
                words, n = _clean_counted(prefix)
            if block is None:
                block = ["para", start, start, visible_end, lead, None, [words], gap, n, n, words]
            else:  # a line of the open paragraph or entry
                block[3] = visible_end
                block[6].append(words)
                block[8] += n
        gap = False
    _close(out, block)
    return out


def _close(out: list[Block], block: list | None) -> None:
    """The open block, if any, joins ``out``."""
    if block is not None:
        block[6] = tuple(block[6])
        out.append(Block._make(block))


def _mark(m: re.Match[str], out: list[Block]) -> str:
    mark = next(k for k in ("bullet", "digit", "roman", "letter") if m.group(k))
    if mark == "roman" and len(m.group("roman")) == 1 and m.group("roman").islower() and _after_letter(out):
        return "letter"  # 'i.' after 'h.' continues a lettered list
    return mark


def _after_letter(out: list) -> bool:
    return bool(out) and out[-1].kind == "entry" and out[-1].mark == "letter"


def split_block(block: Block, text: str) -> tuple[Block, Block]:
    """The first line of a paragraph as a block of its own, and the rest: for 'Heading\\nBody…'."""
    second = text.find("\n", block.start) + 1
    while second < block.end and text[second] in _SPACE:
        second += 1
    first_end = text.find("\n", block.start)
    first_end -= len(text[block.start : first_end]) - len(text[block.start : first_end].rstrip(_SPACE))
    first, others = block.lines[:1], block.lines[1:]
    head = Block(
        "para",
        block.start,
        block.text_start,
        first_end,
        block.indent,
        None,
        first,
        block.gap_before,
        block.head_words,
        block.head_words,
        block.head,
    )
    rest_words = block.words - block.head_words  # the counts are kept per line: no need to split again
    rest = Block(
        "para",
        second,
        second,
        block.end,
        0,
        None,
        others,
        False,
        rest_words,
        len(others[0].split()),
        others[0],
    )
    return head, rest
