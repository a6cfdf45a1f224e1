from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from .models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "organization")
    list_filter = ("role",)
    search_fields = ("user__username", "user__email", "organization__name")
    autocomplete_fields = ("organization",)
    exclude = ("api_token_hash",)


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    autocomplete_fields = ("organization",)
    exclude = ("api_token_hash",)


# Role and organization are edited with the user, where an admin looks for them.
admin.site.unregister(User)


@admin.register(User)
class PuenteUserAdmin(UserAdmin):
    inlines = [ProfileInline]
    list_display = ("username", "email", "is_staff", "is_superuser", "role")
    list_select_related = ("profile",)

    @admin.display(description="role")
    def role(self, obj: User) -> str:
        profile = getattr(obj, "profile", None)
        return profile.get_role_display() if profile else ""
