"""The fiscal-year report in the admin: /admin/progress/report/?year=2026, its charts and a CSV per section.

Who may see it is declared once, in progress/roles.py (区職員 and coordinators: the role matrix gives both groups
progress.view_report): it holds counts only, never a person.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _

from community.admin.access import RoleAwareAdmin
from community.admin.readonly import ReadOnlyAdminMixin
from progress.forms.years import YearForm
from progress.models import Report
from progress.selectors import report
from progress.selectors.sections import SECTIONS_BY_KEY


@admin.register(Report)
class ReportAdmin(ReadOnlyAdminMixin, RoleAwareAdmin):
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("charts/", view(self.charts_view), name="progress_report_charts"),
            path("csv/<slug:key>/", view(self.csv_view), name="progress_report_csv"),
            *super().get_urls(),
        ]

    def _context(self, request, *, title: str, charts: bool):
        if not self.has_view_permission(request):
            raise PermissionDenied
        form = YearForm(request.GET or None)
        fiscal_year = form.fiscal_year()
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title % {"year": fiscal_year.label},
            "form": form,
            "fiscal_year": fiscal_year,
            "sections": report.sections_for(fiscal_year, public=False),
            "charts": charts,
        }

    def changelist_view(self, request, extra_context=None):
        context = self._context(request, title=_("施策1の年度報告 %(year)s"), charts=False)
        return TemplateResponse(request, "admin/progress/report.html", context, status=400 if context["form"].errors else 200)

    def charts_view(self, request):
        context = self._context(request, title=_("施策1の年度報告 %(year)s（グラフ）"), charts=True)
        return TemplateResponse(request, "admin/progress/report.html", context, status=400 if context["form"].errors else 200)

    def csv_view(self, request, key):
        if not self.has_view_permission(request):
            raise PermissionDenied
        section = SECTIONS_BY_KEY.get(key)
        if section is None:
            raise Http404
        return report.section_csv(section, YearForm(request.GET or None).fiscal_year(), public=False)
