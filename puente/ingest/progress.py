"""A progress bar for bulk runs: plain text on stderr, readable in a terminal and in a log file."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    """Redraws one line in a terminal; without a TTY prints a line every tenth of the way."""

    WIDTH = 30

    def __init__(self, total: int, label: str = "", stream: TextIO | None = None) -> None:
        self.total = max(total, 1)
        self.label = label
        self.stream = stream or sys.stderr
        self.done = 0
        self.tty = self.stream.isatty()
        self._last_tenth = -1

    def advance(self, note: str = "") -> None:
        self.done += 1
        tenth = self.done * 10 // self.total
        if self.tty:
            self.stream.write("\r" + self.render(note)[:120].ljust(120))
        elif tenth != self._last_tenth or self.done == self.total:
            self.stream.write(self.render(note) + "\n")
        self._last_tenth = tenth
        self.stream.flush()

    def render(self, note: str = "") -> str:
        filled = self.WIDTH * self.done // self.total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        return f"{self.label}[{bar}] {self.done}/{self.total} {note}".rstrip()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
