"""Dates, times and places of events. (Baseline: none; to be replaced.)"""

from __future__ import annotations

from datetime import date

from .model import Event, Segment


def events(seg: Segment, kind: str, reference: date, timezone: str, language: str | None) -> tuple[Event, ...]:
    return ()


def deadline(seg: Segment, reference: date, language: str | None) -> str | None:
    return None
