"""Throughput of Puente's whole extraction beside dateparser's date search, on the same texts.

    python -m benchmarks.extract [--count 1000] [--baseline-seconds 60] [--quick]

The corpus comes from benchmarks.corpus (deterministic). Puente's side is read() + extract_document()
for every newsletter: readers, segmentation, kinds, dates, places, contacts, organizations,
languages, topics. The baseline is ``dateparser.search.search_dates`` scanning the same read text,
which only finds dates. The two take turns on the same blocks of 100 newsletters, so a slow spell of a
shared machine (figures here drift by ±15 % within minutes) slows both alike and the ratio holds.
dateparser is slow, so it stops when its time budget is spent and its full-corpus time is extrapolated
from the bytes it did scan; the output says so. Both sides get a short untimed warm-up (model and
table loading). Peak memory is the process's peak
RSS, plus the Python heap peak (tracemalloc) over a separate pass on the first 100 newsletters.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
import warnings
from datetime import datetime

from benchmarks.corpus import Newsletter, generate
from puente.extract import extract_document, read

MB = 1_000_000


def puente_pass(corpus: list[Newsletter]) -> tuple[float, int]:
    """Seconds for the whole extraction of the corpus, and the number of items found."""
    items = 0
    started = time.perf_counter()
    for letter in corpus:
        for src in read(letter.data, letter.name):
            items += len(extract_document(src, letter.reference).items)
    return time.perf_counter() - started, items


def dateparser_pass(texts: list[tuple[str, str, datetime]], budget: float) -> tuple[float, int, int, int]:
    """(seconds, documents scanned, bytes scanned, dates found) within the time budget."""
    from dateparser.search import search_dates

    done = size = found = 0
    started = time.perf_counter()
    for text, lang, base in texts:
        if time.perf_counter() - started > budget:
            break
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found += len(search_dates(text, languages=[lang], settings={"RELATIVE_BASE": base}) or [])
        done += 1
        size += len(text.encode())
    return time.perf_counter() - started, done, size, found


def interleaved(
    corpus: list[Newsletter], texts: list[list[tuple[str, str, datetime]]], budget: float, block: int = 100
) -> tuple[tuple[float, int], tuple[float, int, int, int]]:
    """Both passes, block by block on the same newsletters: Puente's (seconds, items) and
    dateparser's (seconds, documents, bytes, dates) within its budget."""
    p_seconds = d_seconds = 0.0
    items = d_docs = d_bytes = d_found = 0
    for at in range(0, len(corpus), block):
        seconds, found = puente_pass(corpus[at : at + block])
        p_seconds, items = p_seconds + seconds, items + found
        if d_seconds < budget:
            chunk = [t for letter_texts in texts[at : at + block] for t in letter_texts]
            seconds, docs, size, dates = dateparser_pass(chunk, budget - d_seconds)
            d_seconds, d_docs, d_bytes, d_found = (
                d_seconds + seconds,
                d_docs + docs,
                d_bytes + size,
                d_found + dates,
            )
    return (p_seconds, items), (d_seconds, d_docs, d_bytes, d_found)


def heap_peak(corpus: list[Newsletter]) -> int:
    tracemalloc.start()
    puente_pass(corpus)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


STAGES = {
    ("readers.py", "read"), ("normalise.py", "normalise"), ("segment.py", "segment"), ("classify.py", "classify"),
    ("when.py", "events"), ("when.py", "deadline"), ("contacts.py", "find"), ("contacts.py", "refers_to_attachment"),
    ("organizations.py", "read"), ("organizations.py", "find_within"), ("languages.py", "detect"),
    ("languages.py", "offered"), ("topics.py", "find"),
}  # fmt: skip


def stage_shares(corpus: list[Newsletter]) -> list[tuple[str, float]]:
    """Where the time goes: each pipeline stage's cumulative share under cProfile (which inflates all)."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.enable()
    seconds, _ = puente_pass(corpus)
    profile.disable()
    rows = []
    for (path, _, func), stat in pstats.Stats(profile).stats.items():  # type: ignore[attr-defined]
        if "puente/extract" in path and (path.rsplit("/", 1)[-1], func) in STAGES:
            rows.append((f"{path.rsplit('/', 1)[-1][:-3]}.{func}", stat[3] / seconds))
    return sorted(rows, key=lambda r: -r[1])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--count", type=int, default=1000, help="newsletters in the corpus (default 1000)")
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--baseline-seconds", type=float, default=60.0, help="time budget for dateparser")
    p.add_argument("--quick", action="store_true", help="200 newsletters, 15 s of dateparser")
    p.add_argument("--stages", action="store_true", help="also profile 100 newsletters stage by stage")
    args = p.parse_args(argv)
    if args.quick:
        args.count, args.baseline_seconds = 200, 15.0

    corpus = generate(args.count, args.seed)
    total = sum(len(letter.data) for letter in corpus)
    by_letter = [
        [
            (src.text, letter.language, datetime.combine(letter.reference, datetime.min.time()))
            for src in read(letter.data, letter.name)
        ]
        for letter in corpus
    ]
    texts = [t for letter_texts in by_letter for t in letter_texts]
    text_bytes = sum(len(t.encode()) for t, _, _ in texts)
    print(
        f"corpus: {len(corpus):,} newsletters, {total / MB:.2f} MB as files, {text_bytes / MB:.2f} MB of text"
    )

    puente_pass(corpus[:5])  # warm-up: data files, language models
    alone, _ = puente_pass(corpus)  # before dateparser is loaded: the peak RSS is Puente's own
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"puente alone: {alone:.2f} s, peak RSS {rss:.0f} MiB; then both, block by block:")
    dateparser_pass(texts[:1], 60)
    (seconds, items), (d_seconds, d_docs, d_bytes, d_found) = interleaved(
        corpus, by_letter, args.baseline_seconds
    )
    print(
        f"puente:     {seconds:7.2f} s  {total / MB / seconds:7.3f} MB/s  {len(corpus) / seconds:8.1f} docs/s"
        f"  ({items:,} items)"
    )

    d_rate = d_bytes / MB / d_seconds
    full = d_seconds * text_bytes / d_bytes
    scope = "all" if d_docs == len(texts) else f"{d_docs:,} of {len(texts):,}"
    print(
        f"dateparser: {d_seconds:7.2f} s  {d_rate:7.3f} MB/s  {d_docs / d_seconds:8.1f} docs/s"
        f"  ({d_found:,} dates; scanned {scope} documents, {d_bytes / MB:.2f} MB of text)"
    )
    if d_docs < len(texts):
        print(f"            whole corpus extrapolated by bytes: ~{full:,.0f} s")
    p_rate = text_bytes / MB / seconds  # same measure as dateparser's: MB of text per second
    print(f"puente on text bytes: {p_rate:.3f} MB/s -> {p_rate / d_rate:.1f}x dateparser's date search alone")
    heap = heap_peak(corpus[:100])
    print(
        f"memory: peak RSS {rss:.0f} MiB (corpus held in memory); Python heap peak over 100 newsletters {heap / 2**20:.1f} MiB"
    )
    if args.stages:
        shares = stage_shares(corpus[:100])
        print("stages (share of extraction time, profiled): " + ", ".join(f"{n} {s:.0%}" for n, s in shares))
    print(
        f"extraction {p_rate:.3f} MB/s ({len(corpus) / seconds:.0f} docs/s) vs dateparser {d_rate:.3f} MB/s:"
        f" {p_rate / d_rate:.1f}x; peak RSS {rss:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
