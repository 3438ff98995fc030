"""Read-only admin pages: records of what happened, shown in the admin and never added, changed or deleted there.

Logs (who read which personal data or consultation), sent mail, summaries and what a group submitted are
evidence: nobody edits them, not even a superuser, so the rule is in the code rather than in the role matrix.
Their own actions (再送, 審査, 採否) have their own permissions and pages.
"""

from django.contrib import admin


class ReadOnlyAdminMixin:
    """No add, change or delete for anyone; the change page becomes Django's view-only page. Put it first in the bases."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyTabularInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Rows shown under their parent as they are; every field in `fields` is displayed, none is a form field."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        # A field Django cannot put in a form (e.g. auto_now_add `uploaded_at`) would otherwise break the page.
        return [*(self.fields or ())]
