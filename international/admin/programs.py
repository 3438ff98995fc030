"""Staff keep classes, events, the desk and the landing texts current; each text has one box per language."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from community.admin.access import RoleAwareAdmin
from community.admin.core import RecurringScheduleInline
from community.admin.fiction import FictionAdminMixin
from community.admin.moderation import ModeratedAdmin
from international.models import (
    DeskLanguageDay,
    ExchangeEvent,
    ForeignResidentDesk,
    JapaneseClass,
    LandingSection,
)
from international.models.languages import SupportLanguage

LISTING_FIELDSETS = (
    (None, {"fields": ("organization", "title", "title_kana", "summary", "description", "place", "photo")}),
    (_("参加について"), {"fields": ("audience", "fee_text", "contact_text")}),
)
STATUS_FIELDSET = (_("公開"), {"fields": ("status", "review_note", "published_at")})


class LanguageChoicesForm(forms.ModelForm):
    """Languages as checkboxes instead of raw JSON."""

    language_field = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self._meta.model._meta.get_field(self.language_field)
        self.fields[self.language_field] = forms.MultipleChoiceField(
            label=field.verbose_name,
            help_text=field.help_text,
            choices=SupportLanguage.choices,
            widget=forms.CheckboxSelectMultiple,
            required=False,
        )


class JapaneseClassForm(LanguageChoicesForm):
    language_field = "teacher_languages"

    class Meta:
        model = JapaneseClass
        fields = ["teacher_languages"]  # the admin adds the rest from its fieldsets


class ExchangeEventForm(LanguageChoicesForm):
    language_field = "languages"

    class Meta:
        model = ExchangeEvent
        fields = ["languages"]  # the admin adds the rest from its fieldsets


@admin.register(JapaneseClass)
class JapaneseClassAdmin(FictionAdminMixin, ModeratedAdmin):
    form = JapaneseClassForm
    list_display = ["title", "level", "learners", "organization", "status", "fiction"]
    list_filter = ["status", "level", "learners", "run_by", "has_childcare", "place__chome__town__area"]
    search_fields = ["title", "title_kana", "organization__name"]
    list_select_related = ["organization"]
    autocomplete_fields = ["organization", "place"]
    # The translation boxes come from ModeratedAdmin (the kernel's ListingTranslation).
    inlines = [RecurringScheduleInline]
    fieldsets = (
        *LISTING_FIELDSETS,
        (
            _("教室について"),
            {
                "fields": (
                    "level",
                    "learners",
                    "run_by",
                    "schedule_note",
                    "has_childcare",
                    "childcare_note",
                    "teacher_languages",
                )
            },
        ),
        STATUS_FIELDSET,
    )


@admin.register(ExchangeEvent)
class ExchangeEventAdmin(FictionAdminMixin, ModeratedAdmin):
    form = ExchangeEventForm
    list_display = ["title", "category", "organization", "status", "fiction"]
    list_filter = ["status", "category"]
    search_fields = ["title", "title_kana", "organization__name"]
    list_select_related = ["organization"]
    autocomplete_fields = ["organization", "place"]
    fieldsets = (
        *LISTING_FIELDSETS,
        (_("催しについて"), {"fields": ("category", "languages", "welcome_note")}),
        STATUS_FIELDSET,
    )


class DeskLanguageDayInline(admin.TabularInline):
    model = DeskLanguageDay
    extra = 0


@admin.register(ForeignResidentDesk)
class ForeignResidentDeskAdmin(RoleAwareAdmin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "hours_text", "phone", "is_active", "checked_on"]
    list_filter = ["is_active"]
    search_fields = ["name"]
    autocomplete_fields = ["organization", "place"]
    inlines = [DeskLanguageDayInline]
    fieldsets = (
        (None, {"fields": ("name", "organization", "description", "is_active", "sort_order")}),
        (_("受付と連絡先"), {"fields": ("hours_text", "place", "location_note", "phone", "email", "how_to_reach")}),
        (_("相談できること"), {"fields": ("helps_childcare", "helps_social_security", "helps_daily_life")}),
        (_("情報の確認"), {"fields": ("checked_on", "source_url")}),
    )


@admin.register(LandingSection)
class LandingSectionAdmin(RoleAwareAdmin, TranslationAdmin):
    list_display = ["heading", "slug", "sort_order", "is_published"]
    list_editable = ["sort_order", "is_published"]
    prepopulated_fields = {"slug": ["heading_ja"]}


