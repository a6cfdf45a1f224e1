from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "puente.catalog"
    label = "catalog"
    verbose_name = _("Catalogue")

    def ready(self):
        from puente import checks  # noqa: F401  (registers system checks)
