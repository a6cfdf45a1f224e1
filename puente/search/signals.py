"""Every save or delete in the catalogue updates the index; only published things are findable."""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from puente.catalog.models import Event, Item, Organization, Page, Translation

from . import index
from .models import Entry


@receiver(post_save, sender=Item)
def item_saved(sender, instance: Item, raw: bool = False, **kwargs) -> None:
    if not raw:
        index.index_item(instance)


@receiver(post_delete, sender=Item)
def item_deleted(sender, instance: Item, **kwargs) -> None:
    index.unindex(Entry.ITEM, instance.pk)


@receiver(m2m_changed, sender=Item.topics.through)
def item_topics_changed(sender, instance, action: str, **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, Item):
        index.index_item(instance)


@receiver([post_save, post_delete], sender=Translation)
@receiver([post_save, post_delete], sender=Event)
def part_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    item = Item.objects.filter(pk=instance.item_id).first()
    if item is not None:
        index.index_item(item)


@receiver(post_save, sender=Organization)
def organization_saved(sender, instance: Organization, raw: bool = False, **kwargs) -> None:
    if not raw:
        index.index_organization(instance)


@receiver(post_delete, sender=Organization)
def organization_deleted(sender, instance: Organization, **kwargs) -> None:
    index.unindex(Entry.ORGANIZATION, instance.pk)


@receiver(post_save, sender=Page)
def page_saved(sender, instance: Page, raw: bool = False, **kwargs) -> None:
    if not raw:
        index.index_page(instance)


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance: Page, **kwargs) -> None:
    index.unindex(Entry.PAGE, instance.pk)
