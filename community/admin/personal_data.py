"""個人情報の閲覧記録 in the admin: read-only for the staff who hold the view permission (区職員)."""

from django.contrib import admin

from community.models import PersonalDataAccess


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ["at", "user_label", "action", "organization", "target_label", "rows"]
    list_filter = ["action", "at"]
    search_fields = ["user_label", "target_label", "organization__name"]
    date_hierarchy = "at"
    list_select_related = ["organization"]
    fields = ["at", "user", "user_label", "action", "organization", "session", "target_label", "rows"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
