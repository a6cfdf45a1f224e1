"""The search index (one row per findable thing) and the words people searched for in vain."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Entry(models.Model):
    """A findable thing: a published item, an organization or a content page.

    ``text`` is already folded (lower case, no accents) so every backend matches the same way.
    SQLite mirrors it into FTS5 tables keyed by this id; PostgreSQL keeps a tsvector beside it.
    """

    ITEM, ORGANIZATION, PAGE = "item", "organization", "page"
    model = models.CharField(max_length=12)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, db_index=True)  # item kind, "organization" or "page"
    language = models.CharField(max_length=10, blank=True)  # pages only: the page's language
    text = models.TextField()
    date = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["model", "object_id"], name="one_entry_per_object")]

    def __str__(self) -> str:
        return f"{self.model}#{self.object_id}"


class MissedSearch(models.Model):
    """A search that found nothing: the words and how often per day; never who asked."""

    day = models.DateField(_("day"), db_index=True)
    words = models.CharField(_("words"), max_length=100)
    count = models.PositiveIntegerField(_("times"), default=1)

    class Meta:
        ordering = ["-day", "-count"]
        constraints = [models.UniqueConstraint(fields=["day", "words"], name="one_missed_search_per_day")]
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")

    def __str__(self) -> str:
        return f"{self.day} {self.words} ×{self.count}"
