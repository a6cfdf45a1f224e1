"""Puente's extraction core: text in, frozen dataclasses out. No Django, no I/O, no clock.

Public API::

    from puente.extract import extract, extract_document, read
    items = extract(text, reference=date(2017, 2, 9), timezone="America/Chicago")
    docs = read(data, name="letter.eml")          # -> list[SourceDocument]
    doc = extract_document(docs[0], reference=None)  # the e-mail's Date header is the reference
"""

from .model import KINDS, Attachment, Document, Event, Handle, Item, Segment, SourceDocument
from .pipeline import extract, extract_document
from .readers import ReadError, read

__all__ = [
    "KINDS",
    "Attachment",
    "Document",
    "Event",
    "Handle",
    "Item",
    "ReadError",
    "Segment",
    "SourceDocument",
    "extract",
    "extract_document",
    "read",
]
