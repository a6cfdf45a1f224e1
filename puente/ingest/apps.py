from django.apps import AppConfig


class IngestConfig(AppConfig):
    name = "puente.ingest"
    label = "ingest"
