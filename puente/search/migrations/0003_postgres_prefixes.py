"""Faster PostgreSQL search at 100,000 entries: every word prefix is its own lexeme, and text written
without spaces gets a small partial index.

A prefix query ("citiz:*") makes GIN gather and merge every matching lexeme's posting list, and the
planner guesses 2% of the rows for it whatever the word, so a rare word could be searched by walking
the whole table newest first. In ``prefixes`` the prefix "citiz" is an exact lexeme: GIN looks it up
directly and ANALYZE counts it, so the planner knows "legal" is in a third of the entries and "zzyzx" in
none. ``vector`` (with positions) stays for ranking; nothing filters on it through an index any more.
Prefixes stop at 24 characters (URLs and e-mail addresses are single lexemes): index.PREFIX_CHARS.

Every search scans the GIN index's pending list (new entries not yet merged into the index): the
default 4 MB of it cost several milliseconds per search after a bulk load, until the next VACUUM.
256 kB keeps that scan short and still batches the merging (without a pending list at all, each
entry's hundred lexemes went into the index one by one: reindexing 100,000 items took twice as long).
"""

from django.db import migrations

NO_SPACES = "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]"  # fold.NO_SPACES
POSTGRES = [
    """CREATE FUNCTION search_prefixes(text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array_to_tsvector(ARRAY(
            SELECT left(word, n)
            FROM unnest(tsvector_to_array(to_tsvector('simple', $1))) AS word,
                generate_series(1, least(length(word), 24)) AS n))
    $$""",
    "ALTER TABLE search_entry ADD COLUMN prefixes tsvector GENERATED ALWAYS AS (search_prefixes(text)) STORED",
    "CREATE INDEX search_entry_prefixes ON search_entry USING GIN (prefixes) WITH (gin_pending_list_limit = 256)",
    "DROP INDEX IF EXISTS search_entry_vector",
    # Chinese, Japanese and Thai are matched with LIKE: only the few entries that contain them.
    f"CREATE INDEX search_entry_spaceless ON search_entry (id) WHERE text ~ '{NO_SPACES}'",
]
POSTGRES_BACK = [
    "DROP INDEX IF EXISTS search_entry_spaceless",
    "CREATE INDEX search_entry_vector ON search_entry USING GIN (vector)",
    "DROP INDEX IF EXISTS search_entry_prefixes",
    "ALTER TABLE search_entry DROP COLUMN prefixes",
    "DROP FUNCTION search_prefixes(text)",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fts_prefix_and_language")]
    operations = [migrations.RunPython(run(POSTGRES), run(POSTGRES_BACK))]
