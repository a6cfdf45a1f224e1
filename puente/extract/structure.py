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

    @property
    def head(self) -> str:
        return self.lines[0]


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
    out: list[Block] = []
    current: list[tuple] = []  # (start, text_start, end, words, word count) of the open block's lines
    meta: dict = {}
    gap = True
    pos = 0
    for line in text.split("\n"):
        blank = not line or line.isspace()  # any Unicode white space, U+2028 included
        if blank:
            _close(out, current, meta)
        else:
            _take_line(line, pos, out, current, meta, gap)
        gap = blank
        pos += len(line) + 1
    _close(out, current, meta)
    return out


def _take_line(line: str, start: int, out: list, current: list, meta: dict, gap: bool) -> None:
    prefix = line[:_PREFIX]
    stripped = prefix.strip(_SPACE)
    if not stripped:  # only zero-width or other _SPACE characters that str.strip keeps
        _close(out, current, meta)
        return
    lead = prefix.index(stripped[0])  # only _SPACE characters stand before the first visible one
    visible_end = start + (lead + len(stripped) if len(line) <= _PREFIX else len(line.rstrip(_SPACE)))
    if len(line) <= _PREFIX and stripped[0] in _RULE_CHARS and _RULE.fullmatch(prefix):
        _close(out, current, meta)
        out.append(Block("rule", start + lead, start + lead, visible_end, lead, None, (stripped,), gap, 0, 0))
        return
    m = _MARKER.match(prefix) if _may_mark(stripped) else None
    if m:
        _close(out, current, meta)
        mark = next(k for k in ("bullet", "digit", "roman", "letter") if m.group(k))
        if (
            mark == "roman"
            and len(m.group("roman")) == 1
            and m.group("roman").islower()
            and _after_letter(out)
        ):
            mark = "letter"  # 'i.' after 'h.' continues a lettered list
        meta.update(kind="entry", mark=mark, indent=lead, gap=gap)
        current.append((start + lead, start + m.end(), visible_end, *_clean_counted(prefix[m.end() :])))
        return
    if not current:
        meta.update(kind="para", mark=None, indent=lead, gap=gap)
    current.append((start + lead, start + lead, visible_end, *_clean_counted(prefix)))


def _may_mark(stripped: str) -> bool:
    """Whether ``_MARKER`` can match: most lines start with a word and no '.' or ')' soon after it,
    and this test is cheaper than the pattern's alternation."""
    head = stripped[1:7]  # a number (3 digits), a Roman numeral (6) or a letter, then '.' or ')'
    return stripped[0] in _BULLETS or "." in head or ")" in head


def _after_letter(out: list) -> bool:
    return bool(out) and out[-1].kind == "entry" and out[-1].mark == "letter"


def _close(out: list, current: list, meta: dict) -> None:
    if not current:
        return
    first = current[0]
    lines = tuple([line[3] for line in current])
    words = sum([line[4] for line in current])
    kind, mark, indent, gap = meta["kind"], meta["mark"], meta["indent"], meta["gap"]
    out.append(Block(kind, first[0], first[1], current[-1][2], indent, mark, lines, gap, words, first[4]))
    current.clear()


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
    )
    rest_words = block.words - block.head_words  # the counts are kept per line: no need to split again
    rest = Block(
        "para", second, second, block.end, 0, None, others, False, rest_words, len(others[0].split())
    )
    return head, rest
