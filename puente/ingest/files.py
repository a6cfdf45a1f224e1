"""Walk the paths given on the command line: files, folders (recursively), .mbox files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

SKIPPED_NAMES = (".DS_Store", "Thumbs.db")


def walk(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _hidden(child.relative_to(path)):
                    yield child
        else:
            yield path


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts) or relative.name in SKIPPED_NAMES
