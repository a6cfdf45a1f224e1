from django.contrib import admin

from puente.safety.models import RightsCard


@admin.register(RightsCard)
class RightsCardAdmin(admin.ModelAdmin):
    list_display = ("title", "language", "needs_legal_review", "updated")
    list_filter = ("language", "needs_legal_review")
    search_fields = ("title", "body")
