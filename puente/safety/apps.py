from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "puente.safety"
    label = "safety"
