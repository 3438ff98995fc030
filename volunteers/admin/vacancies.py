"""民生・児童委員の欠員: 定数, 現員 and 欠員 per district and area — numbers only, never the roster's names."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.admin.access import RoleAwareAdmin
from community.admin.readonly import ReadOnlyAdminMixin
from volunteers import queries
from volunteers.models import CommissionerVacancy


@admin.register(CommissionerVacancy)
class CommissionerVacancyAdmin(ReadOnlyAdminMixin, RoleAwareAdmin):
    """A table instead of a change list; 定数 is entered on each 担当地区."""

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        today = timezone.localdate()
        staffing = queries.commissioner_staffing(today=today)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("民生・児童委員の欠員の状況（%(date)s現在）") % {"date": f"{today:%Y-%m-%d}"},
            "staffing": staffing,
        }
        return TemplateResponse(request, "admin/volunteers/commissioner_vacancies.html", context)
