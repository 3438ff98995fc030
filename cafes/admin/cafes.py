"""Staff see every café and lecture, moderate them, and read the counts the plan promises to grow."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from cafes.models import Activity, CareCafe, ChildcareLecture, KidsCafe
from cafes.selectors import cafe_counts, participants_by_month
from community.admin.access import RoleAwareAdmin
from community.admin.fiction import FictionAdminMixin, FictionListFilter
from community.admin.moderation import ModeratedAdmin
from community.models import RecurringSchedule


class ScheduleInline(admin.TabularInline):
    model = RecurringSchedule
    fk_name = "listing"
    extra = 0
    autocomplete_fields = ["place"]


class CafeAdminBase(FictionAdminMixin, ModeratedAdmin):
    search_fields = ["title", "title_kana", "organization__name"]
    list_select_related = ["organization", "place__chome__town__area"]
    autocomplete_fields = ["organization", "place"]
    readonly_fields = ["created_at", "updated_at", "published_at"]
    inlines = [ScheduleInline]

    @admin.display(description=_("地域"), ordering="place__chome__town__area__sort_order")
    def area(self, obj):
        return obj.place.chome.town.area if obj.place else "—"


@admin.register(CareCafe)
class CareCafeAdmin(CafeAdminBase):
    list_display = ["title", "cafe_type", "organization", "area", "is_free", "signup_required", "status", "fiction"]
    list_filter = ["status", "cafe_type", "place__chome__town__area", "is_free", "signup_required", FictionListFilter]
    filter_horizontal = ["activities"]
    change_list_template = "cafes/admin/carecafe_change_list.html"

    def changelist_view(self, request, extra_context=None):
        # The numbers the plan promises to grow: cafés per type × area, and participants per month.
        extra_context = {
            **(extra_context or {}),
            "cafe_counts": cafe_counts(),
            "participants": participants_by_month(months=6),
        }
        return super().changelist_view(request, extra_context=extra_context)


@admin.register(KidsCafe)
class KidsCafeAdmin(CafeAdminBase):
    list_display = ["title", "organization", "area", "age_min", "age_max", "status", "fiction"]
    list_filter = ["status", "place__chome__town__area", "stroller_ok", "has_nursing_room", FictionListFilter]


@admin.register(ChildcareLecture)
class ChildcareLectureAdmin(CafeAdminBase):
    list_display = ["title", "topic", "organization", "kids_cafe", "status"]
    list_filter = ["status", "topic"]
    list_select_related = ["organization", "kids_cafe", "place__chome__town__area"]
    autocomplete_fields = ["organization", "place", "kids_cafe"]


@admin.register(Activity)
class ActivityAdmin(RoleAwareAdmin, TranslationAdmin):
    list_display = ["name", "code", "sort_order"]
