"""Run every benchmark and print one table; with --write, record it in benchmarks/RESULTS.md.

    python -m benchmarks.all [--quick] [--write]

Each benchmark prints its own figures beside a baseline measured in the same run; this runner
collects their last lines.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent

BENCHMARKS = [
    ("extraction vs dateparser", "benchmarks.extract", [], ["--quick"]),
    ("story merging 10k/100k", "benchmarks.stories", [], ["--quick"]),
    ("public pages vs nginx, search p95", "benchmarks.site", [], ["--quick"]),
    ("search on SQLite and PostgreSQL", "benchmarks.search", [], ["--items", "10000", "--rounds", "3"]),
    ("digests to subscribers", "benchmarks.digests", [], ["--subscribers", "2000"]),
    ("load: 200 clients", "benchmarks.load", [], ["--seconds", "20"]),
    ("fuzz: random inputs", "benchmarks.fuzz", [], ["--count", "20000"]),
]


def run(module: str, args: list[str]) -> tuple[int, str, float]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=HERE.parent
    )
    return proc.returncode, (proc.stdout + proc.stderr).strip(), time.perf_counter() - started


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    p.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md")
    args = p.parse_args(argv)
    sections = []
    for title, module, full, quick in BENCHMARKS:
        code, output, seconds = run(module, quick if args.quick else full)
        status = "ok" if code == 0 else f"exit {code}"
        print(f"== {title} ({module}, {seconds:.0f} s, {status})\n{output}\n")
        sections.append(
            f"## {title}\n\n`python -m {module} {' '.join(quick if args.quick else full)}` "
            f"({seconds:.0f} s, {status})\n\n```\n{output}\n```\n"
        )
    if args.write:
        header = (
            f"# Benchmark results\n\nMachine: {machine()}. Date: {date.today().isoformat()}. "
            f"Command: `python -m benchmarks.all{' --quick' if args.quick else ''} --write`.\n\n"
        )
        (HERE / "RESULTS.md").write_text(header + "\n".join(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
