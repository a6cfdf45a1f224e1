"""An item that is published and urgent goes out as an alert at once, once."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from puente.catalog.models import Item


@receiver(post_save, sender=Item, dispatch_uid="digests-urgent-alert")
def queue_urgent_alert(sender, instance: Item, **kwargs) -> None:
    if not (instance.urgent and instance.status == Item.PUBLISHED):
        return
    from .models import Alert
    from .tasks import send_alert

    _, created = Alert.objects.get_or_create(item=instance)
    if created:
        transaction.on_commit(lambda: send_alert.enqueue(instance.pk))
