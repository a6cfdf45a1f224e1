"""The original document text, escaped, with each item's span marked and linked to its form."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# HTML shown to editors keeps structure and links, never scripts, styles, images or forms.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip


@dataclass(frozen=True)
class Span:
    key: int  # the item's primary key: the anchor is #item-<key>
    start: int
    end: int
    label: str  # e.g. the item's number on the page
    href: str = ""  # where its form is; "#item-<key>" by default


def highlight(text: str, spans: Iterable[Span]) -> SafeString:
    """Escaped ``text`` with ``<mark>`` around every span; overlapping spans are clipped."""
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        start, end = max(span.start, pos), min(span.end, len(text))
        if end <= start:
            continue
        out.append(escape(text[pos:start]))
        href = escape(span.href or f"#item-{span.key}")
        out.append(
            f'<mark id="span-{span.key}"><a class="span-label" href="{href}">{escape(span.label)}</a>'
            f"{escape(text[start:end])}</mark>"
        )
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece of text above is escaped


def clean_html(html: str) -> SafeString:
    """Sender HTML made safe to show: nh3 drops scripts, handlers, styles and unknown tags."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 — sanitized by nh3 just above
