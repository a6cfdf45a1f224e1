from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "puente.review"
    label = "review"
