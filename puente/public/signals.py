"""Any catalogue change makes cached public pages stale at once."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save

from puente.catalog import models as catalog

from .cache import bump

WATCHED = (
    catalog.Item,
    catalog.Event,
    catalog.Translation,
    catalog.Organization,
    catalog.Contact,
    catalog.Story,
    catalog.Page,
    catalog.Topic,
)


def changed(sender, **kwargs) -> None:
    bump()


def connect() -> None:
    for model in WATCHED:
        post_save.connect(changed, sender=model, dispatch_uid=f"public-cache-save-{model.__name__}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"public-cache-delete-{model.__name__}")
    m2m_changed.connect(changed, sender=catalog.Item.topics.through, dispatch_uid="public-cache-topics")
