"""Quality gate: extraction scores on labelled newsletters must not fall below tests/eval_floors.json.

Three corpora are extracted in-process and scored with ../shared/eval/score.py:
  seed  ../shared/gold/seed-newsletters (skipped when ../shared is absent, unless CI=true)
  dev   ../shared/gold/dev               (likewise)
  own   tests/docs + tests/gold          (always)
When ../shared is absent the official scorer is too, so "own" is also scored by the small scorer
below ("own-minimal": facts as multisets, items by where they start); it never replaces score.py.

Floors only rise: a test compares the file with git HEAD's version and fails if any floor went down
or disappeared. To see today's figures:  .venv/bin/python tests/test_eval_gate.py
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = ROOT / "tests" / "eval_floors.json"
OWN_DOCS, OWN_GOLD = ROOT / "tests" / "docs", ROOT / "tests" / "gold"
FIELDS = ("datetime", "date", "phones", "emails", "urls", "organizations", "languages")


# -- corpora ----------------------------------------------------------------------------------------


def shared_or_skip() -> Path:
    if not SHARED.exists():
        if os.environ.get("CI") == "true":
            raise AssertionError(f"{SHARED} is required in CI")
        pytest.skip("../shared is absent: seed/dev gold and score.py unavailable")
    return SHARED


def load_scorer() -> ModuleType:
    path = shared_or_skip() / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("puente_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus(name: str) -> list[tuple[dict, str]]:
    """(gold, document text) pairs of a corpus."""
    if name == "seed":
        gold_dir = shared_or_skip() / "gold"
        pairs = [(gold_dir / "seed-newsletters.json", gold_dir)]
    elif name == "dev":
        dev = shared_or_skip() / "gold" / "dev"
        pairs = [(g, dev / "docs") for g in sorted((dev / "gold").glob("*.json"))]
    else:
        pairs = [(g, OWN_DOCS) for g in sorted(OWN_GOLD.glob("*.json"))]
    out = []
    for gold_path, doc_dir in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append((gold, (doc_dir / gold["document"]).read_text(encoding="utf-8")))
    return out


def predict(gold: dict, text: str) -> dict:
    from puente.extract import SourceDocument, extract_document

    reference = date.fromisoformat(gold["reference_date"])
    doc = extract_document(SourceDocument(text=text), reference, gold.get("timezone", "America/Chicago"))
    return doc.to_dict()


# -- figures ----------------------------------------------------------------------------------------


def official_figures(scorer: ModuleType, docs: list[tuple[dict, str]]) -> dict[str, float]:
    total: dict = {}
    for gold, text in docs:
        scorer.add(total, scorer.score_document(gold, predict(gold, text), text))
    scores = scorer.finish(total)
    figures = {"items_f1": scores["items"]["f1"], "kind_accuracy": scores["kind"]["accuracy"]}
    figures |= {f"{key}_f1": scores[key]["f1"] for key in FIELDS}
    return {k: round(v, 3) for k, v in figures.items()}


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").replace("’", "'")
    return re.sub(r"[\s•·●▪‣◦]+", " ", s).strip().casefold()


def _facts(items: list[dict]) -> dict[str, Counter]:
    out = {key: Counter() for key in FIELDS}
    for it in items:
        for ev in it.get("events") or []:
            out["datetime"][str(ev.get("start"))[:16]] += 1
            out["date"][str(ev.get("start"))[:10]] += 1
        out["phones"].update("".join(re.findall(r"\d", p))[-10:] for p in it.get("phones") or [])
        out["emails"].update(_norm(e) for e in it.get("emails") or [])
        out["urls"].update(
            re.sub(r"^https?://(www\.)?", "", _norm(u)).rstrip("/.") for u in it.get("urls") or []
        )
        out["organizations"].update(
            {re.sub(r"^the |[^\w ]", "", _norm(o)) for o in it.get("organizations") or []}
        )
        out["languages"].update({_norm(x)[:2] for x in it.get("languages") or []})
    for key in ("organizations", "languages"):  # sets per document
        out[key] = Counter(set(out[key]))
    return out


def _item_starts(text: str, gold: dict, pred: dict) -> tuple[int, int, int]:
    """(gold items found, predicted items, gold items): a gold item is found when a predicted item's
    first words are the gold first words, or its heading stands within the gold item's heading."""
    doc = _norm(text)
    starts = {doc.find(_norm(it["text"])[:40]) for it in pred["items"] if it.get("text")}
    titles = {doc.find(_norm(it["title"])[:40]) for it in pred["items"] if it.get("title")}
    found = 0
    for it in gold["items"]:
        at = doc.find(_norm(it["starts_with"])[:40])
        heading = doc.rfind(_norm(it["title"])[:40], max(0, at - 300), at + 1) if it.get("title") else -1
        lo = min(at, heading) if heading >= 0 else at
        found += any(lo - 3 <= s <= at + 3 for s in starts | titles if s >= 0)
    return found, len(pred["items"]), len(gold["items"])


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    if not n_pred and not n_gold:
        return 1.0
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def minimal_figures(docs: list[tuple[dict, str]]) -> dict[str, float]:
    counts = {key: [0, 0, 0] for key in ("items", *FIELDS)}
    for gold, text in docs:
        pred = predict(gold, text)
        found = {"items": _item_starts(text, gold, pred)}
        g, p = _facts(gold["items"]), _facts(pred["items"])
        for key in FIELDS:
            found[key] = (sum((g[key] & p[key]).values()), sum(p[key].values()), sum(g[key].values()))
        for key, n in found.items():
            counts[key] = [a + b for a, b in zip(counts[key], n, strict=True)]
    return {f"{key}_f1": round(_f1(*n), 3) for key, n in counts.items()}


def figures_for(name: str) -> dict[str, float]:
    if name == "own-minimal":
        return minimal_figures(corpus("own"))
    return official_figures(load_scorer(), corpus(name))


# -- the gate ---------------------------------------------------------------------------------------


def below_floor(figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    return [
        f"{key}: {figures.get(key)} < floor {floor}"
        for key, floor in floors.items()
        if figures.get(key) is None or figures[key] < floor
    ]


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("seed", marks=pytest.mark.shared),
        pytest.param("dev", marks=pytest.mark.shared),
        pytest.param("own", marks=pytest.mark.shared),  # scored by ../shared/eval/score.py
        "own-minimal",
    ],
)
def test_it_keeps_every_score_at_or_above_its_floor(name):
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))[name]
    failures = below_floor(figures_for(name), floors)
    assert not failures, f"{name} scores fell below their floors:\n  " + "\n  ".join(failures)


def test_it_flags_a_figure_below_its_floor():
    assert below_floor({"items_f1": 0.5, "urls_f1": 0.9}, {"items_f1": 0.6, "urls_f1": 0.9, "kind": 0.1}) == [
        "items_f1: 0.5 < floor 0.6",
        "kind: None < floor 0.1",
    ]


def test_it_scores_perfect_predictions_perfectly_with_the_minimal_scorer(monkeypatch):
    gold, text = corpus("own")[0]
    perfect = {"items": [dict(it, text=it["starts_with"]) for it in gold["items"]]}
    monkeypatch.setattr(sys.modules[__name__], "predict", lambda g, t: perfect)
    assert set(minimal_figures([(gold, text)]).values()) == {1.0}


def lowered_floors(head: dict, now: dict) -> list[str]:
    out = []
    for corpus_name, floors in head.items():
        for key, floor in floors.items():
            current = now.get(corpus_name, {}).get(key)
            if current is None or current < floor:
                out.append(f"{corpus_name}.{key}: {floor} -> {current}")
    return out


def test_it_never_lowers_a_floor_below_git_head():
    try:
        shown = subprocess.run(  # noqa: S603 - fixed git arguments
            ["git", "show", "HEAD:tests/eval_floors.json"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except OSError:
        pytest.skip("git is not available")
    if shown.returncode != 0:
        pytest.skip("tests/eval_floors.json is not in git HEAD yet")
    now = json.loads(FLOORS.read_text(encoding="utf-8"))
    lowered = lowered_floors(json.loads(shown.stdout), now)
    assert not lowered, "floors may only rise; lowered or removed: " + ", ".join(lowered)


def test_it_detects_a_lowered_or_removed_floor():
    head = {"own": {"items_f1": 0.6, "urls_f1": 0.9}}
    assert lowered_floors(head, {"own": {"items_f1": 0.59}}) == [
        "own.items_f1: 0.6 -> 0.59",
        "own.urls_f1: 0.9 -> None",
    ]
    assert lowered_floors(head, {"own": {"items_f1": 0.7, "urls_f1": 0.9}}) == []


if __name__ == "__main__":
    names = ["own", "own-minimal"] + (["seed", "dev"] if SHARED.exists() else [])
    print(json.dumps({n: figures_for(n) for n in names}, indent=1))
