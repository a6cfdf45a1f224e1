"""Reading ../shared's labelled texts from tests: skipped when absent, required when CI=true."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold"


def shared_path(relative: str) -> Path:
    path = GOLD / relative
    if not path.exists():
        if os.environ.get("CI") == "true":
            raise AssertionError(f"{path} is required in CI")
        pytest.skip("../shared is absent")
    return path


def shared_text(relative: str) -> str:
    return shared_path(relative).read_text(encoding="utf-8")


def shared_json(relative: str) -> dict:
    return json.loads(shared_text(relative))
