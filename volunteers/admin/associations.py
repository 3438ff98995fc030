"""Admin for 町会・自治会, 民生・児童委員, coordinators, 協働推進員 and NPO support."""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from community.admin.access import NotOneselfInline, RoleAwareAdmin
from community.admin.fiction import FictionAdminMixin, FictionListFilter
from community.admin.moderation import ModeratedAdmin
from community.roles import WARD_STAFF
from community.uploads import VerifiedDocumentField, VerifiedImageField
from volunteers.admin.inquiry_answer import JoinInquiryAnswerMixin
from volunteers.models import (
    TERM_WARNING_DAYS,
    AssociationActivity,
    AssociationPhoto,
    AssociationProfile,
    CollaboratorRegistration,
    Commissioner,
    CommissionerContact,
    CommissionerDistrict,
    CoordinatorAssignment,
    CoordinatorTeam,
    DistrictChome,
    GroupProfile,
    JoinInquiry,
    NpoSeminar,
    NpoSupportMenu,
    Resource,
)
from volunteers.services import associations as services

# --- 町会・自治会 ---------------------------------------------------------------------------


class AssociationPhotoForm(forms.ModelForm):
    image = VerifiedImageField(label=_("写真"))

    class Meta:
        model = AssociationPhoto
        fields = ["image", "alt_text", "sort_order"]


class AssociationPhotoInline(admin.TabularInline):
    model = AssociationPhoto
    form = AssociationPhotoForm
    extra = 0


class AssociationActivityInline(admin.TabularInline):
    model = AssociationActivity
    extra = 1


@admin.register(AssociationProfile)
class AssociationProfileAdmin(RoleAwareAdmin):
    list_display = ["organization", "area", "chome_count", "fee_text", "updated_at"]
    list_filter = ["organization__area", "activities__kind"]
    search_fields = ["organization__name", "organization__name_kana", "chomes__town__name"]
    autocomplete_fields = ["organization", "chomes", "meeting_place"]
    inlines = [AssociationActivityInline, AssociationPhotoInline]
    list_select_related = ["organization__area"]

    def get_queryset(self, request):
        from django.db.models import Count

        return super().get_queryset(request).annotate(n_chomes=Count("chomes", distinct=True))

    @admin.display(description=_("地域"), ordering="organization__area__sort_order")
    def area(self, obj):
        return obj.organization.area

    @admin.display(description=_("町丁目の数"), ordering="n_chomes")
    def chome_count(self, obj):
        return obj.n_chomes


@admin.action(description=_("回答済みにする"), permissions=["change"])
def mark_answered(modeladmin, request, queryset):
    for inquiry in queryset:
        services.join_inquiry_mark_answered(inquiry=inquiry, by=request.user)
    modeladmin.message_user(request, _("回答済みにしました。"), messages.SUCCESS)


@admin.register(JoinInquiry)
class JoinInquiryAdmin(JoinInquiryAnswerMixin, RoleAwareAdmin):
    """Staff see counts per area above the list (change_list template) and may help answer (回答を送る)."""

    list_display = ["created_at", "association", "area", "name", "status", "answered_at", "outcome", "answer"]
    list_filter = ["status", "outcome", "association__area", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["name", "association__name"]
    list_select_related = ["association__area"]
    readonly_fields = ["created_at", "answered_at", "answered_by", "user", "outcome_at", "outcome_by"]
    raw_id_fields = ["association"]
    date_hierarchy = "created_at"
    actions = [mark_answered]
    change_list_template = "admin/volunteers/joininquiry/change_list.html"

    @admin.display(description=_("地域"), ordering="association__area__sort_order")
    def area(self, obj):
        return obj.association.area

    @admin.display(description=_("回答"))
    def answer(self, obj):
        return self.answer_link(obj)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "counts_by_area": JoinInquiry.objects.counts_by_area()}
        return super().changelist_view(request, extra_context=extra_context)


class ResourceForm(forms.ModelForm):
    file = VerifiedDocumentField(label=_("PDFファイル"), help_text=_("PDFのみ、10MBまで。"), pdf_only=True)

    class Meta:
        model = Resource
        fields = ["kind", "title", "description", "file", "page_count", "is_published", "sort_order"]


@admin.register(Resource)
class ResourceAdmin(RoleAwareAdmin):
    form = ResourceForm
    list_display = ["title", "kind", "is_published", "sort_order", "updated_at"]
    list_filter = ["kind", "is_published"]
    list_editable = ["is_published", "sort_order"]


# --- 民生・児童委員 (staff only) -----------------------------------------------------------------


class DistrictChomeInline(admin.TabularInline):
    model = DistrictChome
    extra = 0
    autocomplete_fields = ["chome"]


@admin.register(CommissionerDistrict)
class CommissionerDistrictAdmin(FictionAdminMixin, RoleAwareAdmin):
    list_display = ["name", "area", "quota", "chief_quota", "contact_office", "contact_phone", "fiction"]
    list_filter = ["area", FictionListFilter]
    search_fields = ["name", "name_kana", "coverage__chome__town__name"]
    list_select_related = ["area"]
    inlines = [DistrictChomeInline]


class TermEndingFilter(admin.SimpleListFilter):
    title = _("任期")
    parameter_name = "term"

    def lookups(self, request, model_admin):
        return [
            ("soon", _("%(days)d日以内に任期が終わる") % {"days": TERM_WARNING_DAYS}),
            ("current", _("任期中")),
            ("ended", _("任期が終わった")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "soon":
            return queryset.term_ending_within(TERM_WARNING_DAYS, today=today)
        if self.value() == "current":
            return queryset.current(today=today)
        if self.value() == "ended":
            return queryset.filter(term_end__lt=today)
        return queryset


@admin.register(Commissioner)
class CommissionerAdmin(FictionAdminMixin, RoleAwareAdmin):
    """The roster: names and phones exist only here, for staff."""

    list_display = [
        "full_name",
        "district",
        "is_chief_child_commissioner",
        "phone",
        "term_start",
        "term_end",
        "term_warning",
        "fiction",
    ]
    list_filter = [TermEndingFilter, "is_chief_child_commissioner", "district__area", FictionListFilter]
    search_fields = ["full_name", "full_name_kana", "district__name"]
    list_select_related = ["district__area"]
    autocomplete_fields = ["district", "partner_organizations"]
    ordering = ["term_end", "district__name_kana"]

    @admin.display(description=_("任期の警告"), ordering="term_end")
    def term_warning(self, obj):
        days = obj.days_left()
        if days < 0:
            return format_html("<strong>{}</strong>", _("任期終了"))
        if days <= TERM_WARNING_DAYS:
            return format_html("<strong>⚠ {}</strong>", _("あと%(days)d日で任期終了") % {"days": days})
        return _("あと%(days)d日") % {"days": days}

    def changelist_view(self, request, extra_context=None):
        ending = Commissioner.objects.term_ending_within(TERM_WARNING_DAYS).count()
        if ending:
            self.message_user(
                request,
                _("%(n)d人の任期が%(days)d日以内に終わります。「任期」で絞り込んで確認してください。")
                % {"n": ending, "days": TERM_WARNING_DAYS},
                messages.WARNING,
            )
        return super().changelist_view(request, extra_context=extra_context)


@admin.register(CommissionerContact)
class CommissionerContactAdmin(RoleAwareAdmin):
    list_display = ["created_at", "name", "district", "status"]
    list_filter = ["status", "district__area"]
    search_fields = ["name", "address"]
    list_select_related = ["district"]
    readonly_fields = ["created_at", "user"]
    list_editable = ["status"]


# --- 地域福祉コーディネーター・協働推進員 --------------------------------------------------------


class CoordinatorAssignmentInline(NotOneselfInline):
    """Which coordinator covers which area decides what they read: set by 区職員, never by the coordinator."""

    model = CoordinatorAssignment
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(CoordinatorTeam)
class CoordinatorTeamAdmin(RoleAwareAdmin):
    list_display = ["name", "area", "office", "phone"]
    list_select_related = ["area"]
    inlines = [CoordinatorAssignmentInline]


class CollaboratorAreaFilter(admin.SimpleListFilter):
    title = _("活動したい地域")
    parameter_name = "area"

    def lookups(self, request, model_admin):
        from community.models import Area

        return [(area.pk, area.name) for area in Area.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(areas__pk=self.value()).distinct()
        return queryset


def sees_all_registrations(user) -> bool:
    return user.is_superuser or user.groups.filter(name=WARD_STAFF).exists()


@admin.register(CollaboratorRegistration)
class CollaboratorRegistrationAdmin(RoleAwareAdmin):
    """Coordinators see registrations for their own areas only; ward staff see all."""

    list_display = ["user", "area_names", "status", "created_at", "contacted_at"]
    list_filter = ["status", CollaboratorAreaFilter]
    search_fields = ["user__full_name", "user__email"]
    readonly_fields = ["user", "created_at", "contacted_at", "status_changed_at", "interest_text", "availability_text"]
    fields = [
        "user",
        "areas",
        "interest_text",
        "availability_text",
        "phone",
        "message",
        "created_at",
        "status",
        "coordinator_note",
        "contacted_at",
        "status_changed_at",
    ]
    filter_horizontal = ["areas"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user").prefetch_related("areas")
        if sees_all_registrations(request.user):
            return queryset
        return queryset.for_coordinator(request.user)

    def has_add_permission(self, request):
        return False  # residents register themselves

    @admin.display(description=_("地域"))
    def area_names(self, obj):
        return "、".join(area.name for area in obj.areas.all())

    @admin.display(description=_("関心のある分野"))
    def interest_text(self, obj):
        return "、".join(obj.interest_labels())

    @admin.display(description=_("活動できる日時"))
    def availability_text(self, obj):
        return " ".join([*obj.weekday_labels(), *obj.time_labels(), obj.availability_note])

    def save_model(self, request, obj, form, change):
        # Status changes go through the service so that contacted_at and the change time are stamped.
        new_status = obj.status
        old = CollaboratorRegistration.objects.get(pk=obj.pk)
        obj.status = old.status
        super().save_model(request, obj, form, change)
        services.registration_set_status(registration=obj, status=new_status, note=obj.coordinator_note)


# --- NPO support ------------------------------------------------------------------------------


@admin.register(NpoSupportMenu)
class NpoSupportMenuAdmin(RoleAwareAdmin):
    list_display = ["title", "kind", "fee_text", "sort_order"]
    list_editable = ["sort_order"]


@admin.register(NpoSeminar)
class NpoSeminarAdmin(ModeratedAdmin):
    list_display = ["title", "menu", "organization", "status", "updated_at"]
    list_filter = ["status", "menu"]
    search_fields = ["title", "title_kana"]
    list_select_related = ["organization", "menu"]
    autocomplete_fields = ["organization", "place"]
    exclude = ["photo"]


@admin.register(GroupProfile)
class GroupProfileAdmin(RoleAwareAdmin):
    list_display = ["organization", "field", "accepts_volunteers", "updated_at"]
    list_filter = ["field", "accepts_volunteers", "organization__area"]
    search_fields = ["organization__name", "organization__name_kana", "help_wanted"]
    autocomplete_fields = ["organization"]
    list_select_related = ["organization"]

