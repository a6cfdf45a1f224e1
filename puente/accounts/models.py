"""Who works on Puente: admins, editors and partners (a partner acts for one organization)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    ADMIN, EDITOR, PARTNER = "admin", "editor", "partner"
    ROLE_CHOICES = [(ADMIN, _("admin")), (EDITOR, _("editor")), (PARTNER, _("partner"))]

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(_("role"), max_length=10, choices=ROLE_CHOICES, default=PARTNER)
    organization = models.ForeignKey(
        "catalog.Organization", null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    api_token_hash = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"
