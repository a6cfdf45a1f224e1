"""The extraction core imports no Django and reads no clock: it runs anywhere the stdlib does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(code: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and fixed code
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True, timeout=120
    )
    return result.stdout.strip()


def test_it_does_not_import_django():
    code = (
        "import sys; import puente.extract as e; from puente.extract import html, mail, readers; "
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))"
    )
    assert run(code) == "[]"


def test_it_extracts_without_django_installed():
    # A meta-path finder that refuses Django proves no import path reaches it, even lazily.
    code = (
        "import sys\n"
        "class NoDjango:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'django' or name.startswith('django.'):\n"
        "            raise ImportError('django is forbidden in the core')\n"
        "sys.meta_path.insert(0, NoDjango())\n"
        "from datetime import date\n"
        "from puente.extract import extract, extract_document, read\n"
        "[src] = read(b'Clinic\\n\\nFree legal clinic on December 12 at 10 am.', 'x.txt')\n"
        "doc = extract_document(src, date(2026, 11, 25))\n"
        "print(len(doc.items) > 0)\n"
    )
    assert run(code) == "True"
