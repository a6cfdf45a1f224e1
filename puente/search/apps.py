from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "puente.search"
    label = "search"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the index to catalogue saves)

        post_migrate.connect(fill_empty_index, sender=self)


def fill_empty_index(sender, using: str = "default", **kwargs) -> None:
    """Data migrations write through historical models, which send no signals: index once after them."""
    from .index import reindex
    from .models import Entry

    if not Entry.objects.using(using).exists():
        reindex()
