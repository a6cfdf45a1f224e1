"""``puente screenshots``: every public page type at phone width, in English and Arabic, as PNG files.

Starts its own server (gunicorn on a free loopback port) over a temporary SQLite database with demo
data, so it never touches the real one, then drives Debian's Chromium through Playwright.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management import get_commands
from django.core.management.base import BaseCommand, CommandError

from puente.lib.browser import ARGS, CHROMIUM

SEED = (
    "import json, django; django.setup();"
    "from puente.public import factories;"
    "print(json.dumps(factories.every_page_type()))"
)
EXTRA = {"safety_plan": "safety/plan/", "safety_cards": "safety/cards/"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(args: list[str], env: dict) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False, cwd=settings.BASE_DIR)
    if done.returncode:
        raise CommandError(f"{' '.join(args[:3])} failed:\n{done.stderr[-2000:]}")
    return done.stdout


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 (our own loopback server)
                return
        except OSError:
            time.sleep(0.3)
    raise CommandError(f"the server at {url} did not answer")


class Command(BaseCommand):
    help = "Screenshots of every public page type at 390×844 in English and Arabic, into screenshots/."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--out", default=str(settings.BASE_DIR / "screenshots"))
        parser.add_argument("--languages", default="en,ar")

    def handle(self, *args, out: str, languages: str, **options) -> None:
        if not CHROMIUM.exists():
            raise CommandError("Chromium is missing: apt-get install chromium")
        with tempfile.TemporaryDirectory(prefix="puente-shots-") as data:
            env = {
                **os.environ,
                "PUENTE_DATA_DIR": data,
                "PUENTE_DEBUG": "",
                "DJANGO_SETTINGS_MODULE": "puente.settings",
            }
            env.pop("DATABASE_URL", None)
            paths = self.prepare(env)
            port = free_port()
            server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "puente.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "2",
                ],
                env=env,
                cwd=settings.BASE_DIR,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                base = f"http://127.0.0.1:{port}"
                wait_for(f"{base}/en/")
                self.shoot(base, paths, languages.split(","), Path(out))
            finally:
                server.terminate()
                server.wait(timeout=10)

    def prepare(self, env: dict) -> dict:
        python = sys.executable
        run([python, "-m", "puente.cli", "migrate", "--no-input", "-v", "0"], env)
        if "demo" in get_commands():
            run([python, "-m", "puente.cli", "demo"], env)
        run([python, "-m", "puente.cli", "collectstatic", "--no-input", "-v", "0"], env)
        paths = json.loads(run([python, "-c", SEED], env).strip().splitlines()[-1])
        return {**paths, **EXTRA}

    def shoot(self, base: str, paths: dict, languages: list[str], out: Path) -> None:
        from playwright.sync_api import sync_playwright

        out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
            for language in languages:
                for name, path in paths.items():
                    response = page.goto(f"{base}/{language}/{path}")
                    if response is None or response.status != 200:
                        self.stderr.write(
                            f"skipped {language}/{path}: {response.status if response else 'no answer'}"
                        )
                        continue
                    target = out / f"{language}-{name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    self.stdout.write(str(target))
            browser.close()
