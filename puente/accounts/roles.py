"""Role checks in one place. Superusers are admins; staff without a profile are editors."""

from __future__ import annotations

from puente.accounts.models import Profile


def role(user) -> str | None:
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Profile.ADMIN
    profile = getattr(user, "profile", None)
    if profile is not None:
        return profile.role
    return Profile.EDITOR if user.is_staff else None


def is_admin(user) -> bool:
    return role(user) == Profile.ADMIN


def is_editor(user) -> bool:
    """Editors and admins review and publish."""
    return role(user) in (Profile.ADMIN, Profile.EDITOR)


def is_partner(user) -> bool:
    return role(user) == Profile.PARTNER


def partner_organization(user):
    """The organization a partner acts for; None for editors, admins and outsiders."""
    if role(user) != Profile.PARTNER:
        return None
    return user.profile.organization


def can_see_subscribers(user) -> bool:
    """Subscriber addresses: admins only. Editors see counts."""
    return is_admin(user)
