"""HTML to the text a reader sees, keeping the structure the segmenter relies on.

Headings stand on their own lines between blank lines, list items become "• " (or "1." in
ordered lists) lines, and a link keeps its target as "text (url)" when the target is an absolute
address the text does not already show. Scripts, styles, comments and hidden blocks are dropped.

Built on the stdlib tokenizer with counters instead of a tree, so nesting depth costs nothing:
a 100,000-deep ``<div>`` bomb is read in one linear pass without recursion.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Blocks separated from their neighbours by a blank line (a paragraph break for the segmenter).
PARAGRAPHS = frozenset({"p", "blockquote", "pre", "table", "ul", "ol", "dl", "figure", "address"})
# Blocks that only start a new line.
LINES = frozenset(
    {"div", "section", "article", "header", "footer", "main", "aside", "nav", "tr", "dt", "dd", "li"}
    | {"figcaption", "form", "center", "fieldset", "caption", "tbody", "thead", "tfoot", "details"}
)
# Whose content a reader never sees.
SKIPPED = frozenset({"script", "style", "head", "title", "template", "noscript", "svg", "object", "iframe"})
VOID = frozenset(
    {"br", "img", "meta", "link", "input", "hr", "area", "base", "col", "embed", "source", "wbr"}
)
LONG_ENTRY = 80  # characters: a list entry longer than this is a paragraph of its own
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# A "<" that opens no real token (a tag, a declaration, a processing instruction): it is text. The
# classes stop at the next "<", so every look-ahead is bounded by the distance to it and the whole
# pass stays linear.
_STRAY = re.compile(r"<(?!/?[A-Za-z][^<>]*>|![^<>]*>|\?[^<>]*>)")
# Runs of white space to make one ' ' (not \s: a non-breaking space is a deliberate character). A lone
# ' ' already is one, and matching it anyway made every word of the text a replacement.
_SPACE = re.compile(r" [ \t\n\r\f\v]+|[\t\n\r\f\v][ \t\n\r\f\v]*")


class _TextBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.newlines = 0  # line breaks owed before the next word
        self.hidden: tuple[str, int] | None = None  # (tag, depth) of a skipped or display:none element
        self.marker = False  # a list marker was just written: its text follows on the same line
        self.pre = 0
        # Per open list: [kind, next number, type, size when its current item began, that item was long].
        self.lists: list[list] = []
        self.size = 0  # characters written so far: item lengths without re-joining the output
        self.link: tuple[str, int] | None = None  # (href, index in out where the link text starts)
        self.title: list[str] = []
        self.in_title = False

    # -- output -------------------------------------------------------------------------
    def brk(self, n: int) -> None:
        if self.out and not self.marker:
            self.newlines = max(self.newlines, n)

    def emit(self, text: str) -> None:
        if self.newlines:
            self.out.append("\n" * self.newlines)
            self.newlines = 0
        self.marker = False
        self.size += len(text)
        self.out.append(text)

    # -- tokenizer callbacks -------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag == "body" and self.hidden and self.hidden[0] == "head":
            self.hidden = None  # an unclosed <head> ends where the body begins
        if not self._hiding(tag, attrs):
            self._open(tag, dict(attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.hidden and tag in ("br", "hr"):
            self._open(tag, {})

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.hidden:
            name, depth = self.hidden
            if tag == name:
                self.hidden = (name, depth - 1) if depth > 1 else None
            return
        self._close(tag)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.hidden or not data:
            return
        if self.pre:
            self.emit(data)
            return
        # printable text holds no tab or line break, so without '  ' there is no run of white space
        text = data if data.isprintable() and "  " not in data else _SPACE.sub(" ", data)
        if text == " " and (self.newlines or not self.out or self.out[-1].endswith((" ", "\n"))):
            return
        if self.newlines or not self.out or self.out[-1].endswith("\n"):
            text = text.lstrip(" ")
        if text:
            self.emit(text)

    # -- structure ------------------------------------------------------------------------
    def _hiding(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if self.hidden:
            name, depth = self.hidden
            if tag == name and tag not in VOID:
                self.hidden = (name, depth + 1)
            return True
        hidden = tag in SKIPPED or (
            bool(attrs)
            and any(k == "hidden" or (k == "style" and v and _HIDDEN_STYLE.search(v)) for k, v in attrs)
        )
        if hidden and tag not in VOID:
            self.hidden = (tag, 1)
        return hidden

    def _open(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag in HEADINGS:
            self.brk(2)
        elif tag in ("ul", "ol"):
            self.brk(1 if self.lists else 2)
            start = attrs.get("start") or "1"
            self.lists.append([tag, int(start) if start.isdigit() else 1, attrs.get("type") or "1", 0, False])
        elif tag == "li":
            # Entries that read as paragraphs get a blank line between them, as in a plain-text
            # newsletter; short facts stay on consecutive lines, as one block.
            self.brk(2 if self.lists and self.lists[-1][4] else 1)
            self.emit("  " * min(3, max(0, len(self.lists) - 1)) + self._marker())  # capped: no bombs
            self.marker = True
            if self.lists:
                self.lists[-1][3] = self.size
        elif tag in PARAGRAPHS:
            self.brk(2)
            self.pre += tag == "pre"
        elif tag in LINES:
            self.brk(1)
        elif tag == "br":
            self.emit("\n")
        elif tag == "hr":
            self.brk(2)
        elif tag in ("td", "th"):
            if self.out and not self.out[-1].endswith((" ", "\n")):
                self.emit(" ")
        elif tag == "a":
            self.link = (attrs.get("href") or "", len(self.out))

    def _close(self, tag: str) -> None:
        if tag == "li" and self.lists:
            self.lists[-1][4] = self.size - self.lists[-1][3] > LONG_ENTRY
        if tag in HEADINGS:
            self.brk(2)
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self.brk(1 if self.lists else 2)
        elif tag in PARAGRAPHS:
            self.brk(2)
            self.pre = max(0, self.pre - (tag == "pre"))
        elif tag in LINES:
            self.brk(1)
        elif tag == "a" and self.link:
            href, at = self.link
            self.link = None
            shown = "".join(self.out[at:]).strip()
            target = link_target(href, shown)
            if target:
                self.emit(f" ({target})" if shown else target)

    def _marker(self) -> str:
        if not self.lists or self.lists[-1][0] == "ul":
            return "• "
        entry = self.lists[-1]
        n, entry[1] = entry[1], entry[1] + 1
        if entry[2] in ("a", "A"):
            label = _letters(n)
            return f"{label.upper() if entry[2] == 'A' else label}. "
        if entry[2] in ("i", "I"):
            label = _roman(n)
            return f"{label.lower() if entry[2] == 'i' else label}. "
        return f"{n}. "


def _letters(n: int) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s or "a"


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        count, n = divmod(n, value)
        out += numeral * count
    return out or "I"


def _bare(url: str) -> str:
    url = url.strip().casefold().removeprefix("mailto:")
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def link_target(href: str, shown: str) -> str | None:
    """What to add after a link's text: its address, unless the text already says it."""
    href = href.strip()
    low = href.casefold()
    if low.startswith("mailto:"):
        href = href[7:].split("?", 1)[0]
    elif not low.startswith(("http://", "https://")):
        return None  # relative links, anchors and javascript: mean nothing outside the page
    if not href or _bare(href) in _bare(shown):
        return None
    return href


def _without_comments(html: str) -> str:
    """Drop comments; an unclosed one runs to the end, as in a browser."""
    parts, at = [], 0
    while (begin := html.find("<!--", at)) >= 0:
        parts.append(html[at:begin])
        end = html.find("-->", begin + 4)
        if end < 0:
            return "".join(parts)
        at = end + 3
    parts.append(html[at:])
    return "".join(parts)


def _escape_stray(html: str) -> str:
    """Turn every "<" that opens no well-formed token into "&lt;".

    The stdlib tokenizer rescans to the end of the input for each stray "<" or unclosed
    comment it meets (quadratic on hostile input); once only closed tokens remain it is linear.
    The look-ahead stops at the next "<" or ">", so each "<" costs at most the distance to it.
    """
    return _STRAY.sub("&lt;", html)


def html_to_text(html: str) -> tuple[str, str | None]:
    """The visible text of ``html`` and its <title> (or None)."""
    parser = _TextBuilder()
    parser.feed(_escape_stray(_without_comments(html)))
    parser.close()
    text = "".join(parser.out)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    title = _SPACE.sub(" ", "".join(parser.title)).strip() or None
    return text + "\n" if text else "", title
