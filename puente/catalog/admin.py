"""Django admin for everything the desk does not cover (sources, pages, the audit log…)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import (
    Attachment,
    AuditLog,
    Contact,
    Document,
    Event,
    Item,
    Organization,
    Page,
    Source,
    Story,
    Topic,
    Translation,
)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "is_need", "order")
    list_filter = ("is_need",)
    list_editable = ("order",)
    search_fields = ("name", "slug")


class OrganizationContactInline(admin.TabularInline):
    model = Contact
    fk_name = "organization"
    exclude = ("item",)
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "acronym", "last_verified", "auto_created", "is_nonprofit", "doj_recognized")
    list_filter = ("auto_created", "is_nonprofit", "is_free_or_low_cost", "doj_recognized", "areas")
    search_fields = ("name", "acronym", "description", "website")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("areas",)
    readonly_fields = ("created", "updated")
    inlines = [OrganizationContactInline]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "address", "organization", "trusted", "active", "last_polled")
    list_filter = ("kind", "trusted", "active")
    search_fields = ("name", "address", "organization__name")
    autocomplete_fields = ("organization",)
    readonly_fields = ("last_polled", "etag", "modified", "last_error", "created")


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ("filename", "content_type", "size", "sha256", "file")


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "source", "format", "received_at", "reference_date", "has_error")
    list_filter = ("format", "source__kind", "source")
    search_fields = ("subject", "filename", "sender", "message_id", "text")
    date_hierarchy = "received_at"
    exclude = ("raw",)
    readonly_fields = ("content_hash", "extracted_at", "external_id", "message_id")
    inlines = [AttachmentInline]

    @admin.display(boolean=True, description=_("error"))
    def has_error(self, obj: Document) -> bool:
        return bool(obj.error)


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ("filename", "content_type", "size", "document")
    list_filter = ("content_type",)
    search_fields = ("filename", "sha256")


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ("title", "created", "updated")
    search_fields = ("title",)


class EventInline(admin.TabularInline):
    model = Event
    extra = 0


class ItemContactInline(admin.TabularInline):
    model = Contact
    fk_name = "item"
    exclude = ("organization",)
    extra = 0


class TranslationInline(admin.StackedInline):
    model = Translation
    extra = 0
    readonly_fields = ("source_hash",)


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "status", "organization", "urgent", "pinned", "created")
    list_filter = ("status", "kind", "urgent", "pinned", "topics", "language")
    search_fields = ("title", "body", "organization__name")
    date_hierarchy = "created"
    autocomplete_fields = ("organization", "story", "mentions")
    raw_id_fields = ("document",)
    filter_horizontal = ("topics",)
    readonly_fields = ("uuid", "extracted", "corrected_fields", "fingerprint", "published_at", "created")
    inlines = [EventInline, ItemContactInline, TranslationInline]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("item", "start", "end", "timezone", "location", "online")
    list_filter = ("online", "all_day", "item__status")
    search_fields = ("item__title", "location")
    date_hierarchy = "start"
    raw_id_fields = ("item",)


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("value", "kind", "label", "item", "organization")
    list_filter = ("kind",)
    search_fields = ("value", "label")
    raw_id_fields = ("item", "organization")


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin):
    list_display = ("item", "language", "machine", "updated")
    list_filter = ("language", "machine")
    search_fields = ("title", "body", "item__title")
    raw_id_fields = ("item",)


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("title", "language", "slug", "published", "needs_legal_review", "order")
    list_filter = ("language", "published", "needs_legal_review")
    search_fields = ("title", "summary", "body")


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ("at", "user", "action", "model", "object_id")
    list_filter = ("action", "model")
    search_fields = ("object_id", "user__username")
    date_hierarchy = "at"

    # The log is evidence: nobody edits or deletes it through the admin.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
