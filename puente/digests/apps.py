from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DigestsConfig(AppConfig):
    name = "puente.digests"
    label = "digests"
    verbose_name = _("Subscriptions and mail")

    def ready(self) -> None:
        from . import signals  # noqa: F401
