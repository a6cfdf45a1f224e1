"""`puente extract` as a person or a script runs it: a real subprocess on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def puente(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "puente.cli", "extract", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env=env,
    )


def test_it_prints_one_document_as_json():
    out = puente(str(SAMPLES / "casa-luz-weekly-2026-11-23.txt"), "--date", "2026-11-23")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["date"] == "2026-11-23" and doc["timezone"] == "America/Chicago"
    assert doc["items"] and {"title", "text", "kind", "events", "span"} <= set(doc["items"][0])


def test_it_uses_the_email_date_as_the_reference():
    out = puente(str(SAMPLES / "peachtree-immigrant-alliance-2026-11-30.eml"))
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["date"] == "2026-11-30"
    assert doc["subject"].startswith("Monthly Update")
    assert doc["attachments"] == [
        {"filename": "lobby-day-2027-flyer.pdf", "content_type": "application/pdf", "size": 17054}
    ]


def test_it_lists_several_documents_from_several_files_and_an_mbox():
    out = puente(
        str(SAMPLES / "polonia-razem-biuletyn-2026-12.txt"),
        str(SAMPLES / "partner-newsletters-2026-12.mbox"),
        "--date",
        "2026-12-02",
    )
    assert out.returncode == 0, out.stderr
    docs = json.loads(out.stdout)["documents"]
    assert len(docs) == 4
    assert docs[1]["source"] == "Puget Sound Welcome Coalition <roundup@pswelcome.example.org>"


def test_it_prints_a_readable_summary_as_text():
    out = puente(
        str(SAMPLES / "northstar-refugee-bulletin-2026-12.html"), "--date", "2026-12-01", "--format", "text"
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("== northstar-refugee-bulletin-2026-12.html — ")
    assert "   subject: NorthStar Refugee Partnership — Member Bulletin, December 2026" in lines
    assert any(line.lstrip().startswith("1. [") for line in lines)
    assert "{" not in out.stdout  # not JSON


def test_it_fails_in_one_line_on_a_missing_file():
    out = puente("no-such-newsletter.txt")
    assert out.returncode != 0
    assert out.stderr.strip() == "puente extract: no-such-newsletter.txt: No such file or directory"
    assert out.stdout == ""


def test_it_fails_in_one_line_on_binary_input(tmp_path):
    junk = tmp_path / "flyer.txt"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    out = puente(str(junk))
    assert out.returncode != 0
    assert out.stderr.count("\n") == 1 and "flyer.txt is not text" in out.stderr


def test_it_fails_in_one_line_on_oversized_input(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    out = puente(str(big), "--max-bytes", "100")
    assert out.returncode != 0
    assert out.stderr.strip() == f"puente extract: {big} is 500 bytes; the limit is 100"
