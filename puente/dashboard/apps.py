from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "puente.dashboard"
    label = "dashboard"
