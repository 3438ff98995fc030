from django import forms
from django.apps import apps
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from community.admin.access import NotOneselfInline, RoleAwareAdmin
from community.admin.fiction import FictionAdminMixin
from community.admin.moderation import ModeratedAdmin, act_on_each
from community.models import (
    Area,
    Chome,
    Headcount,
    Invitation,
    Listing,
    Membership,
    Organization,
    Place,
    RecurringSchedule,
    Session,
    SignUp,
    Town,
)
from community.services import organizations as organization_services


@admin.register(Area)
class AreaAdmin(RoleAwareAdmin, TranslationAdmin):
    list_display = ["name", "name_kana", "sort_order"]


@admin.register(Town)
class TownAdmin(RoleAwareAdmin):
    list_display = ["name", "name_kana", "area", "postal_code"]
    list_filter = ["area"]
    search_fields = ["name", "name_kana"]


@admin.register(Chome)
class ChomeAdmin(RoleAwareAdmin):
    list_display = ["__str__", "town"]
    list_filter = ["town__area"]
    search_fields = ["town__name", "town__name_kana"]
    list_select_related = ["town"]


class MembershipInline(NotOneselfInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class PendingIdentityFilter(admin.SimpleListFilter):
    title = _("名称・種別の変更")
    parameter_name = "identity"

    def lookups(self, request, model_admin):
        return [("pending", _("承認待ちの変更あり"))]

    def queryset(self, request, queryset):
        if self.value() == "pending":
            return queryset.exclude(pending_name="", pending_kind="")
        return queryset


@admin.action(description=_("名称・種別の変更を承認する"), permissions=["change"])
def approve_identity(modeladmin, request, queryset):
    act_on_each(modeladmin, request, queryset,
                lambda organization: organization_services.organization_identity_approve(organization=organization),
                _("%(n)d件の名称・種別の変更を公開しました。"))


@admin.action(description=_("名称・種別の変更を差戻す（理由を入力）"), permissions=["change"])
def return_identity(modeladmin, request, queryset):
    try:
        for organization in queryset.exclude(pending_name="", pending_kind=""):
            organization_services.organization_identity_return(
                organization=organization, reason=request.POST.get("review_note", "")
            )
    except ValidationError:
        modeladmin.message_user(request, _("差戻しの理由を入力してください。"), messages.ERROR)
        return
    modeladmin.message_user(request, _("名称・種別の変更を差戻しました。公開中の名前はそのままです。"), messages.SUCCESS)


@admin.register(Organization)
class OrganizationAdmin(FictionAdminMixin, ModeratedAdmin):
    """Staff set any 種別 here; members' new names and 種別 wait in the pending fields for the two actions below."""

    list_display = ["name", "kind", "area", "status", "pending_identity", "updated_at", "fiction"]
    list_filter = ["status", PendingIdentityFilter, "kind", "area"]
    search_fields = ["name", "name_kana"]
    list_select_related = ["area"]
    readonly_fields = ["pending_name", "pending_name_kana", "pending_kind"]
    inlines = [MembershipInline]
    actions = [*ModeratedAdmin.actions, approve_identity, return_identity]

    @admin.display(description=_("承認待ちの名称・種別"))
    def pending_identity(self, organization):
        if not organization.has_pending_identity:
            return "—"
        return f"{organization.pending_name}（{organization.get_pending_kind_display()}）"


@admin.register(Invitation)
class InvitationAdmin(RoleAwareAdmin):
    list_display = ["email", "organization", "role", "created_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    search_fields = ["email", "organization__name"]
    list_select_related = ["organization"]
    readonly_fields = ["organization", "email", "role", "invited_by", "created_at", "accepted_at", "accepted_by"]

    def has_add_permission(self, request):
        # Invitations are sent by each organization's 代表者 from マイ団体, so the mail and link are right.
        return False


@admin.register(Place)
class PlaceAdmin(RoleAwareAdmin, SimpleHistoryAdmin):
    list_display = ["name", "address", "chome", "wheelchair_accessible"]
    list_filter = ["chome__town__area", "wheelchair_accessible"]
    search_fields = ["name", "name_kana", "address"]
    autocomplete_fields = ["chome", "organization"]
    list_select_related = ["chome__town"]


class RecurringScheduleInline(admin.TabularInline):
    model = RecurringSchedule
    extra = 0


def listing_kind_name(label: str) -> str:
    """「街かどケアカフェ」 for "cafes.carecafe": what kind of listing a row is, in words."""
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


class ListingKindFilter(admin.SimpleListFilter):
    """The kinds of listing by name, not by their internal label."""

    title = _("種類")
    parameter_name = "kind"
    lookup = "kind"

    def lookups(self, request, model_admin):
        kinds = model_admin.get_queryset(request).order_by().values_list(self.lookup, flat=True).distinct()
        return sorted(((kind, listing_kind_name(kind)) for kind in kinds), key=lambda pair: pair[1])

    def queryset(self, request, queryset):
        return queryset.filter(**{self.lookup: self.value()}) if self.value() else queryset


class SessionListingKindFilter(ListingKindFilter):
    parameter_name = "listing_kind"
    lookup = "listing__kind"


@admin.register(Listing)
class ListingAdmin(ModeratedAdmin):
    list_display = ["title", "kind_name", "organization", "status", "updated_at"]
    list_filter = ["status", ListingKindFilter]
    search_fields = ["title", "title_kana", "organization__name"]
    list_select_related = ["organization"]
    inlines = [RecurringScheduleInline]

    @admin.display(description=_("種類"), ordering="kind")
    def kind_name(self, obj):
        return listing_kind_name(obj.kind)


class SignUpInline(admin.TabularInline):
    model = SignUp
    extra = 0
    fields = ["name", "party_size", "status", "created_at"]
    readonly_fields = ["created_at"]


HEADCOUNT_INPUTS = ["walk_ins", "in_ward", "outside_ward", "age_under_18", "age_18_64", "age_65_74", "age_75_over"]


class HeadcountAdminForm(forms.ModelForm):
    class Meta:
        model = Headcount
        fields = HEADCOUNT_INPUTS

    def clean(self):
        data = super().clean()
        # The total is walk-ins plus checked-in people (a database rule): keep it true before it is checked.
        self.instance.total = (data.get("walk_ins") or 0) + self.instance.checked_in
        probe = Headcount(total=self.instance.total, **{name: data.get(name) for name in HEADCOUNT_INPUTS})
        if probe.breakdown_mismatch:
            raise forms.ValidationError(_("内訳の合計が参加者数（%(n)s人）と合いません。") % {"n": self.instance.total})
        return data


class HeadcountInline(admin.StackedInline):
    """Staff record 参加者数 here (organizers do it in マイ団体); check-ins are counted by the service."""

    model = Headcount
    form = HeadcountAdminForm
    extra = 0
    max_num = 1
    fields = ["walk_ins", "checked_in", "total", "in_ward", "outside_ward", "age_under_18", "age_18_64",
              "age_65_74", "age_75_over", "recorded_by", "recorded_at"]
    readonly_fields = ["checked_in", "total", "recorded_by", "recorded_at"]


@admin.register(Session)
class SessionAdmin(RoleAwareAdmin):
    list_display = ["listing", "starts_at", "capacity", "is_cancelled", "participants"]
    list_filter = ["is_cancelled", SessionListingKindFilter]
    date_hierarchy = "starts_at"
    search_fields = ["listing__title"]
    list_select_related = ["listing", "headcount"]
    raw_id_fields = ["listing", "schedule"]
    inlines = [HeadcountInline, SignUpInline]

    @admin.display(description=_("参加者数"))
    def participants(self, obj):
        headcount = getattr(obj, "headcount", None)
        return headcount.total if headcount else "—"

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Headcount and Headcount.objects.filter(session=form.instance).exists():
            from community.services.headcounts import headcount_refresh

            headcount_refresh(session=form.instance, by=request.user)


@admin.register(SignUp)
class SignUpAdmin(RoleAwareAdmin):
    list_display = ["name", "session", "party_size", "status", "reference", "created_at", "checked_in_at"]
    list_filter = ["status"]
    # A guest who calls quotes the reference number (受付番号).
    search_fields = ["name", "reference", "session__listing__title"]
    list_select_related = ["session__listing"]
    raw_id_fields = ["session", "user", "proxy_by", "checked_in_by"]
    readonly_fields = [
        "created_at", "promoted_at", "cancelled_at", "reminder_sent_at", "reference", "checked_in_at", "checked_in_by",
    ]
    verbose_name = _("申込")
    actions = ["check_in"]

    @admin.action(description=_("選んだ申込を受付済み（来場）にする"), permissions=["change"])
    def check_in(self, request, queryset):
        from community.services.headcounts import signup_check_in

        done = 0
        for signup in queryset:
            try:
                _signup, newly = signup_check_in(signup=signup, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{signup.pk}: {' '.join(error.messages)}", messages.ERROR)
                continue
            done += int(newly)
        self.message_user(request, ngettext("%(n)d件を受付済みにしました。", "%(n)d件を受付済みにしました。", done) % {"n": done})
