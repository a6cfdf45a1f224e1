"""Production settings pass Django's deployment checks; a dead database answers 503 and recovers."""

import os
import secrets
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _env(tmp_path, **extra) -> dict:
    # Browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; production never has it.
    skip = ("PUENTE_", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env.update(
        PUENTE_SECRET_KEY=secrets.token_urlsafe(50),
        PUENTE_SITE_URL="https://puente.example.org",
        PUENTE_ALLOWED_HOSTS="puente.example.org",
        PUENTE_DATA_DIR=str(tmp_path),
        **extra,
    )
    return env


def test_it_passes_check_deploy_with_production_settings(tmp_path):
    out = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no issues" in out.stdout


def test_it_fails_check_deploy_without_a_secret_key(tmp_path):
    env = _env(tmp_path)
    del env["PUENTE_SECRET_KEY"]
    out = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode != 0
    assert "puente.E001" in out.stderr + out.stdout


def test_a_locked_database_answers_503_then_recovers(tmp_path, rf, django_db_blocker):
    """A real SQLite file held by an exclusive lock: the request gets a 503 page, later a 200."""
    from django.db import connections
    from django.db.backends.sqlite3.base import DatabaseWrapper
    from django.http import HttpResponse

    from puente.lib.middleware import DatabaseUnavailableMiddleware

    path = tmp_path / "locked.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x INTEGER)").connection.close()
    settings_dict = {**connections["default"].settings_dict, "NAME": str(path), "OPTIONS": {"timeout": 0.2}}
    db = DatabaseWrapper(settings_dict, alias="locked")

    def view(request):
        with db.cursor() as cursor:
            cursor.execute("INSERT INTO t VALUES (1)")
        return HttpResponse("ok")

    middleware = DatabaseUnavailableMiddleware(view)
    django_db_blocker.unblock()  # this test's own database file, not the test database
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        request = rf.get("/en/")
        with pytest.raises(Exception) as caught:
            view(request)
        response = middleware.process_exception(request, caught.value)
        assert response is not None, repr(caught.value)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert b"try again" in response.content
    finally:
        holder.rollback()
        holder.close()
    assert view(rf.get("/en/")).status_code == 200  # recovered with no restart
    db.close()
    django_db_blocker.restore()


def test_it_fails_check_when_starttls_and_ssl_are_both_set(tmp_path):
    env = _env(tmp_path, PUENTE_SMTP_STARTTLS="1", PUENTE_SMTP_SSL="1")
    out = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode != 0
    assert "puente.E006" in out.stderr + out.stdout
