from django.contrib import admin

from .models import MissedSearch


@admin.register(MissedSearch)
class MissedSearchAdmin(admin.ModelAdmin):
    """Read-only: the words residents looked for in vain, to know what content is missing."""

    list_display = ("day", "words", "count")
    list_filter = ("day",)
    search_fields = ("words",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
