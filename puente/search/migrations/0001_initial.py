from django.db import migrations, models

SQLITE = [
    # Words, accent-insensitive (the text is folded before it gets here too).
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, tokenize='unicode61 remove_diacritics 2')",
    # Trigrams, for Chinese and other text written without spaces.
    "CREATE VIRTUAL TABLE search_trigram USING fts5(text, tokenize='trigram')",
]
SQLITE_DROP = ["DROP TABLE IF EXISTS search_fts", "DROP TABLE IF EXISTS search_trigram"]
POSTGRES = [
    "ALTER TABLE search_entry ADD COLUMN vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED",
    "CREATE INDEX search_entry_vector ON search_entry USING GIN (vector)",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS search_entry_vector", "ALTER TABLE search_entry DROP COLUMN vector"]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Entry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("model", models.CharField(max_length=12)),
                ("object_id", models.PositiveBigIntegerField()),
                ("kind", models.CharField(db_index=True, max_length=20)),
                ("language", models.CharField(blank=True, max_length=10)),
                ("text", models.TextField()),
                ("date", models.DateTimeField(blank=True, null=True)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("model", "object_id"), name="one_entry_per_object")
                ]
            },
        ),
        migrations.CreateModel(
            name="MissedSearch",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField(db_index=True, verbose_name="day")),
                ("words", models.CharField(max_length=100, verbose_name="words")),
                ("count", models.PositiveIntegerField(default=1, verbose_name="times")),
            ],
            options={
                "verbose_name": "search that found nothing",
                "verbose_name_plural": "searches that found nothing",
                "ordering": ["-day", "-count"],
                "constraints": [
                    models.UniqueConstraint(fields=("day", "words"), name="one_missed_search_per_day")
                ],
            },
        ),
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
