"""Backups that move between SQLite and PostgreSQL: the data as Django fixtures plus stored files.

A backup is one ``.tar.gz`` holding ``manifest.json``, ``data.json`` (``dumpdata``) and ``files/``
(attachments and other stored files). Restoring loads it into an empty, migrated database.
"""

from __future__ import annotations

import io
import json
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

# Derived or transient tables: rebuilt (search index), or not worth keeping (sessions, task queue).
EXCLUDE = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "django_tasks_database",
    "axes",
]
FORMAT = 1


class BackupError(Exception):
    pass


def files_root() -> Path:
    return Path(settings.STORAGES["default"]["OPTIONS"]["location"])


def backup(path: Path) -> dict:
    data = io.StringIO()
    call_command("dumpdata", exclude=_existing(EXCLUDE), natural_foreign=True, indent=None, stdout=data)
    payload = data.getvalue().encode("utf-8")
    manifest = {
        "format": FORMAT,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "objects": len(json.loads(payload)),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tarfile.open(tmp, "w:gz") as tar:
        _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
        _add_bytes(tar, "data.json", payload)
        root = files_root()
        if root.exists():
            tar.add(root, arcname="files")
    tmp.replace(path)  # a crash mid-backup never leaves a truncated file under the real name
    return manifest


def restore(path: Path) -> dict:
    from django.core import serializers

    with tarfile.open(path, "r:gz") as tar:
        manifest = json.loads(_read(tar, "manifest.json"))
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{path}: backup format {manifest.get('format')!r} is not {FORMAT}")
        payload = _read(tar, "data.json").decode("utf-8")
        _check_empty()
        # Data migrations seed rows (topics, starting pages) that the backup holds too: start clean.
        call_command("flush", interactive=False, verbosity=0)
        with transaction.atomic():
            for obj in serializers.deserialize("json", payload, handle_forward_references=True):
                obj.save()
        root = files_root()
        root.mkdir(parents=True, exist_ok=True)
        members = [m for m in tar.getmembers() if m.name.startswith("files/") and m.isfile()]
        for m in members:
            m.name = m.name[len("files/") :]
        tar.extractall(root, members=members, filter="data")
    _reset_sequences()
    return manifest


def _check_empty() -> None:
    from puente.catalog.models import Document, Item

    if Document.objects.exists() or Item.objects.exists():
        raise BackupError("restore needs an empty database: this one already holds documents or items")


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    models = [m for m in apps.get_models() if m._meta.managed]
    sql = connection.ops.sequence_reset_sql(_NoStyle(), models)
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)


class _NoStyle:
    def __getattr__(self, name):
        return lambda text: text


def _existing(labels: list[str]) -> list[str]:
    out = []
    for label in labels:
        app = label.split(".")[0]
        if any(a.label == app for a in apps.get_app_configs()):
            out.append(label)
    return out


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def _read(tar: tarfile.TarFile, name: str) -> bytes:
    try:
        member = tar.extractfile(name)
    except KeyError as exc:
        raise BackupError(f"not a Puente backup: {name} is missing") from exc
    if member is None:
        raise BackupError(f"not a Puente backup: {name} is not a file")
    return member.read()
