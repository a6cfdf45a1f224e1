"""The extraction pipeline: one short function calling named stages in order.

normalise → segment → classify → when/where → contacts → organizations → languages → topics
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from . import classify, contacts, languages, organizations, segment, topics, when
from .model import Document, Item, Segment, SourceDocument
from .normalise import normalise


@dataclass(frozen=True)
class Context:
    """What every stage may know about the whole document."""

    reference: date  # the send date: "tomorrow" and yearless dates resolve against it
    timezone: str  # IANA zone of the publisher
    # names the document establishes (acronym -> expansion, a name -> itself), and its capitalised
    # words and the names among them, read once for the document and all its items
    names: organizations.DocumentNames
    language: str | None  # the document's main language


def extract(text: str, reference: date, timezone: str = "America/Chicago") -> tuple[Item, ...]:
    return _extract_normalised(normalise(text), reference, timezone)


def _extract_normalised(text: str, reference: date, timezone: str) -> tuple[Item, ...]:
    segments = list(segment.segment(text))
    # Each item's language from cheap evidence first; the newsletter's language that gives then settles
    # the items whose function words lean its way, which would otherwise each cost a lingua call.
    cheap = [languages.detect(seg.text, lingua=False) for seg in segments]
    prior = _most_written(zip(cheap, (seg.text for seg in segments), strict=True))
    spoken = [found or languages.detect(seg.text, prior) for found, seg in zip(cheap, segments, strict=True)]
    ctx = Context(
        reference,
        timezone,
        organizations.read(text),
        # the language most of the document is written in; items too short to tell take it
        _most_written(zip(spoken, (seg.text for seg in segments), strict=True)) or languages.detect(text),
    )
    items: list[Item] = []
    carried, newsletter = None, None
    for seg, language in zip(segments, spoken, strict=True):
        # A day announced once ("ALL PRESS CONFERENCES APRIL 3") holds for the newsletter's next items.
        if seg.newsletter != newsletter:
            carried, newsletter = None, seg.newsletter
        item = build_item(seg, ctx, language or ctx.language, carried)
        carried = when.carried_day(item.events, carried)
        items.append(item)
    return tuple(items)


def build_item(seg: Segment, ctx: Context, language: str | None, carried=None) -> Item:
    kind = classify.classify(seg, language)
    found = contacts.find(seg.text)
    return Item(
        title=seg.title,
        text=seg.text,
        kind=kind,
        events=when.events(seg, kind, ctx.reference, ctx.timezone, language, carried=carried),
        deadline=when.deadline(seg, ctx.reference, language),
        phones=found.phones,
        emails=found.emails,
        urls=found.urls,
        handles=found.handles,
        organizations=organizations.find_within(ctx.names, seg.start, seg.end),
        languages=languages.offered(seg.text),
        language=language,
        topics=topics.find(seg.text),
        refers_to_attachment=contacts.refers_to_attachment(seg.text),
        start=seg.start,
        end=seg.end,
        newsletter=seg.newsletter,
    )


def extract_document(
    src: SourceDocument, reference: date | None = None, timezone: str = "America/Chicago"
) -> Document:
    """Extract a read document. The reference date is the caller's, else the document's own date.

    Raises ``ValueError`` when neither gives one: the core never reads the clock.
    """
    if reference is None:
        if not src.date:
            raise ValueError("no reference date: pass one, the document states none")
        reference = date.fromisoformat(src.date[:10])
    text = normalise(src.text)
    items = _extract_normalised(text, reference, timezone)
    return Document(
        text=text,
        items=items,
        source=src.source,
        date=reference.isoformat(),
        timezone=timezone,
        subject=src.subject,
        language=_most_written((item.language, item.text) for item in items),
        attachments=src.attachments,
    )


def _most_written(pairs: Iterable[tuple[str | None, str]]) -> str | None:
    """The language with the most text among (language, text) pairs, if any has one."""
    weight: dict[str, int] = {}
    for language, text in pairs:
        if language:
            weight[language] = weight.get(language, 0) + len(text)
    return max(weight, key=weight.get) if weight else None
