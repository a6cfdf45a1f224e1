"""Rights cards are edited by editors (not only superusers), and every change is audited."""

from django.contrib import admin

from puente.accounts.roles import is_editor
from puente.catalog import audit
from puente.safety.models import RightsCard


@admin.register(RightsCard)
class RightsCardAdmin(admin.ModelAdmin):
    list_display = ("title", "language", "for_officer", "needs_legal_review", "updated")
    list_filter = ("language", "needs_legal_review", "for_officer")
    search_fields = ("title", "body")

    def has_module_permission(self, request) -> bool:
        return is_editor(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_editor(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return is_editor(request.user)

    def has_add_permission(self, request) -> bool:
        return is_editor(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return is_editor(request.user)

    def save_model(self, request, obj, form, change) -> None:
        before = audit.snapshot(RightsCard.objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)
        audit.record(request.user, "rights_card.change" if change else "rights_card.add", obj, before)

    def delete_model(self, request, obj) -> None:
        audit.record(request.user, "rights_card.delete", obj, audit.snapshot(obj), {})
        super().delete_model(request, obj)
