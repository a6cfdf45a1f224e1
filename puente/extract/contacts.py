"""Phones, e-mails, links and social handles. (Baseline; to be replaced.)"""

from __future__ import annotations

import re

from .model import Contacts

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def find(text: str) -> Contacts:
    return Contacts(emails=tuple(dict.fromkeys(_EMAIL.findall(text))))


def refers_to_attachment(text: str) -> bool:
    return "attached" in text.lower()
