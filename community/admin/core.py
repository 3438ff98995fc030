from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from community.admin.moderation import ModeratedAdmin
from community.models import (
    Area,
    Chome,
    Invitation,
    Listing,
    Membership,
    Organization,
    Place,
    RecurringSchedule,
    Session,
    SignUp,
    Town,
    User,
)


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "full_name", "is_staff", "date_joined"]
    search_fields = ["email", "full_name", "full_name_kana"]
    list_filter = ["is_staff", "groups"]
    readonly_fields = ["last_login", "date_joined"]
    exclude = ["password"]
    autocomplete_fields = ["chome"]


@admin.register(Area)
class AreaAdmin(TranslationAdmin):
    list_display = ["name", "name_kana", "sort_order"]


@admin.register(Town)
class TownAdmin(admin.ModelAdmin):
    list_display = ["name", "name_kana", "area", "postal_code"]
    list_filter = ["area"]
    search_fields = ["name", "name_kana"]


@admin.register(Chome)
class ChomeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "town"]
    list_filter = ["town__area"]
    search_fields = ["town__name", "town__name_kana"]
    list_select_related = ["town"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(ModeratedAdmin):
    list_display = ["name", "kind", "area", "status", "updated_at"]
    list_filter = ["status", "kind", "area"]
    search_fields = ["name", "name_kana"]
    list_select_related = ["area"]
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "created_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    search_fields = ["email", "organization__name"]
    list_select_related = ["organization"]
    readonly_fields = ["organization", "email", "role", "invited_by", "created_at", "accepted_at", "accepted_by"]

    def has_add_permission(self, request):
        # Invitations are sent by each organization's 代表者 from マイ団体, so the mail and link are right.
        return False


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "address", "chome", "wheelchair_accessible"]
    list_filter = ["chome__town__area", "wheelchair_accessible"]
    search_fields = ["name", "name_kana", "address"]
    autocomplete_fields = ["chome", "organization"]
    list_select_related = ["chome__town"]


class RecurringScheduleInline(admin.TabularInline):
    model = RecurringSchedule
    extra = 0


@admin.register(Listing)
class ListingAdmin(ModeratedAdmin):
    list_display = ["title", "kind", "organization", "status", "updated_at"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "title_kana", "organization__name"]
    list_select_related = ["organization"]
    inlines = [RecurringScheduleInline]


class SignUpInline(admin.TabularInline):
    model = SignUp
    extra = 0
    fields = ["name", "party_size", "status", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["listing", "starts_at", "capacity", "is_cancelled"]
    list_filter = ["is_cancelled", "listing__kind"]
    date_hierarchy = "starts_at"
    search_fields = ["listing__title"]
    list_select_related = ["listing"]
    raw_id_fields = ["listing", "schedule"]
    inlines = [SignUpInline]


@admin.register(SignUp)
class SignUpAdmin(admin.ModelAdmin):
    list_display = ["name", "session", "party_size", "status", "reference", "created_at"]
    list_filter = ["status"]
    # A guest who calls quotes the reference number (受付番号).
    search_fields = ["name", "reference", "session__listing__title"]
    list_select_related = ["session__listing"]
    raw_id_fields = ["session", "user", "proxy_by"]
    readonly_fields = ["created_at", "promoted_at", "cancelled_at", "reminder_sent_at", "reference"]
    verbose_name = _("申込")
