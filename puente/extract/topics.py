"""Topics an item is about. (Baseline; to be replaced.)"""

from __future__ import annotations


def find(text: str) -> tuple[str, ...]:
    return ()
