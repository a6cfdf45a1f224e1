"""The language an item is written in, and the languages a resource is offered in. (Baseline.)"""

from __future__ import annotations


def detect(text: str) -> str | None:
    return None


def offered(text: str) -> tuple[str, ...]:
    return ()
