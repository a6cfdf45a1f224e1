"""The visible structure of a text: lines grouped into blocks (paragraphs, list entries, rules).

Language-free and linear: one pass over the lines, anchored patterns on a bounded prefix of each line,
so a 10 MB single line costs one scan. The segmenter decides what the blocks mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PREFIX = 400  # characters of a line any shape test looks at; headings and markers live at the start
_SPACE = " \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u3000"
_BULLETS = "•·●▪‣◦○■□►➢✓✔–*-"
_MARKER = re.compile(
    rf"[{_SPACE}]*(?:(?P<bullet>[{re.escape(_BULLETS)}])|(?P<digit>\d{{1,3}})[.)]"
    rf"|(?P<roman>[IVXLC]{{2,6}}|[IVX]|[ivxlc]{{2,6}}|[ivx])[.)]|(?P<letter>[A-Za-z])[.)])[{_SPACE}]+(?=\S)"
)
_RULE = re.compile(
    rf"[{_SPACE}]*[-*_=~•·#\u2500-\u257f]([{_SPACE}]*[-*_=~•·#\u2500-\u257f]){{2,}}[{_SPACE}]*"
)


@dataclass(frozen=True, slots=True)
class Block:
    """A run of lines read as one unit: a paragraph, one list entry, or a horizontal rule."""

    kind: str  # "para" | "entry" | "rule"
    start: int  # offset of the first visible character (a list marker included)
    text_start: int  # offset of the first word (after any list marker)
    end: int  # offset just past the last visible character
    indent: int  # leading white space of the first line, in characters
    mark: str | None  # for entries: "bullet" | "digit" | "roman" | "letter"
    lines: tuple[str, ...]  # each line's words (markers stripped, white space unified), at most _PREFIX
    gap_before: bool  # a blank line (or the document start) stands before it
    words: int  # words in ``lines``

    @property
    def head(self) -> str:
        return self.lines[0]


def clean(s: str) -> str:
    """A line's words with exotic spaces unified and the ends trimmed: what shape tests read (spans
    always come from the offsets, never from this)."""
    return " ".join(s[:_PREFIX].replace("\u00a0", " ").split())


def blocks(text: str) -> list[Block]:
    out: list[Block] = []
    current: list[tuple[int, int, int, str]] = []  # (start, text_start, end, words) of the open block
    meta: dict = {}
    gap = True
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]  # sliced once: the shape tests below all read it
        blank = not line.strip()  # any Unicode white space, U+2028 included
        _take_line(line, pos, out, current, meta, gap, blank)
        gap = blank
        pos = end + 1
    _close(out, current, meta)
    return out


def _take_line(line: str, start: int, out: list, current: list, meta: dict, gap: bool, blank: bool) -> None:
    prefix = line[:_PREFIX]
    stripped = prefix.strip(_SPACE)
    if not stripped or blank:
        _close(out, current, meta)
        return
    lead = len(prefix) - len(prefix.lstrip(_SPACE))
    visible_end = start + len(line.rstrip(_SPACE))
    if _RULE.fullmatch(prefix) and len(line) <= _PREFIX:
        _close(out, current, meta)
        out.append(Block("rule", start + lead, start + lead, visible_end, lead, None, (stripped,), gap, 0))
        return
    m = _MARKER.match(prefix)
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
        current.append((start + lead, start + m.end(), visible_end, clean(prefix[m.end() :])))
        return
    if not current:
        meta.update(kind="para", mark=None, indent=lead, gap=gap)
    current.append((start + lead, start + lead, visible_end, clean(prefix)))


def _after_letter(out: list) -> bool:
    return bool(out) and out[-1].kind == "entry" and out[-1].mark == "letter"


def _close(out: list, current: list, meta: dict) -> None:
    if not current:
        return
    first = current[0]
    lines = tuple(line[3] for line in current)
    out.append(
        Block(
            kind=meta["kind"],
            start=first[0],
            text_start=first[1],
            end=current[-1][2],
            indent=meta["indent"],
            mark=meta["mark"],
            lines=lines,
            gap_before=meta["gap"],
            words=_count_words(lines),
        )
    )
    current.clear()


def _count_words(lines: tuple[str, ...]) -> int:
    return sum(len(line.split()) for line in lines)


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
        _count_words(first),
    )
    rest = Block("para", second, second, block.end, 0, None, others, False, _count_words(others))
    return head, rest
