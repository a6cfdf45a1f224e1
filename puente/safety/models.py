"""Editable know-your-rights card texts. Safety plans themselves are never stored: there is no model."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RightsCardQuerySet(models.QuerySet):
    def for_language(self, language: str):
        """The cards in a language, or the English ones when that language has none yet."""
        cards = self.filter(language=language)
        return cards if cards.exists() else self.filter(language=settings.LANGUAGE_CODE)


class RightsCard(models.Model):
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(
        _("text"), help_text=_("One right per line. Keep it short: it must fit a wallet card.")
    )
    # The back of a red card speaks to the officer, in English whatever the card's language.
    for_officer = models.BooleanField(_("to show an officer (text in English)"), default=False)
    needs_legal_review = models.BooleanField(_("awaiting review by a lawyer"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = RightsCardQuerySet.as_manager()

    class Meta:
        ordering = ["language", "order", "id"]
        verbose_name = _("rights card")
        verbose_name_plural = _("rights cards")

    def __str__(self) -> str:
        return f"{self.title} [{self.language}]"

    @property
    def lines(self) -> list[str]:
        return [line.strip() for line in self.body.splitlines() if line.strip()]
