from django.apps import AppConfig


class DigestsConfig(AppConfig):
    name = "puente.digests"
    label = "digests"
