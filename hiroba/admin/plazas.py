import datetime as dt

from django import forms
from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.admin.moderation import ModeratedAdmin
from community.models import Area, RecurringSchedule
from community.uploads import VerifiedDocumentField, VerifiedImageField
from hiroba.models import Activity, Plaza, PlazaSubsidy
from hiroba.services import consultations as services

OTHER_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != "ja"]
SUMMARY_YEARS = 6


def fiscal_year(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


class PlazaAdminForm(forms.ModelForm):
    photo = VerifiedImageField(label=_("写真"), required=False)
    activities = forms.MultipleChoiceField(
        label=_("相談・活動の内容"), choices=Activity.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    languages = forms.MultipleChoiceField(
        label=_("日本語以外に相談できる言語"), choices=OTHER_LANGUAGES, widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Plaza
        fields = [
            "title", "title_kana", "organization", "status", "review_note", "published_at", "summary", "description",
            "place", "hours_text", "phone", "offers_online", "languages", "audience", "fee_text", "contact_text",
            "photo", "introduced_organizations", "opened_on", "closed_on", "source_note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["activities"].initial = list(self.instance.activity_rows.values_list("activity", flat=True))


class SubsidyForm(forms.ModelForm):
    report = VerifiedDocumentField(label=_("実績報告書"), required=False)

    class Meta:
        model = PlazaSubsidy
        fields = ["plaza", "fiscal_year", "amount", "status", "decided_on", "report", "reported_on", "note"]


class PlazaSubsidyInline(admin.TabularInline):
    model = PlazaSubsidy
    form = SubsidyForm
    extra = 0
    fields = ["fiscal_year", "amount", "status", "decided_on", "report", "reported_on", "note"]


class ScheduleInline(admin.TabularInline):
    model = RecurringSchedule
    fk_name = "listing"
    extra = 0


@admin.register(Plaza)
class PlazaAdmin(ModeratedAdmin):
    form = PlazaAdminForm
    change_list_template = "hiroba/admin/plaza_change_list.html"
    list_display = ["title", "organization", "area_name", "status", "opened_on", "closed_on"]
    list_filter = ["status", "place__chome__town__area", "activity_rows__activity"]
    search_fields = ["title", "title_kana", "organization__name"]
    list_select_related = ["organization", "place__chome__town__area"]
    autocomplete_fields = ["organization", "place", "introduced_organizations"]
    inlines = [ScheduleInline, PlazaSubsidyInline]
    fieldsets = [
        (None, {"fields": ["title", "title_kana", "organization", "status", "review_note", "published_at"]}),
        (_("ひろばの案内"), {"fields": ["summary", "description", "place", "hours_text", "phone", "offers_online",
                                     "languages", "activities", "audience", "fee_text", "contact_text", "photo"]}),
        (_("紹介している団体"), {"fields": ["introduced_organizations"]}),
        (_("開設と出典"), {"fields": ["opened_on", "closed_on", "source_note"]}),
    ]

    @admin.display(description=_("地域"), ordering="place__chome__town__area__sort_order")
    def area_name(self, obj):
        return obj.place.chome.town.area.name if obj.place else "—"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.plaza_set_activities(plaza=form.instance, activities=form.cleaned_data["activities"])

    def get_urls(self):
        summary = path("summary/", self.admin_site.admin_view(self.summary_view), name="hiroba_plaza_summary")
        return [summary, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra = {"summary_url": reverse("admin:hiroba_plaza_summary"), **(extra_context or {})}
        return super().changelist_view(request, extra_context=extra)

    def summary_view(self, request):
        """Plazas open per area in each fiscal year, and the subsidy granted (the plan promises more plazas)."""
        if not self.has_view_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        this_year = fiscal_year(timezone.localdate())
        years = list(range(this_year - SUMMARY_YEARS + 1, this_year + 1))
        areas = list(Area.objects.all())
        open_counts = {year: Plaza.objects.open_in_fiscal_year(year).count_by_area() for year in years}
        subsidies = {
            (row["plaza__place__chome__town__area__name"], row["fiscal_year"]): row
            for row in PlazaSubsidy.objects.filter(fiscal_year__in=years).summary_by_area_and_year()
        }
        rows = []
        for area in areas:
            cells = []
            for year in years:
                subsidy = subsidies.get((area.name, year), {})
                cells.append({"open": open_counts[year].get(area.pk, 0), "subsidised": subsidy.get("plazas", 0),
                              "total": subsidy.get("total") or 0})
            rows.append({"area": area, "cells": cells})
        totals = [sum(open_counts[year].values()) for year in years]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("地域別・年度別のひろば数"),
            "years": years,
            "rows": rows,
            "totals": totals,
        }
        return TemplateResponse(request, "hiroba/admin/plaza_summary.html", context)


@admin.register(PlazaSubsidy)
class PlazaSubsidyAdmin(admin.ModelAdmin):
    form = SubsidyForm
    list_display = ["plaza", "fiscal_year", "amount", "status", "reported_on"]
    list_filter = ["fiscal_year", "status", "plaza__place__chome__town__area"]
    search_fields = ["plaza__title", "plaza__title_kana"]
    list_select_related = ["plaza"]
    autocomplete_fields = ["plaza"]
