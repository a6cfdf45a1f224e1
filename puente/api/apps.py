from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "puente.api"
    label = "api"
