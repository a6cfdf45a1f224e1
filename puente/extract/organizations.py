"""Organization names, with acronyms expanded from the text. (Baseline; to be replaced.)"""

from __future__ import annotations


def acronyms(text: str) -> dict[str, str]:
    return {}


def find(text: str, acronyms: dict[str, str]) -> tuple[str, ...]:
    return ()
