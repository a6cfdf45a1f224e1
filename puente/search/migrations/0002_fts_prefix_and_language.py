"""Faster SQLite search at 100,000 entries: prefix indexes for "word*" queries, and the page language
kept in the FTS table itself so matching needs no join. Refilled from search_entry (already folded)."""

from django.db import migrations

SQLITE = [
    "DROP TABLE IF EXISTS search_fts",
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, language UNINDEXED, "
    "tokenize='unicode61 remove_diacritics 2', prefix='2 3 4')",
    "INSERT INTO search_fts (rowid, text, language) SELECT id, text, language FROM search_entry",
]
SQLITE_BACK = [
    "DROP TABLE IF EXISTS search_fts",
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO search_fts (rowid, text) SELECT id, text FROM search_entry",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(run(SQLITE), run(SQLITE_BACK))]
