"""利用者 in the admin: nobody widens their own rights; only superusers give rights or change a sign-in address.

What each role reads and writes here is declared in community/roles.py (a coordinator sees name and contact only,
区職員 change name and phone). On top of the matrix: nobody changes their own rights, not even a superuser, so
no one can take a right they were not given by someone else.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from community.admin.access import RoleAwareAdmin
from community.models import User
from community.roles import USER_PRIVILEGE_FIELDS
from community.services.accounts import user_change_email


@admin.register(User)
class UserAdmin(RoleAwareAdmin):
    list_display = ["email", "full_name", "is_staff", "date_joined"]
    search_fields = ["email", "full_name", "full_name_kana"]
    list_filter = ["is_staff", "groups"]
    autocomplete_fields = ["chome"]
    filter_horizontal = ["groups", "user_permissions"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "full_name_kana", "phone"]}),
        (_("お住まいと言語"), {"fields": ["chome", "languages", "interests", "preferred_language"]}),
        (_("権限"), {"fields": list(USER_PRIVILEGE_FIELDS)}),
        (_("記録"), {"fields": ["last_login", "date_joined"]}),
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.pk == request.user.pk:
            readonly += [name for name in USER_PRIVILEGE_FIELDS if name not in readonly]
        return readonly

    def has_add_permission(self, request):
        return request.user.is_superuser  # accounts are made by signing up; staff accounts by a superuser

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "email" in form.changed_data:
            # Only a superuser's form has the field; allauth's address list must follow, or the old one still signs in.
            user_change_email(user=obj, email=obj.email)
