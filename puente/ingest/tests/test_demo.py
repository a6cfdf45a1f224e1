"""puente demo: content to look at and accounts to sign in with, however often it runs."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from puente.catalog.models import Document, Item, Topic
from puente.catalog.topics import NEEDS, TOPICS

pytestmark = pytest.mark.django_db

LETTER = (
    "Spring potluck\n\nNeighbours share food and stories on Saturday, April 1 at noon at 4750 N Sheridan Rd.\n\n"
    "Free lawyer consultations\n\nAn attorney answers questions about immigration status every Tuesday.\n"
)


def _run(samples, capsys) -> str:
    call_command("demo", samples=samples)
    return capsys.readouterr().out


def test_demo_publishes_the_samples_and_prints_working_passwords(tmp_path, capsys, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"  # make run sets it to the address it serves
    (tmp_path / "letter.txt").write_text(LETTER)
    out = _run(tmp_path, capsys)
    assert set(Topic.objects.filter(is_need=True).values_list("slug", flat=True)) == set(NEEDS)
    assert Topic.objects.count() == len(TOPICS)
    assert Item.objects.published().exists()  # trusted demo content reaches the public site …
    assert Item.objects.filter(status=Item.DRAFT, review_note__startswith="legal").exists()  # … legal waits
    assert "http://127.0.0.1:8000/en/desk/" in out
    for username in ("editor", "admin"):
        password = re.search(rf"user '{username}', password (\S+)", out).group(1)
        assert User.objects.get(username=username).check_password(password)

    again = _run(tmp_path, capsys)
    assert Document.objects.count() == 1
    new_password = re.search(r"user 'editor', password (\S+)", again).group(1)
    assert User.objects.get(username="editor").check_password(new_password)
    assert User.objects.get(username="admin").is_superuser


def test_demo_without_samples_says_so_and_goes_on(tmp_path, capsys):
    out = _run(tmp_path / "missing", capsys)
    assert "no sample newsletters" in out and "password" in out
