"""Split a document into items. (Baseline: blank-line paragraphs; to be replaced.)"""

from __future__ import annotations

import re

from .model import Segment

_PARA = re.compile(r"\S(?:.|\n(?!\s*\n))*")


def segment(text: str) -> list[Segment]:
    out = []
    for m in _PARA.finditer(text):
        body = m.group(0).strip()
        out.append(Segment(title=body.split("\n", 1)[0][:120], text=body, start=m.start(), end=m.end()))
    return out
