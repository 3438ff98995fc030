from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from community.admin.access import RoleAwareAdmin
from community.admin.fiction import FictionAdminMixin
from hiroba.admin.plazas import OTHER_LANGUAGES
from hiroba.models import ConsultationDesk, SupportCenterCoverage, Topic


@admin.register(SupportCenterCoverage)
class SupportCenterCoverageAdmin(RoleAwareAdmin):
    list_display = ["chome", "center", "is_confirmed"]
    list_filter = ["chome__town__area", "is_confirmed", "center"]
    search_fields = ["chome__town__name", "chome__town__name_kana", "center__name"]
    list_select_related = ["chome__town", "center"]
    autocomplete_fields = ["chome", "center"]


class ConsultationDeskForm(forms.ModelForm):
    topics = forms.MultipleChoiceField(
        label=_("相談できること"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("相談できることを一つ以上選んでください。")},
    )
    website = forms.URLField(label=_("ウェブサイト"), required=False, assume_scheme="https")
    languages = forms.MultipleChoiceField(
        label=_("日本語以外に相談できる言語"), choices=OTHER_LANGUAGES, widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ConsultationDesk
        fields = [
            "name", "name_kana", "kind", "area", "address", "phone", "hours_text", "topics", "offers_visit",
            "offers_phone", "offers_online", "languages", "description", "website", "is_main_contact", "is_active",
            "sort_order",
        ]


@admin.register(ConsultationDesk)
class ConsultationDeskAdmin(FictionAdminMixin, RoleAwareAdmin):
    form = ConsultationDeskForm
    list_display = ["name", "kind", "area", "phone", "hours_text", "is_main_contact", "is_active", "fiction"]
    list_filter = ["kind", "area", "is_active"]
    search_fields = ["name", "name_kana"]
    list_select_related = ["area"]
