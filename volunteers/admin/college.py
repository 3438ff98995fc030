"""Admin for the Power-Up College and volunteer openings.

Staff open a cohort with one course per field (capacity each), run the lottery after the window closes,
record attendance from each class, and judge graduation; openings go public through ModeratedAdmin.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from community.admin.access import RoleAwareAdmin
from community.admin.fiction import FictionAdminMixin
from community.admin.moderation import ModeratedAdmin
from community.admin.readonly import ReadOnlyAdminMixin
from community.models import Session
from volunteers.models import (
    ClassAttendance,
    Cohort,
    CollegeApplication,
    CollegeCourse,
    MatchingReport,
    Opening,
    OpeningApplication,
    VolunteerInvitation,
    VolunteerProfile,
)
from volunteers.selectors import reports
from volunteers.services import college as college_services
from volunteers.services import lottery

Status = CollegeApplication.Status


def _report_errors(modeladmin, request, error: ValidationError) -> None:
    modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)


@admin.action(description=_("抽選する（定員を超えた分野は抽選、それ以外は全員受講決定）"), permissions=["change"])
def draw_cohorts(modeladmin, request, queryset):
    for cohort in queryset:
        try:
            results = lottery.cohort_draw(cohort=cohort)
        except ValidationError as error:
            _report_errors(modeladmin, request, error)
            continue
        modeladmin.message_user(
            request,
            _("%(cohort)s: %(n)d分野の抽選を行い、結果をメールで通知しました。") % {"cohort": cohort, "n": len(results)},
            messages.SUCCESS,
        )


class CollegeCourseInline(admin.TabularInline):
    model = CollegeCourse
    extra = 0
    fields = ["field", "title", "title_kana", "organization", "capacity", "required_attendance_percent", "status"]
    show_change_link = True


@admin.register(Cohort)
class CohortAdmin(FictionAdminMixin, RoleAwareAdmin):
    list_display = ["name", "number", "phase_label", "intake_opens_at", "intake_closes_at", "course_starts_on", "graduated_on", "fiction"]
    readonly_fields = ["graduated_on"]
    inlines = [CollegeCourseInline]
    actions = [draw_cohorts]

    @admin.display(description=_("状況"))
    def phase_label(self, obj):
        return obj.phase_label


class ClassSessionInline(admin.TabularInline):
    """The course's classes are kernel sessions; each links to the attendance page."""

    model = Session
    fk_name = "listing"
    extra = 0
    fields = ["title", "starts_at", "ends_at", "place", "is_cancelled", "attendance_link"]
    readonly_fields = ["attendance_link"]
    autocomplete_fields = ["place"]

    @admin.display(description=_("出席"))
    def attendance_link(self, obj):
        if not obj.pk:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("volunteers:college_attendance", args=[obj.pk]), _("出席を記録する"))


@admin.action(description=_("抽選する（この分野）"), permissions=["change"])
def draw_courses(modeladmin, request, queryset):
    for course in queryset:
        try:
            drawn = lottery.course_draw(course=course)
        except ValidationError as error:
            _report_errors(modeladmin, request, error)
            continue
        course.refresh_from_db()
        modeladmin.message_user(
            request,
            _("%(course)s: %(n)d人を抽選しました（シード値 %(seed)s）。") % {
                "course": course.title, "n": len(drawn), "seed": course.lottery_seed if course.lottery_seed is not None else _("定員内のため抽選なし")
            },
            messages.SUCCESS,
        )


@admin.action(description=_("修了判定をする（出席率で判定）"), permissions=["change"])
def graduate_courses(modeladmin, request, queryset):
    for course in queryset:
        try:
            result = college_services.course_graduate(course=course)
        except ValidationError as error:
            _report_errors(modeladmin, request, error)
            continue
        modeladmin.message_user(
            request,
            _("%(course)s: 修了 %(g)d人、修了要件に届かず %(n)d人。") % {
                "course": course.title, "g": result["graduated"], "n": result["not_completed"]
            },
            messages.SUCCESS,
        )


@admin.register(CollegeCourse)
class CollegeCourseAdmin(ModeratedAdmin):
    list_display = ["title", "cohort", "field", "capacity", "applied", "enrolled", "waitlisted", "lottery_seed", "lottery_drawn_at", "status"]
    list_filter = ["cohort", "field", "status"]
    search_fields = ["title", "title_kana"]
    readonly_fields = ["lottery_seed", "lottery_drawn_at"]
    autocomplete_fields = ["organization", "place"]
    inlines = [ClassSessionInline]
    actions = [*ModeratedAdmin.actions, draw_courses, graduate_courses]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("cohort").annotate(
            n_applied=Count("applications", filter=~Q(applications__status=Status.DECLINED)),
            n_enrolled=Count("applications", filter=Q(applications__status=Status.ENROLLED)),
            n_waitlisted=Count("applications", filter=Q(applications__status=Status.WAITLISTED)),
        )

    @admin.display(description=_("申込"), ordering="n_applied")
    def applied(self, obj):
        return obj.n_applied

    @admin.display(description=_("受講決定"))
    def enrolled(self, obj):
        return obj.n_enrolled

    @admin.display(description=_("補欠"))
    def waitlisted(self, obj):
        return obj.n_waitlisted


@admin.action(description=_("辞退として処理する（補欠を繰り上げ）"), permissions=["change"])
def decline_applications(modeladmin, request, queryset):
    for application in queryset:
        try:
            promoted = lottery.college_application_decline(application=application)
        except ValidationError as error:
            _report_errors(modeladmin, request, error)
            continue
        if promoted:
            modeladmin.message_user(request, _("%(name)sさんが繰り上がりました。") % {"name": promoted.user}, messages.SUCCESS)


@admin.register(CollegeApplication)
class CollegeApplicationAdmin(RoleAwareAdmin):
    list_display = ["user", "course", "status", "draw_position", "result_mailed_at", "attendance_percent", "created_at"]
    list_filter = ["cohort", "course__field", "status"]
    search_fields = ["user__full_name", "user__email"]
    list_select_related = ["user", "course"]
    raw_id_fields = ["user"]
    readonly_fields = [
        "draw_position", "result_mailed_at", "promoted_at", "declined_at", "attendance_percent", "graduated_at", "created_at"
    ]
    actions = [decline_applications]


@admin.register(ClassAttendance)
class ClassAttendanceAdmin(RoleAwareAdmin):
    list_display = ["application", "session", "present", "recorded_by", "recorded_at"]
    list_filter = ["present", "application__course"]
    list_select_related = ["application__user", "application__course", "session__listing", "recorded_by"]
    raw_id_fields = ["session", "application", "recorded_by"]


@admin.register(Opening)
class OpeningAdmin(ModeratedAdmin):
    list_display = ["title", "organization", "field", "area", "closes_on", "people_needed", "status"]
    list_filter = ["status", "field", "area"]
    search_fields = ["title", "title_kana", "organization__name"]
    list_select_related = ["organization", "area"]
    autocomplete_fields = ["organization", "place"]


@admin.register(OpeningApplication)
class OpeningApplicationAdmin(RoleAwareAdmin):
    list_display = ["user", "opening", "status", "created_at", "decided_at"]
    list_filter = ["status", "opening__field", "opening__area"]
    search_fields = ["user__full_name", "opening__title"]
    list_select_related = ["user", "opening"]
    raw_id_fields = ["user", "opening"]
    readonly_fields = ["created_at", "decided_at"]


@admin.register(VolunteerProfile)
class VolunteerProfileAdmin(RoleAwareAdmin):
    list_display = ["user", "visibility", "updated_at"]
    list_filter = ["visibility", "areas"]
    search_fields = ["user__full_name", "user__email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]


@admin.register(VolunteerInvitation)
class VolunteerInvitationAdmin(RoleAwareAdmin):
    list_display = ["organization", "profile", "status", "created_at", "responded_at"]
    list_filter = ["status"]
    list_select_related = ["organization", "profile__user"]
    raw_id_fields = ["organization", "profile", "opening", "sent_by"]


@admin.register(MatchingReport)
class MatchingReportAdmin(ReadOnlyAdminMixin, RoleAwareAdmin):
    """A summary instead of a change list: 12 months of openings, applications and matches."""

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        rows = reports.monthly_numbers()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("マッチングの集計（月別・分野別・地域別）"),
            "rows": rows,
            "totals": reports.totals(rows),
        }
        return TemplateResponse(request, "volunteers/opening_report_admin.html", context)

    def get_urls(self):
        from django.urls import path

        export = path(
            "export.csv", self.admin_site.admin_view(self.export_view), name="volunteers_matchingreport_export"
        )
        return [export, *super().get_urls()]

    def export_view(self, request):
        """The same 12 months as CSV (UTF-8 with BOM, opens in Excel)."""
        from django.core.exceptions import PermissionDenied

        from community.exports import csv_response

        if not self.has_export_permission(request):
            raise PermissionDenied
        rows = reports.monthly_numbers_rows(reports.monthly_numbers())
        return csv_response(f"matching-{timezone.localdate():%Y%m%d}.csv", reports.CSV_HEADER, rows)
