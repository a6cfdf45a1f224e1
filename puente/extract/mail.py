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
        parts = list(_parts(msg))
    except RecursionError as exc:
        raise TooDeep("its MIME parts nest too deeply to read") from exc
    body = _body(msg)
    text, html = _text_of(body, decode) if body is not None else ("", None)
    if body is not None and body.get_content_type() != "text/html":
        alternative = _first_part(msg, "text/html")
        html = _content(alternative, decode) if alternative is not None else None
    forwards = [
        _forwarded(part, decode)
        for part, _ in parts
        if part is not msg and part.get_content_type() == "message/rfc822"
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


def _parts(root: Message) -> Iterator[tuple[Message, bool]]:
    """Every part in document order, flagged when it sits inside a forwarded message.

    An explicit stack rather than ``Message.walk`` (recursive), so depth costs no stack frames.
    """
    stack: list[tuple[Message, bool]] = [(root, False)]
    while stack:
        part, nested = stack.pop()
        yield part, nested
        children = part.get_payload() if part.is_multipart() else None
        if isinstance(children, list):
            inside = nested or (part is not root and part.get_content_type() == "message/rfc822")
            stack.extend((child, inside) for child in reversed(children) if isinstance(child, Message))


def _text_of(body: Message, decode: Decoder) -> tuple[str, str | None]:
    """(text, html) of a body part: HTML is turned into text and kept beside it."""
    content = _content(body, decode)
    if body.get_content_type() == "text/html":
        return html_to_text(content)[0], content
    return content, None


def _forwarded(part: Message, decode: Decoder) -> str:
    """A forwarded message as a mail client shows it inline: a rule, its headers, its body."""
    inner = part.get_payload()
    inner = inner[0] if isinstance(inner, list) and inner else None
    if not isinstance(inner, Message):
        return ""
    body = _body(inner)
    text = _text_of(body, decode)[0].strip() if body is not None else ""
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
    try:
        value = str(make_header(decode_header(str(raw))))
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


def _first_part(msg: Message, content_type: str) -> Message | None:
    for part, nested in _parts(msg):
        if not nested and part.get_content_type() == content_type and not _is_attachment(part):
            return part
    return None


def _body(msg: Message) -> Message | None:
    """text/plain first, HTML otherwise; a bare message with another text type is its own body."""
    body = _first_part(msg, "text/plain") or _first_part(msg, "text/html")
    if body is None and not msg.is_multipart() and msg.get_content_maintype() == "text":
        body = msg
    return body


def _content(part: Message, decode: Decoder) -> str:
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return decode(payload, part.get_content_charset())
    return str(part.get_payload() or "")


def _attachments(parts: list[tuple[Message, bool]], body: Message | None) -> Iterator[Attachment]:
    for part, _ in parts:
        if part is body or part.is_multipart():
            continue
        if part.get_content_maintype() == "text" and not _is_attachment(part):
            continue  # the other alternative of a body, not a file
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        yield Attachment(
            filename=_filename(part) or "attachment",
            content_type=part.get_content_type(),
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
