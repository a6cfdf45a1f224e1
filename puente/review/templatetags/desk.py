from django import template

from puente.accounts import roles

register = template.Library()


@register.filter
def is_editor(user) -> bool:
    return roles.is_editor(user)


@register.filter
def is_partner(user) -> bool:
    return roles.is_partner(user)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
