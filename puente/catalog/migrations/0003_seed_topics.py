"""Seed the topic vocabulary from puente/catalog/topics.py; the help directory's needs first."""

from django.db import migrations


def seed(apps, schema_editor):
    from django.utils import translation

    from puente.catalog.topics import NEEDS, TOPICS

    Topic = apps.get_model("catalog", "Topic")
    # Names are stored in English; pages show the translated label from topics.py.
    with translation.override("en"):
        for order, (slug, label) in enumerate(TOPICS.items()):
            Topic.objects.update_or_create(
                slug=slug, defaults={"name": str(label), "is_need": slug in NEEDS, "order": order}
            )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_ingest_fields")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
