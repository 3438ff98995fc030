from django.contrib import admin

from community.admin.access import RoleAwareAdmin
from projects.models import ShowcaseProject


@admin.register(ShowcaseProject)
class ShowcaseProjectAdmin(RoleAwareAdmin):
    list_display = ["title", "organization", "fiscal_year", "year_is_estimated", "is_published"]
    list_filter = ["is_published", "year_is_estimated", "fiscal_year"]
    search_fields = ["title", "organization__name"]
    list_select_related = ["organization"]
    raw_id_fields = ["organization", "application"]
