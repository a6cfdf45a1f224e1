"""Record editorial changes: who, when, before and after."""

from __future__ import annotations

from django.forms.models import model_to_dict

from .models import AuditLog


def snapshot(obj, fields: tuple[str, ...] | None = None) -> dict:
    data = model_to_dict(obj, fields=fields)
    return {k: _plain(v) for k, v in data.items()}


def _plain(value):
    if isinstance(value, list):
        return [getattr(v, "pk", v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return getattr(value, "pk", value)


def record(user, action: str, obj, before: dict | None = None, after: dict | None = None) -> AuditLog:
    return AuditLog.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        model=obj._meta.label,
        object_id=str(obj.pk),
        before=before or {},
        after=after if after is not None else snapshot(obj),
    )
