"""Split a document into items, following the newsletter's own structure.

Blocks (``structure.blocks``, read by ``reading.Reader``) are headings, list entries (``lists``),
paragraphs and furniture. Headings, and bullet and numbered entries that carry their own content,
start items; a heading's paragraphs stay with it, while paragraphs with no heading over them are
items of their own. Grouping headings over item bullets, section names over an item's own heading,
mastheads, salutations, intros, sign-offs and footers are not items. Several newsletters pasted into
one text are told apart by their title lines (followed by a masthead, an intro or the same title
again) and by sign-offs. Language knowledge comes from ``data/segment.<lang>.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import lists
from .model import Segment
from .phrases import tokens
from .reading import Reader, contact_line, detail_line
from .shapes import decorated, lead_title, sentence_end, undecorated, words

_INTRO_WINDOW = 4  # an issue's intro stands among its first blocks
_SIGNATURE_LINES = 4  # name and footer lines that may follow a sign-off


@dataclass(slots=True)
class _Item:
    first: int  # index of its first block
    start: int  # offset where its text starts
    title: str
    newsletter: int
    end: int = 0
    from_entry: bool = False  # started at a bullet or numbered entry
    job: bool = False  # a job posting: its sub-headings stay inside it
    about: bool = False  # an organization's about-us boilerplate
    headed: bool = False  # started by a heading: the paragraphs below it are its own


@dataclass(slots=True)
class _State:
    items: list[_Item] = field(default_factory=list)
    current: _Item | None = None
    chain: list[int] = field(default_factory=list)  # headings waiting for their body
    newsletter: int = -1
    nl_first: int = 0  # index of the newsletter's first block


def segment(text: str) -> list[Segment]:
    return _Segmenter(text).run()


class _Segmenter(Reader):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.item_entry = lists.entry_items(self)
        self.signature = [False] * self.n
        self.nl_start = self._newsletter_starts()
        self.next_entry = self._next_item_entries()
        self.next_heading = self._next_headings()

    # --- newsletters -----------------------------------------------------------------------------

    def _newsletter_starts(self) -> list[bool]:
        starts = [False] * self.n
        closed = True
        i = 0
        while i < self.n:
            kind = self.kind[i]
            if kind in ("signoff", "footer"):
                i = self._skip_signature(i + 1)
                closed = True
                continue
            if kind is None and (closed or self._titles_newsletter(i)):
                starts[i] = True
                closed = False
            i += 1
        return starts

    def _skip_signature(self, i: int) -> int:
        for _ in range(_SIGNATURE_LINES):
            if i >= self.n or not self._signature_line(i):
                break
            self.signature[i] = True
            i += 1
        return i

    def _signature_line(self, i: int) -> bool:
        if self.kind[i] in ("footer", "signoff", "page"):
            return True
        blk = self.b[i]
        if blk.kind == "para" and len(blk.lines) <= 4 and all(contact_line(x) for x in blk.lines):
            return True  # address, phone, social handles
        s = self.head(i)
        if not self.single(i) or blk.head_words > 7 or s.endswith(("?", "!", ".")):
            return False
        caps = [w for w in s.split() if w[:1].isupper() or not w[:1].isalpha()]
        return len(caps) * 10 >= blk.head_words * 6 and ":" not in s

    def _titles_newsletter(self, i: int) -> bool:
        """A title line: a masthead, an intro, or its own repetition follows it."""
        if self.shape[i] is None or self.b[i].kind != "para":
            return False
        return (
            self.is_masthead(i + 1)
            or (self.is_intro(i + 1) and not self.is_intro(i))
            or self.same_title(i, i + 1)
            or (self.same_title(i, i + 2) and self.is_intro(i + 1))
        )

    def _next_item_entries(self) -> list[int]:
        """For each block, the index of the next item-starting entry in the same newsletter (or n)."""
        out = [self.n] * (self.n + 1)
        nxt = self.n
        for i in range(self.n - 1, -1, -1):
            out[i] = nxt
            if self.item_entry[i]:
                nxt = i
            if self.nl_start[i] or self.kind[i] in ("signoff", "footer"):
                nxt = self.n
        return out

    def _next_headings(self) -> list[int]:
        """For each block, the index of the next plain heading (or n)."""
        out = [self.n] * (self.n + 1)
        nxt = self.n
        for i in range(self.n - 1, -1, -1):
            if self.shape[i] is not None and self.b[i].kind == "para":
                nxt = i
            out[i] = nxt
        return out

    # --- the scan --------------------------------------------------------------------------------

    def run(self) -> list[Segment]:
        st = _State()
        i = 0
        while i < self.n:
            if self.nl_start[i]:
                self._flush(st, i)
                self._close(st)
                st.newsletter += 1
                st.nl_first = i
                i = self._header(st, i)
                continue
            i = self._step(st, i)
        self._flush(st, self.n)
        self._close(st)
        return [seg for seg in map(self._segment, st.items) if seg.text]

    def _step(self, st: _State, i: int) -> int:
        kind = self.kind[i] or ("signature" if self.signature[i] else None)
        if kind == "rule" and st.chain:
            return i + 1  # a rule framing a heading ('-----', 'HEADING', '-----') decorates it
        if kind:
            self._flush(st, i)
            if kind not in ("date", "release", "page"):
                self._close(st)
            return i + 1
        if st.newsletter < 0:
            st.newsletter = 0
        if i - st.nl_first < _INTRO_WINDOW and self.is_intro(i):
            self._flush(st, i)
            self._close(st)
            return i + 1
        blk = self.b[i]
        if blk.kind == "entry":
            self._entry(st, i)
        elif self.shape[i] is not None:
            self._heading(st, i)
        else:
            self._paragraph(st, i)
        return i + 1

    def _subordinate(self, st: _State, i: int) -> bool:
        """Inside an item that a list entry started, with sibling entries still to come."""
        cur = st.current
        if cur is None or st.chain:
            return False
        if cur.job and (self.is_job_section(i) or self.shape[i] == "lead"):
            return True
        nxt = self.next_entry[i]
        return (
            cur.from_entry and nxt < self.n and not self._groups_list(i) and self.next_heading[i + 1] >= nxt
        )

    def _groups_list(self, i: int) -> bool:
        return i + 1 < self.n and self.item_entry[i + 1]

    def _heading(self, st: _State, i: int) -> None:
        lead_in = self.shape[i] == "lead" and not (i + 1 < self.n and self.shape[i + 1])
        if self._subordinate(st, i) or (lead_in and st.current is not None and not st.chain):
            self._extend(st, i)
            return
        if self.is_button(i) and not (i + 1 < self.n and self.is_button(i + 1)) and not st.chain:
            self._flush(st, i)
            self._open(st, i, self.b[i].text_start, _clean_title(self.head(i)))
            self._close(st)
            return
        st.chain.append(i)

    def _entry(self, st: _State, i: int) -> None:
        cur = st.current
        if self.item_entry[i] and not (cur is not None and cur.job):
            st.chain.clear()  # a heading right above item bullets only groups them
            self._close(st)
            item = self._open(st, i, self.b[i].text_start, self._entry_title(i), from_entry=True)
            item.headed = self.b[i].mark != "bullet" or lists.bullet_heading(self, i, i + 1)
            return
        self._body(st, i)

    def _entry_title(self, i: int) -> str:
        """A numbered heading's first line ('II. Beca “Raíces”…' over its text), else the lead."""
        blk = self.b[i]
        if len(blk.lines) > 1 and self.heading(blk.head) in ("strong", "weak"):
            return _clean_title(blk.head)
        return lead_title(blk.lines)

    def _paragraph(self, st: _State, i: int) -> None:
        if self.is_about(i) and not st.chain and (st.current is None or not st.current.about):
            self._close(st)
            self._open(st, i, self.b[i].text_start, lead_title(self.b[i].lines)).about = True
            return
        if self.is_pointer(i) and st.current is None and not st.chain:
            return
        if st.current is not None and not st.chain and self._starts_anew(st.current, i):
            self._close(st)
        self._body(st, i)

    def _starts_anew(self, cur: _Item, i: int) -> bool:
        """Paragraph i begins an item of its own although one is open."""
        if self._link_entry(i) and self._link_entry(i - 1):
            return True  # 'Rental assistance chart:' over its link, one after another: a list of links
        # without a heading over them, items are one paragraph each ('Quick hits' newsletters)
        return not (cur.headed or cur.about) and not self._continues(i)

    def _link_entry(self, i: int) -> bool:
        """A line ending in ':' over the link it describes."""
        blk = self.b[i] if 0 <= i < self.n else None
        if blk is None or blk.kind != "para" or len(blk.lines) < 2 or not blk.head.endswith(":"):
            return False
        return all(" " not in x and ("://" in x or x.startswith("www.")) for x in blk.lines[1:])

    def _continues(self, i: int) -> bool:
        """A paragraph that can only follow another: a pointer, a lower-case start, a 'Label:' block."""
        s = self.head(i)
        return (
            self.is_pointer(i)
            or not s[:1].isupper()
            or s.endswith(":")
            or detail_line(s, self.c)
            or words(s) <= 4
        )

    def _body(self, st: _State, i: int) -> None:
        """Block i is content: it closes a waiting heading chain, or continues the open item."""
        if st.chain:
            if len(st.chain) == 1 and self._only_names(i) and st.current is not None:
                st.chain.clear()
                self._extend(st, i)
                return
            self._flush(st, i)
        if st.current is None:
            self._open(st, i, self.b[i].text_start, lead_title(self.b[i].lines))
        self._extend(st, i)

    def _only_names(self, i: int) -> bool:
        """A body that is only a list of names ('A * B * C'): its heading is a sub-heading."""
        blk = self.b[i]
        seps = sum(blk.head.count(s) for s in (" * ", " • ", " | ", "; "))
        return seps >= 3 and not sentence_end(blk.head)

    def _flush(self, st: _State, i: int) -> None:
        """Headings waiting for a body become an item starting at the first of them; a section label
        above the item's own heading ('UPCOMING EVENTS', '-- CALENDARIO --') is left out."""
        if not st.chain:
            return
        chain, st.chain = st.chain, []
        while len(chain) > 1 and self._section_label(self.head(chain[0])) and not self._dated(chain[1]):
            chain = chain[1:]
        self._close(st)
        if (
            len(chain) == 1
            and self._section_label(self.head(chain[0]))
            and i < self.n
            and self.b[i].kind == "para"
        ):
            # the label names the item but is not among its words ('-- GRACIAS --' over its text)
            item = self._open(st, i, self.b[i].text_start, _clean_title(undecorated(self.head(chain[0]))))
        else:
            item = self._open(st, chain[0], self.b[chain[0]].text_start, self._chain_title(chain))
            item.end = self.b[chain[-1]].end
        item.headed = True

    def _section_label(self, s: str) -> bool:
        """A short all-capitals or decorated section name ('UPCOMING EVENTS', '-- CALENDARIO --'), or
        one of the language files' section names ('Upcoming Events')."""
        inner = undecorated(s)
        if words(inner) > 5:
            return False
        return decorated(s) or inner.isupper() or inner.rstrip(":").casefold() in self.c.section_label

    def _chain_title(self, chain: list[int]) -> str:
        heads = [self.head(k) for k in chain]
        first = 0
        while first < len(heads) - 1 and (
            heads[first].endswith(":") or _caps_over(heads[first], heads[first + 1])
        ):
            first += 1
        return _clean_title(heads[first])

    def _open(self, st: _State, i: int, start: int, title: str, from_entry: bool = False) -> _Item:
        self._close(st)
        item = _Item(i, start, title, max(st.newsletter, 0), end=self.b[i].end, from_entry=from_entry)
        item.job = self._hiring(i) or self._job_title(title, i)
        st.current = item
        return item

    def _job_title(self, title: str, i: int) -> bool:
        """The title names a job ('Now hiring: …'). Most titles are the start of paragraph i's first
        line, whose cues are known already; only the others are split into words here."""
        if self.b[i].kind == "para":
            low, head = _lower(title), _lower(self.b[i].head)
            if head.startswith(low) and _word_cut(head, len(low)):
                return False  # its words are the paragraph's first words, which hold no job cue
        return bool(self.c.jobs.find(tokens(title)))  # the job phrases alone: the same 'job' matches

    def _hiring(self, i: int) -> bool:
        return "job" in self.tags(i)

    def _extend(self, st: _State, i: int) -> None:
        cur = st.current
        cur.end = max(cur.end, self.b[i].end)
        if not cur.job and i <= cur.first + 2 and self._hiring(i):
            cur.job = True

    def _close(self, st: _State) -> None:
        if st.current is not None:
            st.items.append(st.current)
            st.current = None

    # --- a newsletter's header -------------------------------------------------------------------

    def _header(self, st: _State, i: int) -> int:
        """Skip title, masthead, dateline and page furniture; the title may name the first item."""
        if self._masthead_block(i) or self.is_intro(i):
            return i + 1
        if self.shape[i] in (None, "lead") or (self._section_label(self.head(i)) and not self.is_masthead(i)):
            return self._step(st, i)  # not a title: a paragraph, a lead-in line, a section name
        j = i + 1
        seen_page = False
        while j < self.n:
            if (
                self.is_masthead(j)
                or (j == i + 1 and self.same_title(i, j))
                or self.furniture(j) in ("date", "release")
            ):
                j += 1
            elif self.furniture(j) == "page" or (self.shape[j] and self.furniture(j + 1) == "page"):
                seen_page = True
                j += 1
            else:
                break
        if self._names_first_item(i, j, seen_page):
            self._open(st, j, self.b[j].text_start, _clean_title(self.head(i))).headed = True
            self._extend(st, j)
            if self.shape[j] is not None and self.b[j].kind == "para":
                st.current.job = st.current.job or self.is_job_section(j + 1)
            return j + 1
        return j

    def _masthead_block(self, i: int) -> bool:
        """Several short lines and no sentence at an issue's top: name, place, date."""
        blk = self.b[i]
        if blk.kind != "para" or not 2 <= len(blk.lines) <= 5:
            return False
        return all(words(x) <= 12 and not sentence_end(x) and len(x) < 120 for x in blk.lines)

    def _names_first_item(self, i: int, j: int, seen_page: bool) -> bool:
        """The newsletter's title is its first item's headline: a body follows it directly."""
        if j >= self.n or seen_page or self.is_masthead(i) or self.is_intro(j) or self.furniture(j):
            return False
        if any(self.is_masthead(k) for k in range(i + 1, j)):
            return False
        if self.b[j].kind == "entry":
            return not self.item_entry[j]  # a list under the title is its body; item bullets are not
        if self.shape[j] is None:
            return True
        return (
            self.shape[j] != "lead"
            and j + 1 < self.n
            and self.shape[j + 1] is None
            and self.b[j + 1].kind == "para"
        )

    # --- output ----------------------------------------------------------------------------------

    def _segment(self, it: _Item) -> Segment:
        raw = self.text[it.start : it.end]
        lead = len(raw) - len(raw.lstrip())
        start = it.start + lead
        body = raw.strip()
        return Segment(
            title=it.title, text=body, start=start, end=start + len(body), newsletter=it.newsletter
        )


def _lower(s: str) -> str:
    """Lower-cased as ``tokens`` lower-cases, so a prefix's words are the whole's first words."""
    return s.casefold().replace("’", "'")


def _word_cut(s: str, k: int) -> bool:
    """No word (letters, digits, '_' and inner apostrophes) runs across position k of s."""
    if k == 0 or k >= len(s):
        return True
    return not (_in_word(s[k - 1]) and _in_word(s[k]))


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_'"


def _caps_over(a: str, b: str) -> bool:
    """An all-capitals heading over a mixed-case one groups it ('ALL CITY PRESS CONFERENCES…')."""
    return a.isupper() and not b.isupper() and len(a.split()) >= 3


def _clean_title(s: str) -> str:
    return " ".join(undecorated(s).replace("\u00a0", " ").split()).rstrip(":").strip()
