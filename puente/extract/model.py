"""What extraction produces: frozen dataclasses, each with ``to_dict()`` matching the CLI's JSON."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = (
    "news",
    "event",
    "action",
    "resource",
    "service",
    "job",
    "opportunity",
    "statement",
    "press",
    "fundraiser",
)


@dataclass(frozen=True)
class Segment:
    """A stretch of the document that the segmenter believes is one item.

    ``start``/``end`` are character offsets into the normalised document text; ``text`` is
    ``document[start:end]`` (stripped), i.e. the item's words as they stand, heading included.
    """

    title: str
    text: str
    start: int
    end: int
    newsletter: int = 0


@dataclass(frozen=True)
class Event:
    start: str | None  # local ISO "YYYY-MM-DDTHH:MM" or "YYYY-MM-DD"
    end: str | None = None
    location: str | None = None
    online: bool = False
    timezone: str | None = None  # IANA zone the times are in (the stated one, else the document's)

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "location": self.location,
            "online": self.online,
            "timezone": self.timezone,
        }


@dataclass(frozen=True)
class Handle:
    """A social-media handle such as @ChicagoPD_Vivo, with its network when the text names it."""

    handle: str
    network: str | None = None

    def to_dict(self) -> dict:
        return {"handle": self.handle, "network": self.network}


@dataclass(frozen=True)
class Contacts:
    phones: tuple[str, ...] = ()  # E.164
    emails: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    handles: tuple[Handle, ...] = ()


@dataclass(frozen=True)
class Item:
    title: str
    text: str
    kind: str
    events: tuple[Event, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()  # languages a resource is offered in (ISO 639-1)
    language: str | None = None  # the language the item is written in (ISO 639-1)
    handles: tuple[Handle, ...] = ()
    topics: tuple[str, ...] = ()
    refers_to_attachment: bool = False
    deadline: str | None = None  # last day to act ("through tomorrow", "apply by March 3"); not an event
    start: int = 0  # span in the document text
    end: int = 0
    newsletter: int = 0

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "text": self.text,
            "kind": self.kind,
            "events": [e.to_dict() for e in self.events],
            "phones": list(self.phones),
            "emails": list(self.emails),
            "urls": list(self.urls),
            "organizations": list(self.organizations),
            "languages": list(self.languages),
            "language": self.language,
            "handles": [h.to_dict() for h in self.handles],
            "topics": list(self.topics),
            "refers_to_attachment": self.refers_to_attachment,
            "deadline": self.deadline,
            "span": [self.start, self.end],
            "newsletter": self.newsletter,
        }


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    size: int
    data: bytes = field(default=b"", repr=False, compare=False)

    def to_dict(self) -> dict:
        return {"filename": self.filename, "content_type": self.content_type, "size": self.size}


@dataclass(frozen=True)
class SourceDocument:
    """A document as read from a file or message, before extraction: text plus what we know of it."""

    text: str
    source: str | None = None  # sender, feed or file name
    date: str | None = None  # ISO date it was sent, when the container says (e-mail Date header)
    subject: str | None = None
    format: str = "text"  # text | html | email
    html: str | None = None
    attachments: tuple[Attachment, ...] = ()
    message_id: str | None = None


@dataclass(frozen=True)
class Document:
    """A document after extraction."""

    text: str
    items: tuple[Item, ...]
    source: str | None = None
    date: str | None = None  # reference date used (ISO)
    timezone: str | None = None
    subject: str | None = None
    language: str | None = None
    attachments: tuple[Attachment, ...] = ()

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "date": self.date,
            "timezone": self.timezone,
            "subject": self.subject,
            "language": self.language,
            "attachments": [a.to_dict() for a in self.attachments],
            "items": [i.to_dict() for i in self.items],
        }
