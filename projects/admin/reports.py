from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from community.admin.access import RoleAwareAdmin
from community.admin.readonly import ReadOnlyTabularInline
from projects.models import Report, ReportBudgetLine, ReportPhoto
from projects.services import reports as services


class ReportActionForm(ActionForm):
    return_reason = forms.CharField(label=_("差戻しの理由"), required=False)


class ReportBudgetLineInline(ReadOnlyTabularInline):
    model = ReportBudgetLine
    fields = ["kind", "item", "amount", "note"]


class ReportPhotoInline(ReadOnlyTabularInline):
    model = ReportPhoto
    fields = ["image", "caption"]


@admin.action(description=_("承認する"), permissions=["change"])
def accept(modeladmin, request, queryset):
    done = 0
    for report in queryset:
        try:
            services.report_accept(report=report)
            done += 1
        except ValidationError as error:
            modeladmin.message_user(request, f"{report}: {' '.join(error.messages)}", messages.WARNING)
    modeladmin.message_user(request, _t("%(n)d件の活動報告を承認しました。") % {"n": done}, messages.SUCCESS)


@admin.action(description=_("差し戻す（理由を入力）"), permissions=["change"])
def send_back(modeladmin, request, queryset):
    reason = request.POST.get("return_reason", "")
    for report in queryset:
        try:
            services.report_return(report=report, reason=reason)
        except ValidationError as error:
            modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
            return
    modeladmin.message_user(request, _t("差し戻しました。"), messages.SUCCESS)


@admin.register(Report)
class ReportAdmin(RoleAwareAdmin):
    list_display = ["__str__", "organization", "fiscal_year", "status", "submitted_at", "reviewed_at"]
    list_filter = ["status", "application__call"]
    list_select_related = ["application__organization", "application__call"]
    readonly_fields = ["application", "results", "participants", "next_steps", "status", "return_reason",
                       "submitted_at", "reviewed_at"]
    inlines = [ReportBudgetLineInline, ReportPhotoInline]
    action_form = ReportActionForm
    actions = [accept, send_back]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("団体"), ordering="application__organization__name_kana")
    def organization(self, report):
        return report.application.organization

    @admin.display(description=_("年度"), ordering="application__call__fiscal_year")
    def fiscal_year(self, report):
        return report.application.call.era_label
