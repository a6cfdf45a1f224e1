from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "puente.public"
    label = "public"
