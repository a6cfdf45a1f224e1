from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "puente.search"
    label = "search"
