"""puente demo: a site with content to look at. Idempotent: run it as often as you like.

Seeds the topics, ingests the repository's samples/ as a trusted demo source (so the public site
has published items; legal-sounding ones still wait in the desk), and creates or resets the demo
accounts "editor" and "admin" with fresh random passwords, printed once.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from puente.accounts.models import Profile
from puente.catalog.models import Source, Topic
from puente.catalog.topics import NEEDS, TOPICS
from puente.ingest.files import walk
from puente.ingest.progress import Progress
from puente.ingest.store import Ingestor, Summary, TooLarge

SAMPLES = settings.BASE_DIR / "samples"


class Command(BaseCommand):
    help = "Seed topics, ingest samples/ as trusted demo content, and (re)create the demo accounts."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--samples", type=Path, default=SAMPLES)
        parser.add_argument("--no-accounts", action="store_true", help="leave the demo accounts alone")

    def handle(self, *args, samples: Path, no_accounts: bool, **opts) -> None:
        seed_topics()
        self._ingest(samples)
        if not no_accounts:
            for username, role in (("editor", Profile.EDITOR), ("admin", Profile.ADMIN)):
                password = demo_account(username, role)
                self.stdout.write(f"{role:>6}: user {username!r}, password {password}")
        self.stdout.write(f"Sign in at {settings.SITE_URL}/en/desk/")

    def _ingest(self, samples: Path) -> None:
        files = list(walk([samples])) if samples.is_dir() else []
        if not files:
            self.stdout.write(f"no sample newsletters in {samples}: skipping demo content")
            return
        source, _ = Source.objects.get_or_create(
            kind="upload", address="demo:samples", defaults={"name": "Sample newsletters", "trusted": True}
        )
        ingestor, summary = Ingestor(source), Summary()
        progress = Progress(len(files), "demo ")
        for path in files:
            try:
                summary += ingestor.ingest_path(path)
            except TooLarge as exc:
                self.stderr.write(f"refused: {exc}")
            progress.advance(path.name)
        progress.close()
        self.stdout.write(summary.line())


def seed_topics() -> None:
    with translation.override("en"):
        for order, (slug, label) in enumerate(TOPICS.items()):
            Topic.objects.get_or_create(
                slug=slug, defaults={"name": str(label), "is_need": slug in NEEDS, "order": order}
            )


@transaction.atomic
def demo_account(username: str, role: str) -> str:
    password = secrets.token_urlsafe(12)
    user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
    user.is_staff = True
    user.is_superuser = role == Profile.ADMIN
    user.is_active = True
    user.set_password(password)
    user.save()
    Profile.objects.update_or_create(user=user, defaults={"role": role, "organization": None})
    return password
