"""Search latency at scale on SQLite (FTS5) and PostgreSQL (tsvector + GIN), side by side.

    python -m benchmarks.search [--items 100000] [--databases sqlite,postgres] [--per-query]

Each database gets the same synthetic published items (benchmarks.site's seeding), the index is
rebuilt, then the same queries are timed through ``search()`` and through the whole search page.
PostgreSQL is the server on 127.0.0.1:5432 (a throwaway database is created and dropped).
``--per-query`` adds each query's median and slowest time (p95 over the 14 queries is about the
slowest query's time: that is the one to look at).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import uuid

from benchmarks.site import child

PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


def measure(env: dict, items: int, rounds: int, per_query: bool) -> tuple[dict, dict, dict]:
    subprocess.run(
        [sys.executable, "-m", "puente.cli", "migrate", "--no-input", "-v", "0"],
        env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    seeded = child(f"from benchmarks.site import seed; seed({items})", env)
    searched = child(f"from benchmarks.site import time_search; time_search({rounds})", env)
    queries = (
        child(f"from benchmarks.search import time_queries; time_queries({rounds})", env) if per_query else {}
    )
    return seeded, searched, queries


def time_queries(rounds: int) -> None:
    """In the seeded child: each query's median and slowest time, function and page, in ms."""
    import statistics

    import django

    django.setup()
    from django.test import Client

    from benchmarks.site import QUERIES, timed_search

    client = Client(HTTP_HOST="127.0.0.1")
    found = {}
    for q in QUERIES:
        function, page = [], []
        for _ in range(rounds):
            seconds = timed_search(client, q)
            function.append(seconds[0])
            page.append(seconds[1])
        ms = [round(x * 1000, 1) for x in (statistics.median(function), max(function))]
        ms += [round(x * 1000, 1) for x in (statistics.median(page), max(page))]
        found[q] = ms
    print(json.dumps(found))


def postgres_database(name: str, action: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'{action} DATABASE "{name}"')  # the name is ours: puente_bench_<hex>


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--items", type=int, default=100_000)
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--databases", default="sqlite,postgres")
    p.add_argument("--per-query", action="store_true", help="each query's median and slowest time too")
    args = p.parse_args(argv)
    print(f"search over {args.items:,} published items, {args.rounds} rounds of the same queries")
    print(f"{'database':<10} {'index s':>8} {'fn p50':>8} {'fn p95':>8} {'page p50':>9} {'page p95':>9}")
    for database in args.databases.split(","):
        with tempfile.TemporaryDirectory(prefix="puente-search-bench-") as tmp:
            env = {**os.environ, "PUENTE_DATA_DIR": tmp, "PUENTE_SEARCH_RATE_PER_MINUTE": "0",
                   "DJANGO_SETTINGS_MODULE": "puente.settings"}  # fmt: skip
            env.pop("DATABASE_URL", None)
            name = f"puente_bench_{uuid.uuid4().hex[:8]}"
            if database == "postgres":
                postgres_database(name, "CREATE")
                env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{name}"
            try:
                seeded, searched, queries = measure(env, args.items, args.rounds, args.per_query)
            finally:
                if database == "postgres":
                    postgres_database(name, "DROP")
        f, page = searched["function"], searched["page"]
        print(
            f"{database:<10} {seeded['index_seconds']:>8} {f['p50_ms']:>6} ms {f['p95_ms']:>6} ms "
            f"{page['p50_ms']:>7} ms {page['p95_ms']:>7} ms"
        )
        for q, (fn50, fnmax, page50, pagemax) in queries.items():
            print(f"  {q:<22} fn {fn50:>6} ms (max {fnmax:>6})   page {page50:>6} ms (max {pagemax:>6})")
    print("goal: p95 < 30 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
