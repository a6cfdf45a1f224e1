"""Where a typed value could be left behind, and a real search of each place for unique markers."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

from django.db import connection


def markers() -> dict[str, str]:
    """One unique value per kind of field; the A-number must stay digits to pass validation."""
    tag = uuid.uuid4().hex[:10]
    digits = str(uuid.uuid4().int)[:9]
    return {
        "full_name": f"Zqname{tag}",
        "contact1_name": f"Zqcontact{tag}",
        "contact1_phone": f"312-{digits[:3]}-{digits[3:7]}",
        "pickup1_name": f"Zqpickup{tag}",
        "medicines": f"Zqmedicine{tag}\nsecond line",
        "documents_place": f"Zqdocuments{tag}",
        "lawyer_name": f"Zqlawyer{tag}",
        "a_number": f"A{digits}",
        "money": f"Zqmoney{tag}",
        "card_a_number": "on",
    }


def needles(values: dict[str, str]) -> list[bytes]:
    found = [v.split("\n")[0] for k, v in values.items() if k != "card_a_number"]
    return [n.encode() for n in found] + [values["a_number"][1:].encode()]


def search_bytes(data: bytes, needles_: list[bytes]) -> bool:
    return any(n in data for n in needles_)


def search_files(paths, needles_: list[bytes]) -> list[str]:
    hits = []
    for path in paths:
        try:
            if (
                path.is_file()
                and path.stat().st_size < 50_000_000
                and search_bytes(path.read_bytes(), needles_)
            ):
                hits.append(str(path))
        except OSError:
            continue  # a file another process removed meanwhile
    return hits


def files_modified_since(root: Path, since: float) -> list[Path]:
    recent = []
    for dirpath, _dirs, files in os.walk(root, onerror=lambda e: None):
        for name in files:
            path = Path(dirpath, name)
            try:
                if path.stat().st_mtime >= since:
                    recent.append(path)
            except OSError:
                continue
    return recent


def search_database(needles_: list[bytes]) -> list[str]:
    """Every column of every table, cast to text, searched with LIKE: works on SQLite and PostgreSQL."""
    hits = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                expression = f"CAST({quote(column.name)} AS TEXT)"
                if connection.vendor == "postgresql" and column.type_code == 17:  # bytea
                    expression = f"encode({quote(column.name)}, 'escape')"
                for needle in needles_:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {quote(table)} WHERE {expression} LIKE %s",  # noqa: S608
                        [f"%{needle.decode()}%"],
                    )
                    if cursor.fetchone()[0]:
                        hits.append(f"{table}.{column.name}")
    return hits


def sqlite_files() -> list[Path]:
    """The SQLite database file with its -wal and -shm, when the database is a file."""
    if connection.vendor != "sqlite":
        return []
    name = str(connection.settings_dict["NAME"])
    if "memory" in name or name.startswith("file:") or not Path(name).exists():
        return []
    return [Path(name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]


def locmem_contents() -> list[bytes]:
    from django.core.cache.backends.locmem import _caches

    return [
        str(key).encode() + b"\0" + bytes(value) for cache in _caches.values() for key, value in cache.items()
    ]


def now() -> float:
    # File systems may round mtimes; start the window a little early.
    return time.time() - 2
