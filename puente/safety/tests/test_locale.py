"""Every string of the safety app is translated into the five other interface languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[1] / "locale"


@pytest.mark.parametrize("language", ["es", "hi", "zh_Hans", "ar", "pl"])
def test_it_has_every_msgstr_filled_and_compiled(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    entries = po.read_text(encoding="utf-8").split("\n\n")[1:]  # the first is the header
    assert len(entries) > 100
    empty = [
        e for e in entries if re.search(r'^msgstr ""$', e, re.M) and not re.search(r'^msgstr ""\n"', e, re.M)
    ]
    assert empty == []
    assert "#, fuzzy" not in po.read_text(encoding="utf-8")
    assert po.with_suffix(".mo").stat().st_mtime >= po.stat().st_mtime - 1
