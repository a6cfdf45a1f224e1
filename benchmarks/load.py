"""Load: 200 concurrent clients for 60 s against the public pages and search (loopback only).

    python -m benchmarks.load [--connections 200] [--seconds 60] [--workers 4]

Uses wrk (Debian package `wrk`). Reports requests/s, latency percentiles and errors per URL.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys

from benchmarks.server import running

PATHS = ["/en/", "/en/events/", "/es/help/", "/en/search/?q=legal", "/ar/search/?q=clinica"]


def wrk(url: str, connections: int, seconds: int) -> dict:
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
    p50 = re.search(r"50%\s+([\d.]+\w+)", out).group(1)
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": p50, "p99": p99, "errors": errors + (int(non2xx.group(1)) if non2xx else 0)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--connections", type=int, default=200)
    p.add_argument("--seconds", type=int, default=60)
    p.add_argument("--workers", type=int, default=4)
    args = p.parse_args(argv)
    if not shutil.which("wrk"):
        print("load: wrk is not installed (apt-get install wrk)")
        return 2
    per_path = max(5, args.seconds // len(PATHS))
    failed = 0
    with running(workers=args.workers) as base:
        print(f"load: {args.connections} connections, {per_path} s per page, {args.workers} gunicorn workers")
        print(f"{'page':28} {'req/s':>9} {'p50':>9} {'p99':>9} {'errors':>7}")
        for path in PATHS:
            r = wrk(base + path, args.connections, per_path)
            failed += r["errors"]
            print(f"{path:28} {r['rps']:>9.0f} {r['p50']:>9} {r['p99']:>9} {r['errors']:>7}")
    print(f"load: {'zero errors' if not failed else f'{failed} errors'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
