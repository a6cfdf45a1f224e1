"""Public pages against nginx serving static copies of the same pages, and search latency at scale.

    python -m benchmarks.site [--quick] [--items 100000] [--seconds 5] [--servers sync:4,gthread:4:8]

One run: a temporary data dir seeded with synthetic published items (nothing real), Debian's nginx
on a free loopback port serving copies of the pages saved from Puente, and then each server
configuration in turn (gunicorn sync or gthread, or granian if installed, N workers). wrk (or,
without it, a bounded Python client) measures requests/s for the home, event list and search pages
on that server and, right after, on nginx, so each ratio comes from the same minute of a shared
machine. Search latency is measured in-process over the same database: ``search()`` alone and the
whole search page.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from benchmarks.server import APP, PLAIN_APP, free_port, running

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NGINX = "/usr/sbin/nginx"
PAGES = {"home": "/en/", "events": "/en/events/", "search": "/en/search/?q=legal+clinic"}
QUERIES = [
    "legal",
    "rent tenant",
    "citiz",
    "clínica",
    "CLINICA",
    "asesoría vivienda",
    "workers wages health",
    "interpreter",
    "número 4242",
    "zzyzx",
    "法律",
    "library meeting",
    "vaccine school",
    "derechos",
]


# --- run inside the seeded data dir (a child process with its own PUENTE_DATA_DIR) ---------------


def seed(items: int) -> None:
    import django

    django.setup()
    from puente.public import factories
    from puente.search.index import reindex

    factories.every_page_type()
    factories.bulk(items)
    started = time.perf_counter()
    count = reindex()
    from django.db import connection

    if connection.vendor == "postgresql":  # fresh statistics after a bulk load, as autovacuum would
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(json.dumps({"indexed": count, "index_seconds": round(time.perf_counter() - started, 1)}))


def timed_search(client, query: str) -> tuple[float, float]:
    """Seconds for ``search()`` alone and for the whole search page, for one query."""
    from puente.search.index import search

    started = time.perf_counter()
    search(query, "en", 60)
    middle = time.perf_counter()
    client.get("/en/search/", {"q": query})
    return middle - started, time.perf_counter() - middle


def time_search(rounds: int) -> None:
    import django

    django.setup()
    from django.test import Client

    from puente.search.index import search

    def percentiles(samples: list[float]) -> dict:
        samples.sort()
        return {
            "p50_ms": round(statistics.median(samples) * 1000, 2),
            "p95_ms": round(samples[int(len(samples) * 0.95) - 1] * 1000, 2),
            "max_ms": round(samples[-1] * 1000, 2),
        }

    for q in QUERIES:  # warm the page cache of the database file
        search(q, "en", 60)
    function, page = [], []
    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(rounds):
        for q in QUERIES:
            seconds = timed_search(client, q)
            function.append(seconds[0])
            page.append(seconds[1])
    print(
        json.dumps({"function": percentiles(function), "page": percentiles(page), "queries": len(function)})
    )


# --- the benchmark -----------------------------------------------------------------------------


def child(code: str, env: dict) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def save_copies(url: str, root: Path) -> None:
    """The pages as gunicorn renders them, as files nginx can serve."""
    for path in PAGES.values():
        with urllib.request.urlopen(url + path) as response:  # noqa: S310 (our loopback server)
            body = response.read()
        target = root / path.split("?")[0].strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)


def nginx_config(root: Path, port: int, tmp: Path) -> str:
    return f"""
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  default_type text/html;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  server {{
    listen 127.0.0.1:{port};
    root {root};
    location / {{ index index.html; }}
  }}
}}
"""


def proxy_config(upstream: str, port: int, tmp: Path) -> str:
    """deploy/nginx.conf, the configuration the README recommends, with this run's ports and paths."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    values = {
        "{run}": str(tmp),
        "{upstream}": upstream,
        "{listen}": f"127.0.0.1:{port}",
        "{static}": str(tmp),
    }
    for key, value in values.items():
        text = text.replace(key, value)
    return text


def start_nginx(root: Path, tmp: Path, upstream: str | None = None) -> tuple[subprocess.Popen, str]:
    """nginx serving the static copies under ``root``, or, given an upstream, deploy/nginx.conf."""
    port = free_port()
    tmp.mkdir(parents=True, exist_ok=True)
    conf = tmp / "nginx.conf"
    conf.write_text(proxy_config(upstream, port, tmp) if upstream else nginx_config(root, port, tmp))
    for path in [tmp.parent, root, *root.rglob("*"), tmp]:
        path.chmod(0o755)  # nginx workers may run as nobody
    proc = subprocess.Popen(
        [NGINX, "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(50):
        try:
            urllib.request.urlopen(url + "/en/", timeout=1).read()  # noqa: S310
            break
        except OSError:
            time.sleep(0.1)
    return proc, url


def wrk(url: str, seconds: int, connections: int, threads: int = 2) -> float:
    out = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} failed responses")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def python_load(url: str, seconds: int, connections: int, threads: int = 0) -> float:
    """A bounded fallback when wrk is missing: threads, loopback only, fixed duration."""
    done, stop = [0] * connections, time.monotonic() + seconds

    def worker(n: int) -> None:
        while time.monotonic() < stop:
            urllib.request.urlopen(url, timeout=10).read()  # noqa: S310
            done[n] += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / seconds


DEFAULT_SERVERS = "sync:4,gthread:4:8:plain,gthread:2:8,gthread:4:8"


def parse_server(spec: str) -> dict:
    """``kind:workers[:threads][:plain]``, e.g. ``gthread:4:8``; ``plain`` leaves out the fast path."""
    kind, workers, *rest = spec.split(":")
    plain = "plain" in rest
    numbers = [int(x) for x in rest if x != "plain"]
    threads = numbers[0] if numbers else 8
    label = (
        f"{kind} x{workers}" + (f"/{threads}t" if kind != "sync" else "") + (" no-fastpath" if plain else "")
    )
    return {
        "server": kind,
        "workers": int(workers),
        "threads": threads,
        "app": PLAIN_APP if plain else APP,
    } | {"label": label}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--quick", action="store_true", help="10,000 items, 3-second runs, one round")
    p.add_argument("--items", type=int, default=100_000)
    p.add_argument("--seconds", type=int, default=5)
    p.add_argument("--connections", type=int, default=32)
    p.add_argument("--rounds", type=int, default=3, help="alternating runs per page, medians reported")
    p.add_argument("--wrk-threads", type=int, default=2, help="wrk shares the cores with both servers")
    servers = DEFAULT_SERVERS + (",granian:2:1" if (BIN / "granian").exists() else "")
    p.add_argument("--servers", default=servers, help=f"kind:workers[:threads][:plain],… (default {servers})")
    p.add_argument("--no-search", action="store_true", help="skip the in-process search latency")
    p.add_argument("--no-proxy", action="store_true", help="skip deploy/nginx.conf in front of gunicorn")
    args = p.parse_args(argv)
    if args.quick:
        args.items, args.seconds, args.rounds = min(args.items, 10_000), 3, 1
    if not Path(NGINX).exists():
        print("nginx is missing (apt-get install nginx-light): cannot compare")
        return 1
    tool = wrk if shutil.which("wrk") else python_load

    def load(url: str) -> float:
        return tool(url, args.seconds, args.connections, args.wrk_threads)

    def side_by_side(load, ours: str, theirs: str) -> tuple[float, float, float]:
        """Medians of alternating runs, and of their ratios: other work on a shared machine hits both."""
        pairs = [(load(ours), load(theirs)) for _ in range(args.rounds)]
        ours_, theirs_ = zip(*pairs, strict=True)
        ratios = [a / b for a, b in pairs]
        return statistics.median(ours_), statistics.median(theirs_), statistics.median(ratios)

    with tempfile.TemporaryDirectory(prefix="puente-site-bench-") as tmp_name:
        tmp = Path(tmp_name)
        data = tmp / "data"
        env = {
            **os.environ,
            "PUENTE_DATA_DIR": str(data),
            "PUENTE_SECRET_KEY": "benchmark-" + "x" * 40,
            "PUENTE_DEBUG": "0",
            "PUENTE_LOG_LEVEL": "WARNING",
            "PUENTE_SEARCH_RATE_PER_MINUTE": "0",  # capacity, not the per-client limiter
            "DJANGO_SETTINGS_MODULE": "puente.settings",
            "GUNICORN_CMD_ARGS": "--timeout 120",  # a cold first request imports a lot under load
        }
        env.pop("DATABASE_URL", None)
        for command in (["migrate", "--no-input", "-v", "0"], ["collectstatic", "--no-input", "-v", "0"]):
            subprocess.run(
                [str(BIN / "puente"), *command], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL
            )
        seeded = child(f"from benchmarks.site import seed; seed({args.items})", env)
        searched = None
        if not args.no_search:
            searched = child(
                f"from benchmarks.site import time_search; time_search({3 if args.quick else 10})", env
            )
        with running(workers=1, data_dir=data, extra_env=env) as url:
            save_copies(url, tmp / "static-site")
        nginx, nginx_url = start_nginx(tmp / "static-site", tmp / "nginx")
        rows = []
        try:
            for spec in args.servers.split(","):
                config = parse_server(spec)
                label = config.pop("label")
                with running(data_dir=data, extra_env=env, **config) as url:
                    warm_up(url, config["workers"] * config["threads"])
                    for name, path in PAGES.items():
                        if name == "search" and rows:
                            continue  # never cached: the first server's figure says enough
                        rows.append(
                            (label, name, *side_by_side(load, url + path, nginx_url + path.split("?")[0]))
                        )
            if not args.no_proxy:
                # As deployed: deploy/nginx.conf in front of gunicorn as `make run` starts it.
                with running(workers=2, data_dir=data, extra_env=env, server="gthread") as url:
                    proxy, proxy_url = start_nginx(
                        tmp / "static-site", tmp / "proxy", upstream=url.split("//")[1]
                    )
                    try:
                        for name, path in PAGES.items():
                            if name != "search":
                                rows.append(
                                    (
                                        "nginx proxy_cache",
                                        name,
                                        *side_by_side(load, proxy_url + path, nginx_url + path),
                                    )
                                )
                    finally:
                        proxy.terminate()
                        proxy.wait(timeout=10)
        finally:
            nginx.terminate()
            nginx.wait(timeout=10)
    report(args, seeded, searched, rows, tool.__name__)
    return 0


def warm_up(url: str, requests: int) -> None:
    """Every worker renders each page once before the clock starts (caches are per process)."""
    for name, path in PAGES.items():
        for _ in range(requests * 2 if name != "search" else 1):
            urllib.request.urlopen(url + path, timeout=60).read()  # noqa: S310 (our loopback server)


def report(args, seeded: dict, searched: dict | None, rows: list, tool: str) -> None:
    print(
        f"{args.items:,} published items ({seeded['indexed']:,} index entries, rebuilt in {seeded['index_seconds']} s); "
        f"{tool} -t {args.wrk_threads} -c {args.connections}, {args.seconds} s each; "
        f"medians of {args.rounds} runs alternating with nginx serving a static copy"
    )
    print(f"{'server':<26} {'page':<8} {'puente req/s':>13} {'nginx req/s':>12} {'ratio':>6}")
    for label, name, ours, theirs, ratio in rows:
        note = "  (never cached)" if name == "search" else ""
        print(f"{label:<26} {name:<8} {ours:>13,.0f} {theirs:>12,.0f} {ratio:>6.2f}{note}")
    print("(all rows but no-fastpath: FrontCacheMiddleware + the WSGI fast path, puente/public/fastpath.py)")
    print("(nginx proxy_cache: deploy/nginx.conf in front of gunicorn gthread x2/8t, as `make run`)")
    if searched:
        f, pg = searched["function"], searched["page"]
        print(
            f"search() over {searched['queries']} queries: p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms, max {f['max_ms']} ms"
        )
        print(
            f"search page (render included): p50 {pg['p50_ms']} ms, p95 {pg['p95_ms']} ms (goal p95 < 30 ms)"
        )


if __name__ == "__main__":
    sys.exit(main())
