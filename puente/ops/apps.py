from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "puente.ops"
    label = "ops"
