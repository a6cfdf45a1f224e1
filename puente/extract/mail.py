"""E-mail (.eml) and mailbox (.mbox) bytes to SourceDocuments, with the stdlib ``email`` package.

A malformed message still yields what can be read: a header that will not parse is left out, a
body part in an unknown charset is decoded as best we can. Nothing is written to disk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import parsedate_to_datetime

from .html import html_to_text
from .model import Attachment, SourceDocument

# "From " separator lines of an mbox; a line quoted as ">From " in a body is not one.
_SEPARATOR = re.compile(rb"^From [^\r\n]*\r?\n", re.M)
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.M)
# Headers that mark bytes as a message when the file name does not.
_MAIL_HEADERS = re.compile(
    rb"^(from|to|subject|date|message-id|mime-version|received|return-path|delivered-to|reply-to|cc):",
    re.I | re.M,
)
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")


def looks_like_mbox(data: bytes) -> bool:
    head = data.lstrip(b"\r\n")[:2048]
    return head.startswith(b"From ") and looks_like_message(head.split(b"\n", 1)[-1])


def looks_like_message(data: bytes) -> bool:
    """Does it open with a header block that names at least two mail headers?"""
    head = data.lstrip(b"\r\n")[:8192]
    block = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    if not _HEADER_LINE.match(block):
        return False
    return len(_MAIL_HEADERS.findall(block)) >= 2


class TooDeep(ValueError):
    """MIME parts nested beyond what the stdlib parser can follow (it recurses per level)."""


Decoder = Callable[[bytes, str | None], str]
FORWARD_RULE = "---------- Forwarded message ----------"


def read_message(data: bytes, name: str, decode: Decoder) -> SourceDocument:
    try:
        # compat32: policy.default's header objects cost ~50 ms a message, and we only need strings.
        msg = BytesParser(policy=policy.compat32).parsebytes(data)
        parts = _Parts(msg)
    except RecursionError as exc:
        raise TooDeep("its MIME parts nest too deeply to read") from exc
    body = parts.body()
    text, html = _text_of(body, decode, parts.type_of(body)) if body is not None else ("", None)
    if body is not None and parts.type_of(body) != "text/html":
        alternative = parts.first("text/html")
        html = _content(alternative, decode) if alternative is not None else None
    forwards = [
        _forwarded(part, decode)
        for part, _, content_type in parts.all
        if part is not msg and content_type == "message/rfc822"
    ]
    return SourceDocument(
        text="\n\n".join(t for t in [text.rstrip(), *forwards] if t.strip())
        + ("\n" if text or forwards else ""),
        source=_header(msg, "From") or name or None,
        date=_date(msg),
        subject=_header(msg, "Subject"),
        format="email",
        html=html,
        attachments=tuple(_attachments(parts, body)),
        message_id=(_header(msg, "Message-ID") or "").strip("<> ") or None,
    )


class _Parts:
    """A message's parts in document order, each with its content type and attachment flag read
    once: the stdlib parses a part's headers again on every ``get_content_type()``."""

    def __init__(self, root: Message) -> None:
        self.root = root
        self.all = list(_parts(root))  # (part, inside a forwarded message, content type)
        self._types = {id(part): content_type for part, _, content_type in self.all}
        self._attached: dict[int, bool] = {}

    def type_of(self, part: Message) -> str:
        return self._types[id(part)]

    def attachment(self, part: Message) -> bool:
        if id(part) not in self._attached:
            self._attached[id(part)] = _is_attachment(part)
        return self._attached[id(part)]

    def first(self, content_type: str) -> Message | None:
        for part, nested, type_ in self.all:
            if not nested and type_ == content_type and not self.attachment(part):
                return part
        return None

    def body(self) -> Message | None:
        """text/plain first, HTML otherwise; a bare message with another text type is its own body."""
        body = self.first("text/plain") or self.first("text/html")
        root = self.root
        if body is None and not root.is_multipart() and self.type_of(root).split("/")[0] == "text":
            body = root
        return body


def _parts(root: Message) -> Iterator[tuple[Message, bool, str]]:
    """Every part in document order with its content type, flagged when it sits inside a
    forwarded message.

    An explicit stack rather than ``Message.walk`` (recursive), so depth costs no stack frames.
    """
    stack: list[tuple[Message, bool]] = [(root, False)]
    while stack:
        part, nested = stack.pop()
        content_type = part.get_content_type()
        yield part, nested, content_type
        children = part.get_payload() if part.is_multipart() else None
        if isinstance(children, list):
            inside = nested or (part is not root and content_type == "message/rfc822")
            stack.extend((child, inside) for child in reversed(children) if isinstance(child, Message))


def _text_of(body: Message, decode: Decoder, content_type: str) -> tuple[str, str | None]:
    """(text, html) of a body part: HTML is turned into text and kept beside it."""
    content = _content(body, decode)
    if content_type == "text/html":
        return html_to_text(content)[0], content
    return content, None


def _forwarded(part: Message, decode: Decoder) -> str:
    """A forwarded message as a mail client shows it inline: a rule, its headers, its body."""
    inner = part.get_payload()
    inner = inner[0] if isinstance(inner, list) and inner else None
    if not isinstance(inner, Message):
        return ""
    parts = _Parts(inner)
    body = parts.body()
    text = _text_of(body, decode, parts.type_of(body))[0].strip() if body is not None else ""
    headers = [f"{k}: {v}" for k in ("From", "Date", "Subject") if (v := _header(inner, k))]
    return "\n".join([FORWARD_RULE, *headers, "", text])


def split_mbox(data: bytes) -> Iterator[bytes]:
    """Each message of an mbox (mboxo or mboxrd), with its ">From " quoting undone."""
    starts = [m.start() for m in _SEPARATOR.finditer(data) if _opens_message(data, m.start())]
    ends = [*starts[1:], len(data)] if starts else []
    for begin, end in zip(starts, ends, strict=True):
        chunk = data[begin:end]
        chunk = chunk[chunk.index(b"\n") + 1 :]
        yield _QUOTED_FROM.sub(rb"\1", chunk)


def _opens_message(data: bytes, at: int) -> bool:
    # A separator starts the file or follows a blank line; a body line "From here..." does not.
    return at == 0 or data[max(0, at - 2) : at] == b"\n\n" or data[max(0, at - 4) : at] == b"\r\n\r\n"


def _header(msg: Message, name: str) -> str | None:
    raw = msg.get(name)
    if raw is None:
        return None
    value = str(raw)
    if "=?" not in value:
        return " ".join(value.split()) or None  # no encoded word: decoding would give it back as is
    try:
        value = str(make_header(decode_header(value)))
    except (ValueError, TypeError, LookupError, UnicodeError, HeaderParseError):
        value = str(raw)  # an encoded word that will not decode: keep it as written
    return " ".join(value.split()) or None


def _date(msg: Message) -> str | None:
    raw = _header(msg, "Date")
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (ValueError, TypeError, IndexError, OverflowError):
        return None


def _is_attachment(part: Message) -> bool:
    return part.get_content_disposition() == "attachment" or bool(_filename(part))


def _content(part: Message, decode: Decoder) -> str:
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return decode(payload, part.get_content_charset())
    return str(part.get_payload() or "")


def _attachments(parts: _Parts, body: Message | None) -> Iterator[Attachment]:
    for part, _, content_type in parts.all:
        if part is body or part.is_multipart():
            continue
        if content_type.split("/")[0] == "text" and not parts.attachment(part):
            continue  # the other alternative of a body, not a file
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        yield Attachment(
            filename=_filename(part) or "attachment",
            content_type=content_type,
            size=len(data),
            data=data,
        )


def _filename(part: Message) -> str | None:
    try:
        raw = part.get_filename()
    except (ValueError, TypeError, IndexError, AttributeError, LookupError):
        return None
    if not raw:
        return None
    try:
        return str(make_header(decode_header(raw)))
    except (ValueError, TypeError, LookupError, UnicodeError, HeaderParseError):
        return raw
