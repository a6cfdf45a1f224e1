from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "puente.public"
    label = "public"

    def ready(self) -> None:
        from .signals import connect

        connect()
