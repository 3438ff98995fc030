"""Volunteer hours in the admin: staff see and correct them; organizations confirm them in マイ団体."""

from django.contrib import admin

from community.admin.access import RoleAwareAdmin
from volunteers.models import VolunteerHours


@admin.register(VolunteerHours)
class VolunteerHoursAdmin(RoleAwareAdmin):
    list_display = ["activity_on", "organization", "opening", "hours", "status", "decided_at"]
    list_filter = ["status", "organization__area"]
    search_fields = ["organization__name", "opening__title"]
    list_select_related = ["organization", "opening"]
    raw_id_fields = ["user", "organization", "opening", "decided_by"]
    readonly_fields = ["created_at", "decided_at", "decided_by"]
    date_hierarchy = "activity_on"
