"""Reading a document's blocks: furniture (sign-offs, footers, mastheads, page buttons, datelines),
heading shapes, intros and the cue phrases each block holds. Everything is computed once per block;
the segmenter (``segment.py``) decides from these what starts an item.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import structure
from .phrases import tokens
from .segment_cues import Cues, cues
from .shapes import heading_shape, is_date_line, sentence_end, words

_CUE_CHARS = 400  # characters of a paragraph searched for intro or about cues
_DIGIT = re.compile(r"\d")
_FIELD = re.compile(r"[^\W\d][\w ]{0,25}:\s")  # a detail line: 'Hours: …', 'Location: …'


class Reader:
    """The blocks of one text and what each of them looks like."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.c: Cues = cues()
        self._shapes: dict[str, str | None] = {}
        self.b = _split_headed(structure.blocks(text), text, self.c, self.heading)
        self.n = len(self.b)
        # cue phrases and pointer notes of each paragraph: nearly every paragraph is asked about both
        find, pointer = self.c.phrases.find, self.c.pointer
        self._tags = [find(tokens(b.head[:_CUE_CHARS])) if b.kind == "para" else {} for b in self.b]
        self._pointer = [b.kind == "para" and b.words <= 25 and bool(pointer.match(b.head)) for b in self.b]
        self._folded: dict[int, str] = {}
        self._intro: dict[int, bool] = {}
        self.kind = [self._furniture(i) for i in range(self.n)]
        self.shape = [self._shape(i) for i in range(self.n)]

    def head(self, i: int) -> str:
        return self.b[i].head if 0 <= i < self.n else ""

    def single(self, i: int) -> bool:
        return 0 <= i < self.n and self.b[i].kind == "para" and len(self.b[i].lines) == 1

    def _shape(self, i: int) -> str | None:
        """'strong' | 'weak' | 'lead' heading, or None; weak ones need a longer paragraph after them."""
        blk = self.b[i]
        if blk.kind != "para" or len(blk.lines) > 2 or self.kind[i] or self._pointer[i]:
            return None
        if len(blk.lines) == 2 and not _is_note(blk.lines[1], self.c):
            return None
        shape = self.heading(blk.head)
        if shape == "weak":
            nxt = self.b[i + 1] if i + 1 < self.n else None
            body = nxt is not None and nxt.kind == "para" and self.heading(nxt.head) is None
            if not body or nxt.words < max(15, 1.5 * blk.words):
                return None
        return shape

    def heading(self, s: str) -> str | None:
        """``heading_shape(s)``, once per line: a line is asked about as a paragraph's first line, as
        a block's head and as the line after a heading."""
        if s not in self._shapes:
            self._shapes[s] = heading_shape(s)
        return self._shapes[s]

    def furniture(self, i: int) -> str | None:
        return self.kind[i] if 0 <= i < self.n else None

    def _furniture(self, i: int) -> str | None:
        blk = self.b[i]
        if blk.kind == "rule":
            return "rule"
        if blk.kind != "para":
            return None
        s = blk.head
        short = len(s) <= 80 and blk.head_words <= 8
        if short and len(blk.lines) <= 6 and (self.c.sign_off.match(s) or _closing_shape(blk)):
            return "signoff"
        if len(s) <= 160 and ("footer" in self.tags(i) or s.startswith("©")):
            return "footer"
        if len(blk.lines) <= 4 and self._footer_lines(blk.lines):
            return "footer"
        if short and self.c.page.match(s):
            return "page"
        if short and self.c.release.match(s):
            return "release"
        if len(blk.lines) <= 2 and self._date_lines(blk.lines):
            return "date"
        return None

    def _footer_lines(self, lines: tuple[str, ...]) -> bool:
        """A line after the first names a footer ('Unsubscribe', 'Copyright'). The footer phrases
        alone are looked up: ``find`` gives each label its matches apart, so the answer is the same."""
        for line in lines[1:]:
            if len(line) <= 160 and self.c.footers.find(tokens(line)):
                return True
        return False

    def _date_lines(self, lines: tuple[str, ...]) -> bool:
        for line in lines:
            if len(line) > 60 or not is_date_line(line, self.c.date_words):
                return False
        return True

    def _dated(self, i: int) -> bool:
        """The line holds a month name ('Wednesday, October 17 - New Orleans, LA')."""
        return any(t in self.c.months for t in tokens(self.head(i)))

    def is_masthead(self, i: int) -> bool:
        blk = self.b[i] if 0 <= i < self.n else None
        if blk is None or blk.kind != "para" or len(blk.lines) > 2:
            return False
        s = blk.head
        if len(blk.lines) == 2 and not is_date_line(blk.lines[1], self.c.date_words):
            return False
        if len(blk.lines) == 1 and i > 0 and self._body_follows(i):
            return False  # '## Policy update' over its text is a section, not an issue's masthead
        if blk.head_words > 8:
            return False
        # a month and year need a digit: the cheap search spares most lines the months' alternation
        return "masthead" in self.tags(i) or bool(_DIGIT.search(s) and self.c.month_year.search(s))

    def _body_follows(self, i: int) -> bool:
        nxt = self.b[i + 1] if i + 1 < self.n else None
        return nxt is not None and nxt.kind == "para" and self.heading(nxt.head) is None

    def tags(self, i: int) -> dict[str, set[str]]:
        """Phrase cues found at the start of paragraph i ('intro', 'about', 'job')."""
        return self._tags[i]

    def is_intro(self, i: int) -> bool:
        """An issue's introduction: 'Here are some events…', or a letter's salutation. Asked of most
        blocks several times (as a title's neighbour, above a list, at an issue's top): computed once."""
        if not (0 <= i < self.n) or self.b[i].kind != "para":
            return False
        if i not in self._intro:
            self._intro[i] = self._intro_at(i)
        return self._intro[i]

    def _intro_at(self, i: int) -> bool:
        if "intro" in self.tags(i) or self.c.greeting.match(self.head(i)):
            return True
        # the paragraph after a salutation ('Friends,') introduces the sections that follow it
        return self._salutation(i - 1) and (
            i + 1 >= self.n or self.b[i + 1].kind == "entry" or bool(self.shape[i + 1])
        )

    def _salutation(self, i: int) -> bool:
        """'Dear neighbors,', 'Friends,', '¡Hola, familia!'."""
        if not self.single(i) or self.b[i].head_words > 4:
            return False
        s = self.b[i].head
        return bool(self.c.greeting.match(s)) or (self.b[i].head_words <= 3 and s.endswith(","))

    def is_pointer(self, i: int) -> bool:
        """A short note pointing elsewhere ('Please, see attached…')."""
        return self._pointer[i]

    def is_button(self, i: int) -> bool:
        return self.shape[i] is not None and self.b[i].head_words <= 8 and "button" in self.tags(i)

    def is_about(self, i: int) -> bool:
        blk = self.b[i]
        return blk.kind == "para" and blk.words >= 12 and "about" in self.tags(i)

    def is_job_section(self, i: int) -> bool:
        return self.head(i).rstrip(" :").casefold() in self.c.job_section

    def _norm(self, i: int) -> str:
        """Block i's first line folded for comparison, computed once: titles are compared often."""
        if i not in self._folded:
            self._folded[i] = _norm(self.head(i))
        return self._folded[i]

    def same_title(self, i: int, j: int) -> bool:
        """Block j repeats title i, or the part of i after its ':' ('ONA Update: Chicago Is…')."""
        if not (0 <= j < self.n) or self.b[j].kind == "rule":
            return False
        a, b = self._norm(i), self._norm(j)
        return bool(b) and (a == b or (":" in a and a.split(":", 1)[1].strip() == b))


def _split_headed(
    blocks: list[structure.Block], text: str, c: Cues, shape: Callable[[str], str | None]
) -> list[structure.Block]:
    """'Heading\\nFirst sentence…' written without a blank line: the heading becomes its own block."""
    out = []
    for blk in blocks:
        if blk.kind == "para" and len(blk.lines) >= 2 and _heads_block(blk, c, shape):
            out.extend(structure.split_block(blk, text))
        else:
            out.append(blk)
    return out


def _heads_block(blk: structure.Block, c: Cues, heading: Callable[[str], str | None]) -> bool:
    first, second = blk.lines[0], blk.lines[1]
    body = words(second) >= 6 and (sentence_end(second) or ". " in second)
    if not body and len(blk.lines) < 3:
        return False  # tested first: most such blocks are prose, whose first line need not be shaped
    shape = heading(first)
    if shape is None or (shape == "weak" and not first.rstrip("*_ ").endswith(("?", "!"))):
        return False
    if is_date_line(first, c.date_words) or c.sign_off.match(first):
        return False
    if detail_line(first, c):
        return False  # 'Dates: October 22, …' over 'Hours: …' is a block of details, not a heading
    # an event card: title, then 'Saturday, January 9 | 10:00 AM', then place and text
    return body or (len(blk.lines) >= 3 and _when_line(second, c))


def _when_line(s: str, c: Cues) -> bool:
    words_ = tokens(s)
    return any(w in c.calendar for w in words_) and any(w[:1].isdigit() for w in words_)


def detail_line(s: str, c: Cues) -> bool:
    """'Clinic Dates: October 22, …', 'Hours: 5 pm': a label whose value is a date, time or number."""
    label, sep, value = s.partition(": ")
    if not sep or not _FIELD.match(s):
        return False
    first = value.split(" ", 1)[0].strip(",.").casefold()
    return first[:1].isdigit() or first in c.calendar


def _is_note(line: str, c: Cues) -> bool:
    """A heading's second line that belongs to it: '(as of September 27, 2018)'."""
    s = line.strip()
    return (s.startswith("(") and s.endswith(")")) or is_date_line(s, c.date_words)


def _norm(s: str) -> str:
    """Folded, with white space unified. A block's head has single spaces already (``structure``
    cleans it), and case folding adds no white space: then folding is all there is to do."""
    low = s.casefold()
    if low.isprintable() and "  " not in low and low[:1] != " " and low[-1:] != " ":
        return low
    return " ".join(low.split())  # split() takes the no-break space too


def contact_line(s: str) -> bool:
    """'Casa Luz · 2310 S Whipple St, Chicago · info@…': digits, handles or separators, no sentence."""
    return words(s) <= 16 and not sentence_end(s) and any(c.isdigit() or c in "@·|•" for c in s)


def _closing_shape(blk: structure.Block) -> bool:
    """'Stay warm,' over a name: a short line ending in a comma, with a signature under it."""
    first = blk.lines[0]
    return len(blk.lines) >= 2 and blk.head_words <= 4 and first.endswith(",") and first[:1].isupper()
