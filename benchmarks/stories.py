"""Story merging stays near-linear: time to group 10k and 100k synthetic items (goal: 100k < 60 s).

    python -m benchmarks.stories [--quick]

Items are synthetic newsletter paragraphs (60 words from a 5,000-word vocabulary); a third of
them are planted rewrites of another item (a few words changed, a sentence added or dropped),
the way partners forward one announcement. Prints time, throughput, the 100k/10k time ratio
(10 = linear) and how many planted pairs were found.
"""

from __future__ import annotations

import argparse
import random
import time

from puente.ingest.stories import group

VOCABULARY = [f"w{n}" for n in range(5000)]


def synthetic(n: int, seed: int = 7) -> tuple[list[tuple[int, str, tuple[str, ...]]], set[tuple[int, int]]]:
    rng = random.Random(seed)
    items, planted = [], set()
    for key in range(n):
        if key > 0 and rng.random() < 0.33:
            base = rng.randrange(max(0, key - 5000), key)  # forwarded within days of each other
            words = items[base][1].split()
            for _ in range(rng.randint(1, 4)):
                words[rng.randrange(len(words))] = rng.choice(VOCABULARY)
            if rng.random() < 0.5:
                words = ["Reminder:", *words] if rng.random() < 0.5 else words[:-6]
            planted.add((base, key))
        else:
            words = rng.choices(VOCABULARY, k=60)
        items.append((key, " ".join(words), ()))
    return items, planted


def measure(n: int) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (the same on an idle machine; less when others share the cores), recall."""
    items, planted = synthetic(n)
    started, cpu = time.perf_counter(), time.process_time()
    groups = group(items)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    together = {}
    for g in groups:
        for k in g:
            together[k] = id(g)
    found = sum(1 for a, b in planted if a in together and together.get(a) == together.get(b))
    return seconds, cpu, found / max(len(planted), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2k and 20k items instead of 10k and 100k")
    args = parser.parse_args()
    small, large = (2_000, 20_000) if args.quick else (10_000, 100_000)
    figures = {}
    for n in (small, large):
        wall, cpu, recall = measure(n)
        figures[n] = (wall, cpu)
        print(
            f"{n:>7,} items: {wall:6.2f} s wall, {cpu:6.2f} s CPU ({n / wall:,.0f} items/s), planted pairs found {recall:.1%}"
        )
    (w_small, c_small), (w_large, c_large) = figures[small], figures[large]
    goal = "" if args.quick else f"; goal 100k < 60 s: {'met' if w_large < 60 else 'MISSED'}"
    print(
        f"stories: {small:,} in {w_small:.1f} s, {large:,} in {w_large:.1f} s (CPU {c_small:.1f} / {c_large:.1f} s), "
        f"ratio {w_large / w_small:.1f} for 10x items{goal}"
    )


if __name__ == "__main__":
    main()
