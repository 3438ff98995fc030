from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from community.admin.access import RoleAwareAdmin
from projects.models import Call, Category, Stage


class CategoryInline(TranslationTabularInline):
    model = Category
    extra = 0


class StageInline(TranslationTabularInline):
    model = Stage
    extra = 0


@admin.register(Call)
class CallAdmin(RoleAwareAdmin):
    list_display = ["fiscal_year", "era", "title", "status", "opens_on", "closes_on", "application_count", "export"]
    list_filter = ["status"]
    inlines = [CategoryInline, StageInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_applications=Count("applications"))

    @admin.display(description=_("和暦"))
    def era(self, call):
        return call.era_label

    @admin.display(description=_("申請数"), ordering="n_applications")
    def application_count(self, call):
        return call.n_applications

    @admin.display(description=_("CSV"))
    def export(self, call):
        url = reverse("admin:projects_application_export", args=[call.pk])
        return format_html('<a href="{}">{}</a>', url, _("申請一覧をCSVで出力"))
