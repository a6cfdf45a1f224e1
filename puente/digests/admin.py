"""Subscriber addresses are for admins only; editors see counts on the dashboard."""

from __future__ import annotations

import json

from django.contrib import admin
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from puente.accounts.roles import can_see_subscribers

from .models import Bounce, Reminder, SendLog, Subscriber


class AdminsOnly:
    def has_module_permission(self, request) -> bool:
        return can_see_subscribers(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return can_see_subscribers(request.user)

    def has_change_permission(self, request, obj=None) -> bool:
        return can_see_subscribers(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return can_see_subscribers(request.user)

    def has_add_permission(self, request) -> bool:
        return False  # people subscribe themselves, with double opt-in


def person_data(subscriber: Subscriber) -> dict:
    """Everything Puente holds about one person, for a data request."""
    reminders = Reminder.objects.filter(email=subscriber.email)
    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "topics": subscriber.topics,
        "rhythm": subscriber.rhythm,
        "status": subscriber.status,
        "created": subscriber.created.isoformat(),
        "confirmed_at": subscriber.confirmed_at and subscriber.confirmed_at.isoformat(),
        "unsubscribed_at": subscriber.unsubscribed_at and subscriber.unsubscribed_at.isoformat(),
        "hard_bounces": subscriber.hard_bounces,
        "messages": [
            {
                "kind": s.kind,
                "period": s.period,
                "status": s.status,
                "sent_at": s.sent_at and s.sent_at.isoformat(),
            }
            for s in subscriber.sends.order_by("claimed_at")
        ],
        "reminders": [{"event": str(r.event.uid), "status": r.status} for r in reminders],
    }


@admin.register(Subscriber)
class SubscriberAdmin(AdminsOnly, admin.ModelAdmin):
    list_display = ["email", "language", "rhythm", "status", "confirmed_at", "hard_bounces"]
    list_filter = ["status", "rhythm", "language"]
    search_fields = ["email"]
    readonly_fields = [
        "email",
        "created",
        "confirmed_at",
        "unsubscribed_at",
        "last_digest_at",
        "hard_bounces",
    ]
    actions = ["export_json", "delete_with_reminders"]

    @admin.action(description=_("Export the selected people's data (JSON)"))
    def export_json(self, request, queryset):
        data = [person_data(s) for s in queryset.prefetch_related("sends")]
        response = HttpResponse(
            json.dumps(data, indent=1, ensure_ascii=False), content_type="application/json"
        )
        response["Content-Disposition"] = 'attachment; filename="subscriber-data.json"'
        return response

    @admin.action(description=_("Delete the selected people's data, reminders included"))
    def delete_with_reminders(self, request, queryset):
        emails = list(queryset.values_list("email", flat=True))
        Reminder.objects.filter(email__in=emails).delete()
        count, _per_model = queryset.delete()  # send logs and bounces go with them (CASCADE)
        self.message_user(request, _("Deleted %(count)d records.") % {"count": count})


@admin.register(Reminder)
class ReminderAdmin(AdminsOnly, admin.ModelAdmin):
    list_display = ["email", "event", "status", "sent_at"]
    search_fields = ["email"]


@admin.register(SendLog)
class SendLogAdmin(AdminsOnly, admin.ModelAdmin):
    list_display = ["kind", "period", "subscriber", "status", "sent_at", "error"]
    list_filter = ["kind", "status"]


@admin.register(Bounce)
class BounceAdmin(AdminsOnly, admin.ModelAdmin):
    list_display = ["at", "subscriber", "status", "hard"]
