"""Every message Puente sends, in one place (like healthchecks' hc/lib/emails.py).

Each kind has ``emails/<kind>-subject.txt``, ``emails/<kind>-body.txt`` and ``emails/<kind>-body.html``,
rendered in the reader's language. Messages to subscribers carry RFC 8058 one-click unsubscribe
headers and a visible link. With DKIM settings present every message is signed.
"""

from __future__ import annotations

import binascii
import uuid
from email.header import Header
from email.utils import formataddr, formatdate, make_msgid, parseaddr
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import tokens


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def url_in(language: str, name: str, *args) -> str:
    with translation.override(language):
        return absolute(reverse(name, args=args))


def render(kind: str, context: dict, language: str) -> tuple[str, str, str]:
    """Subject, text and HTML of one kind of message, in one language."""
    with translation.override(language):
        context = {
            **context,
            "SITE_NAME": settings.SITE_NAME,
            "SITE_URL": settings.SITE_URL,
            "LANGUAGE_CODE": translation.get_language(),
            "TEXT_DIR": "rtl" if translation.get_language_bidi() else "ltr",
        }
        subject = " ".join(render_to_string(f"emails/{kind}-subject.txt", context).split())
        text = render_to_string(f"emails/{kind}-body.txt", context)
        html = render_to_string(f"emails/{kind}-body.html", context)
    return subject, text, html


def assemble(to: str, rendered: tuple[str, str, str], headers: dict | None = None):
    subject, text, html = rendered
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    headers = {"Message-ID": make_msgid(domain=domain), "Auto-Submitted": "auto-generated", **(headers or {})}
    if to.isascii():
        return PreparedMessage(to, subject, text, html, headers)
    message = SignedMessage(subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers)
    message.attach_alternative(html, "text/html")
    return message


class PreparedMessage:
    """A text + HTML message whose MIME bytes are assembled directly.

    The standard library's email serializer costs ~5 ms of CPU per digest, most of a large send;
    quoted-printable from ``binascii`` and a fixed layout cost a tenth of that. It quacks like
    Django's EmailMessage for the SMTP backend (``recipients``, ``from_email``, ``message``) and for
    the locmem backend (``subject``, ``body``, ``alternatives``). Non-ASCII recipients take Django's
    ordinary path instead.
    """

    def __init__(self, to: str, subject: str, text: str, html: str, headers: dict):
        self.to, self.from_email, self.subject, self.body = [to], settings.DEFAULT_FROM_EMAIL, subject, text
        self.alternatives = [(html, "text/html")]
        self.extra_headers = headers

    def recipients(self) -> list[str]:
        return self.to

    def message(self, *, policy=None):
        return _Prepared(self.as_bytes())

    def send(self) -> int:
        from django.core.mail import mailers

        return mailers.default.send_messages([self])

    def as_bytes(self) -> bytes:
        boundary = f"=={uuid.uuid4().hex}=="
        lines = [
            f"From: {_from_header()}",
            f"To: {self.to[0]}",
            f"Subject: {_subject_header(self.subject)}",
            f"Date: {formatdate(localtime=False, usegmt=True)}",
            "MIME-Version: 1.0",
            *(f"{name}: {value}" for name, value in self.extra_headers.items()),
            f'Content-Type: multipart/alternative; boundary="{boundary}"',
            "",
        ]
        data = "\r\n".join(lines).encode("ascii") + b"\r\n"
        for body, kind in ((self.body, "plain"), (self.alternatives[0][0], "html")):
            data += f'--{boundary}\r\nContent-Type: text/{kind}; charset="utf-8"\r\n'.encode()
            data += b"Content-Transfer-Encoding: quoted-printable\r\n\r\n" + _qp(body) + b"\r\n"
        data += f"--{boundary}--\r\n".encode()
        key = dkim_key()
        return sign(data, key) + data if key else data


class _Prepared:
    def __init__(self, data: bytes):
        self._data = data

    def as_bytes(self, *args, **kwargs) -> bytes:
        return self._data


def _qp(text: str) -> bytes:
    crlf = text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")
    return binascii.b2a_qp(crlf, quotetabs=False, istext=True, header=False)


@lru_cache(maxsize=1024)
def _subject_header(subject: str) -> str:
    if subject.isascii() and len(subject) < 900:
        return subject
    return Header(subject, "utf-8").encode(linesep="\r\n")


@lru_cache(maxsize=8)
def _from_header_for(value: str) -> str:
    name, address = parseaddr(value)
    return formataddr((name, address), charset="utf-8")


def _from_header() -> str:
    return _from_header_for(settings.DEFAULT_FROM_EMAIL)


def build(kind: str, to: str, context: dict, language: str, headers: dict | None = None):
    """Render one kind of message for one reader, in their language."""
    return assemble(to, render(kind, context, language), headers)


def subscriber_links(subscriber) -> dict:
    unsubscribe = tokens.make_subscriber_token(subscriber, tokens.UNSUBSCRIBE_SALT)
    manage = tokens.make_subscriber_token(subscriber)
    return {
        "manage_url": f"{_prefix(subscriber.language, 'digests:manage')}{manage}/",
        "unsubscribe_url": f"{_prefix(subscriber.language, 'digests:unsubscribe')}{unsubscribe}/",
        "unsubscribe_token": unsubscribe,
    }


@lru_cache(maxsize=64)
def _prefix(language: str, name: str) -> str:
    """The link up to the token: reversing once per language saves much of a large send's time."""
    return url_in(language, name, "TOKEN").removesuffix("TOKEN/")


def list_headers(links: dict) -> dict:
    """RFC 2369 / RFC 8058: mail clients show an unsubscribe button that POSTs to our link."""
    mailto = getattr(settings, "DIGESTS_UNSUBSCRIBE_MAILTO", "") or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    subject = quote(f"unsubscribe {links['unsubscribe_token']}")
    return {
        "List-Unsubscribe": f"<{links['unsubscribe_url']}>, <mailto:{mailto}?subject={subject}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"{settings.SITE_NAME} <digests.{parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition('@')[2]}>",
    }


def _for_subscriber(kind: str, subscriber, context: dict):
    links = subscriber_links(subscriber)
    return build(kind, subscriber.email, {**context, **links}, subscriber.language, list_headers(links))


def confirm(email: str, language: str, topics: list[str], rhythm: str):
    token = tokens.make_confirm_token(email, topics, language, rhythm)
    context = {
        "confirm_url": url_in(language, "digests:confirm", token),
        "hours": tokens.confirm_max_age() // 3600,
    }
    return build("confirm", email, context, language)


def already_subscribed(subscriber):
    return _for_subscriber("already", subscriber, {})


# Stand-ins for the personal links while a digest shared by many readers is rendered once.
MANAGE_MARK, UNSUBSCRIBE_MARK = "puente-manage-link-7f3a9c", "puente-unsubscribe-link-7f3a9c"


def digest(subscriber, entries: list | None, since, renders: dict | None = None, key=None) -> object:
    """``entries`` are (item, Localized, link) triples, newest first.

    Readers with the same language, topics and "since" get the same digest but for their links:
    with a ``renders`` cache it is rendered once per such group (``entries`` may then be None
    for a key already rendered) and the personal links are put in afterwards.
    """
    if renders is None:
        return _for_subscriber("digest", subscriber, {"entries": entries, "since": since})
    links = subscriber_links(subscriber)
    if key not in renders:
        marks = {"manage_url": MANAGE_MARK, "unsubscribe_url": UNSUBSCRIBE_MARK}
        renders[key] = render("digest", {"entries": entries, "since": since, **marks}, subscriber.language)
    rendered = tuple(
        part.replace(MANAGE_MARK, links["manage_url"]).replace(UNSUBSCRIBE_MARK, links["unsubscribe_url"])
        for part in renders[key]
    )
    return assemble(subscriber.email, rendered, list_headers(links))


def alert(subscriber, item, text) -> object:
    context = {"item": item, "text": text, "url": item_url(item, subscriber.language)}
    return _for_subscriber("alert", subscriber, context)


def reminder_confirm(email: str, event, language: str, text) -> object:
    token = tokens.make_reminder_token(email, event.uid, language)
    context = {
        "event": event,
        "text": text,
        "confirm_url": url_in(language, "digests:reminder_confirm", token),
    }
    return build("reminder-confirm", email, context, language)


def reminder(reminder, text) -> object:
    context = {
        "event": reminder.event,
        "text": text,
        "item_url": item_url(reminder.event.item, reminder.language),
    }
    return build("reminder", reminder.email, context, reminder.language)


def item_url(item, language: str) -> str:
    """The public page of an item when the public site names one, else the site's home."""
    from django.urls import NoReverseMatch

    try:
        return url_in(language, "public:item", item.uuid)
    except NoReverseMatch:
        return f"{settings.SITE_URL}/{language}/"


# --- DKIM ---


class SignedMessage(EmailMultiAlternatives):
    """A message whose serialized bytes carry a DKIM-Signature when the site has a key."""

    def message(self, *, policy=None):
        import email.policy

        msg = super().message(policy=policy or email.policy.default)
        key = dkim_key()
        return _Signed(msg, key) if key else msg


class _Signed:
    """Wraps the stdlib message so the bytes the SMTP backend sends are exactly the bytes signed."""

    def __init__(self, msg, key: bytes):
        self._msg, self._key = msg, key

    def __getattr__(self, name):
        return getattr(self._msg, name)

    def as_bytes(self, *args, **kwargs) -> bytes:
        data = self._msg.as_bytes(*args, **kwargs)
        return sign(data, self._key) + data


def sign(data: bytes, key: bytes) -> bytes:
    import dkim

    headers = [
        b"from",
        b"to",
        b"subject",
        b"date",
        b"message-id",
        b"list-unsubscribe",
        b"list-unsubscribe-post",
    ]
    present = [h for h in headers if h + b":" in data.lower().split(b"\r\n\r\n", 1)[0] or h == b"from"]
    return dkim.sign(
        data,
        settings.DKIM_SELECTOR.encode(),
        settings.DKIM_DOMAIN.encode(),
        key,
        canonicalize=(b"relaxed", b"relaxed"),
        include_headers=present,
    )


def dkim_key() -> bytes | None:
    if not (settings.DKIM_KEY_FILE and settings.DKIM_SELECTOR and settings.DKIM_DOMAIN):
        return None
    return _read_key(settings.DKIM_KEY_FILE)


@lru_cache(maxsize=4)
def _read_key(path: str) -> bytes:
    return Path(path).read_bytes()
