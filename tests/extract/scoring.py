"""Score segment + classify against labelled texts with the shared scorer (../shared/eval/score.py).

The scorer is loaded from ../shared, never copied; without ../shared the callers skip (CI requires it).
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType

from puente.extract import classify, segment
from puente.extract.normalise import normalise

from .gold_files import GOLD, shared_path

PROJECT = Path(__file__).resolve().parents[1]  # tests/: our own docs/ and gold/


@cache
def scorer() -> ModuleType:
    path = shared_path("../eval/score.py")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(text: str) -> dict:
    text = normalise(text)
    items = [
        {"title": s.title, "text": s.text, "kind": classify.classify(s, None)} for s in segment.segment(text)
    ]
    return {"items": items}


def score(pairs: list[tuple[Path, Path]]) -> dict:
    """Micro-averaged items F1 and kind accuracy over (gold json, document) pairs."""
    total: dict = {}
    for gold_path, doc_path in pairs:
        text = doc_path.read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scorer().add(total, scorer().score_document(gold, predict(text), text))
    return scorer().finish(total)


def seed_pairs() -> list[tuple[Path, Path]]:
    return [(shared_path("seed-newsletters.json"), GOLD / "seed-newsletters.txt")]


def dev_pairs() -> list[tuple[Path, Path]]:
    folder = shared_path("dev")
    return [(g, folder / "docs" / f"{g.stem}.txt") for g in sorted((folder / "gold").glob("*.json"))]


def project_pairs() -> list[tuple[Path, Path]]:
    return [(g, PROJECT / "docs" / f"{g.stem}.txt") for g in sorted((PROJECT / "gold").glob("*.json"))]
