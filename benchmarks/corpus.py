"""A deterministic corpus of newsletters for benchmarks, recombined from Puente's own samples.

    python -m benchmarks.corpus --count 1000 --out benchmarks/out/corpus   # write the files

Blocks (paragraphs, headed sections, bullets) of the labelled test newsletters and the samples are
shuffled into new issues with fresh mastheads, organization names, dates and phone numbers; a fifth
are wrapped as HTML and a fifth as e-mail, so the readers are exercised too. Same seed, same corpus.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from pathlib import Path

from puente.extract import read

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((ROOT / "tests" / "docs").glob("*.txt")), *sorted((ROOT / "samples").iterdir())]
MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}
ORG_WORDS = ["Unity", "Horizon", "Puentes", "Esperanza", "Harbor", "Cedar", "Nueva Vida", "Lakeside", "Ceiba"]
ORG_KINDS = [
    "Immigrant Center",
    "Refugee Alliance",
    "Centro Comunitario",
    "Workers' Project",
    "Family Network",
]
CITIES = [
    "Chicago, IL",
    "Houston, TX",
    "Denver, CO",
    "Newark, NJ",
    "Phoenix, AZ",
    "Seattle, WA",
    "Atlanta, GA",
]


@dataclass(frozen=True)
class Newsletter:
    name: str
    data: bytes
    language: str
    reference: date


def blocks_by_language() -> dict[str, list[str]]:
    """Every blank-line block of every source, with the language the source is written in."""
    pools: dict[str, list[str]] = {"en": [], "es": []}
    for path in SOURCES:
        for doc in read(path.read_bytes(), path.name):
            if re.search(r"\b(się|dla|oraz|naszą)\b", doc.text):
                continue  # Polish: too few blocks for a pool of its own
            spanish = len(re.findall(r"\b(?:de|para|nuestra|las|los|el)\b", doc.text))
            lang = "es" if spanish > len(re.findall(r"\b(?:the|and|to|of)\b", doc.text)) else "en"
            pools[lang].extend(b.strip() for b in re.split(r"\n\s*\n", doc.text) if len(b.strip()) > 40)
    return pools


def vary(block: str, rng: random.Random, lang: str) -> str:
    """Fresh days, months and phone numbers, so no two issues repeat the same facts."""
    months = MONTHS[lang]

    def month(m: re.Match) -> str:
        return (
            f"{rng.choice(months)} {rng.randint(1, 28)}"
            if lang == "en"
            else f"{rng.randint(1, 28)} de {rng.choice(months)}"
        )

    pattern = (r"\b(?:%s) \d{1,2}\b" if lang == "en" else r"\b\d{1,2} de (?:%s)\b") % "|".join(
        m.capitalize() if lang == "en" else m for m in months
    )
    block = re.sub(pattern, month, block)
    return re.sub(r"555-01\d\d", lambda _: f"555-01{rng.randint(0, 99):02d}", block)


def compose(n: int, rng: random.Random, pools: dict[str, list[str]]) -> Newsletter:
    lang = "es" if rng.random() < 0.4 else "en"
    org = f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)}"
    sent = date(2026, 11, 1) + timedelta(days=rng.randint(0, 90))
    when = f"{MONTHS[lang][sent.month - 1]} {sent.day}, {sent.year}"
    if lang == "es":
        when = f"{sent.day} de {MONTHS['es'][sent.month - 1]} de {sent.year}"
    body = [vary(b, rng, lang) for b in rng.sample(pools[lang], k=min(len(pools[lang]), rng.randint(5, 14)))]
    hello, bye = ("Queridos amigos:", "Con cariño,") if lang == "es" else ("Dear friends,", "In community,")
    blocks = [f"{org.upper()}\n{rng.choice(CITIES)} · {when}", hello, *body, f"{bye}\n{org}"]
    shape = rng.choice(["txt", "txt", "txt", "html", "eml"])
    name = f"{n:05d}-{re.sub(r'[^a-z]+', '-', org.lower()).strip('-')}.{shape}"
    return Newsletter(name, _encode(shape, blocks, org, sent), lang, sent)


def _encode(shape: str, blocks: list[str], org: str, sent: date) -> bytes:
    if shape == "txt":
        return "\n\n".join(blocks).encode()
    html = "".join(
        f"<h2>{escape(b)}</h2>"
        if len(b) < 60 and "\n" not in b
        else "<p>" + escape(b).replace("\n", "<br>") + "</p>"
        for b in blocks
    )
    if shape == "html":
        return f"<!DOCTYPE html><html><head><title>{escape(org)}</title></head><body>{html}</body></html>".encode()
    msg = EmailMessage()
    msg["From"] = f"{org} <news@example.org>"
    msg["Subject"] = f"{org}: news"
    msg["Date"] = format_datetime(datetime(sent.year, sent.month, sent.day, 9, 0, tzinfo=UTC))
    msg.set_content("\n\n".join(blocks))
    msg.add_alternative(f"<html><body>{html}</body></html>", subtype="html")
    return bytes(msg)


def generate(count: int = 1000, seed: int = 2026) -> list[Newsletter]:
    rng = random.Random(seed)
    pools = blocks_by_language()
    return [compose(n, rng, pools) for n in range(count)]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--count", type=int, default=1000)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "corpus")
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for letter in generate(args.count, args.seed):
        (args.out / letter.name).write_bytes(letter.data)
    print(f"wrote {args.count} newsletters to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
