"""Throw random inputs at the extractor and count exceptions (there must be none).

    python -m benchmarks.fuzz [--count 1000000] [--seed 7]

Inputs mix random Unicode, newsletter-like fragments (dates, times, phones, bullets, roman numerals,
HTML-ish tags, e-mail headers) and binary junk decoded leniently, so the fast paths and the deep paths
of every stage are both exercised. Prints counts, rate and the first failures with their input.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from datetime import date

from puente.extract import extract

FRAGMENTS = [
    "TOMORROW, February 1 Press Conference and Rally, 4:30pm\n",
    "el sábado 4 de marzo a las 10 a. m.",
    "from 3 to 4:30 p.m. ET",
    "Call (312) 555-0147 or email info@example.org",
    "  • ",
    "·      ",
    "   III.     ",
    "a.    Lead: ",
    "https://example.org/path?q=1",
    "Immigrant Defense Project (IDP)",
    "available in English, Spanish, Hindi, Mandarin, Arabic, and Polish",
    "\n\n",
    "Thank you,\n\n",
    "<div><p>",
    "From: someone@example.org\nSubject: hola\n\n",
    "@ChicagoPD_Vivo on Twitter",
    "March 4th",
    "31/12/2026 25:99 pm",
    "1" * 40,
    "(" * 50,
    "🙂🇺🇸",
    "\u00a0\u200b\u202e",
]


def random_input(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:
        return "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 12)))
    if roll < 0.7:
        n = rng.randint(0, 200)
        return "".join(chr(rng.choice([rng.randint(32, 126), rng.randint(0, 0x2FFFF)])) for _ in range(n))
    if roll < 0.9:
        return rng.randbytes(rng.randint(0, 300)).decode("utf-8", errors="replace")
    words = "".join(rng.choice(FRAGMENTS) + rng.choice(["", " ", "\n"]) for _ in range(rng.randint(1, 6)))
    return words * rng.randint(1, 3)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--count", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)

    rng = random.Random(args.seed)
    reference = date(2026, 11, 25)
    failures: list[tuple[str, str]] = []
    started = time.perf_counter()
    for n in range(1, args.count + 1):
        text = random_input(rng)
        try:
            extract(text, reference, "America/Chicago")
        except Exception:  # noqa: BLE001 - counting every failure is the point
            failures.append((text, traceback.format_exc(limit=3)))
        if n % 100_000 == 0:
            print(f"  {n:,} inputs, {len(failures)} exceptions", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(
        f"fuzz: {args.count:,} random inputs, {len(failures)} exceptions, "
        f"{seconds:.1f} s ({args.count / seconds:,.0f} inputs/s)"
    )
    for text, trace in failures[:5]:
        print(f"--- input {text[:200]!r}\n{trace}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
