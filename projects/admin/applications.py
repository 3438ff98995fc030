"""Applications in the admin: read-only for staff, with scoring, decision, budget sheet, CSV and numbers."""


from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from community.admin.access import RoleAwareAdmin
from community.admin.readonly import ReadOnlyTabularInline
from community.exports import csv_response
from community.forms.errors import add_service_errors
from community.private_files import download_name
from projects import recipients
from projects.forms.applications import DecisionForm, ScoreForm
from projects.models import Application, ApplicationMember, Attachment, BudgetLine, Call, Score
from projects.models.review import CRITERIA
from projects.services import review
from projects.services.summary import funded_by_stage, funded_by_year


class BudgetLineInline(ReadOnlyTabularInline):
    model = BudgetLine
    fields = ["kind", "item", "amount", "note"]


class AttachmentInline(ReadOnlyTabularInline):
    model = Attachment
    fields = ["title", "download", "uploaded_at"]

    @admin.display(description=_("ファイル"))
    def download(self, attachment):
        # The private file's own permission-checked view (community/private_files.py), saved under a readable name.
        name = download_name(attachment, attachment.file)
        return format_html('<a href="{}">{}</a>', attachment.file.url, _t("ダウンロード（%(name)s）") % {"name": name})


class MemberInline(ReadOnlyTabularInline):
    model = ApplicationMember
    fields = ["name", "role"]


class ScoreInline(ReadOnlyTabularInline):
    model = Score
    fields = ["reviewer", *CRITERIA, "total", "comment"]


@admin.register(Application)
class ApplicationAdmin(RoleAwareAdmin):
    list_display = ["__str__", "organization", "call", "stage_name", "category_name", "status",
                    "requested_amount", "average", "score_count", "granted_amount"]
    list_filter = ["call", ("stage__name", admin.AllValuesFieldListFilter),
                   ("category__name", admin.AllValuesFieldListFilter), "status"]
    search_fields = ["title", "organization__name"]
    # Everything the group wrote, for staff and reviewers to read; scoring and deciding have their own pages.
    fieldsets = [
        (None, {"fields": ["title", "organization", "call", "category", "stage", "status", "average"]}),
        (_("事業の内容"), {"fields": ["purpose", "plan", "schedule", "requested_amount"]}),
        (_("提出と決定"), {"fields": ["created_by", "submitted_by", "submitted_at", "decision_reason",
                                  "granted_amount", "decided_by", "decided_at"]}),
    ]
    readonly_fields = ["average", "call", "organization", "title", "category", "stage", "purpose",
                       "plan", "schedule", "requested_amount", "status", "submitted_by", "submitted_at",
                       "decision_reason", "granted_amount", "decided_by", "decided_at", "created_by"]
    inlines = [BudgetLineInline, AttachmentInline, MemberInline, ScoreInline]
    change_form_template = "admin/projects/application/change_form.html"

    def get_queryset(self, request):
        return super().get_queryset(request).with_overview().with_average_score()

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("段階"), ordering="stage__level")
    def stage_name(self, obj):
        return obj.stage.name if obj.stage else "—"

    @admin.display(description=_("事業区分"), ordering="category__name")
    def category_name(self, obj):
        return obj.category.name if obj.category else "—"

    @admin.display(description=_("平均点（25点満点）"), ordering="average_score")
    def average(self, obj):
        value = getattr(obj, "average_score", None)
        return "—" if value is None else f"{value:.1f}"

    @admin.display(description=_("採点数"), ordering="score_count")
    def score_count(self, obj):
        return getattr(obj, "score_count", 0)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("summary/", view(self.summary_view), name="projects_application_summary"),
            path("export/<int:call_pk>/", view(self.export_view), name="projects_application_export"),
            path("<int:pk>/score/", view(self.score_view), name="projects_application_score"),
            path("<int:pk>/decide/", view(self.decide_view), name="projects_application_decide"),
            path("<int:pk>/budget-sheet/", view(self.budget_sheet_view), name="projects_application_budget_sheet"),
            *super().get_urls(),
        ]

    def _context(self, request, application=None, **extra):
        return {**self.admin_site.each_context(request), "opts": self.model._meta, "original": application, **extra}

    def _require(self, request, perm):
        if not request.user.has_perm(perm):
            raise PermissionDenied

    def score_view(self, request, pk):
        self._require(request, review.SCORE_PERMISSION)
        application = get_object_or_404(Application.objects.submitted().with_overview(), pk=pk)
        existing = Score.objects.filter(application=application, reviewer=request.user).first()
        form = ScoreForm(request.POST or None, instance=existing)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            review.score_save(application=application, reviewer=request.user, comment=data["comment"],
                              **{name: data[name] for name in CRITERIA})
            messages.success(request, _t("審査票を保存しました。"))
            return redirect("admin:projects_application_change", pk)
        return TemplateResponse(request, "admin/projects/application/score.html", self._context(
            request, application, form=form, title=_t("採点: %(t)s") % {"t": application}))

    def decide_view(self, request, pk):
        self._require(request, review.DECIDE_PERMISSION)
        application = get_object_or_404(Application.objects.submitted().with_overview().with_average_score(), pk=pk)
        form = DecisionForm(request.POST or None, initial={
            "decision": application.status if application.status in Application.DECISIONS else None,
            "reason": application.decision_reason, "granted_amount": application.granted_amount,
        })
        if request.method == "POST" and form.is_valid():
            try:
                decided = review.application_decide(application=application, decided_by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if decided.decision_recipient_count:
                    messages.success(request, _t("決定を保存し、代表者など%(n)d件のあて先にメールで通知しました。")
                                     % {"n": decided.decision_recipient_count})
                else:
                    contact = recipients.group_contact(decided)
                    messages.warning(request, _t(
                        "決定を保存しました。団体にはメールのあて先がないため、当番の区職員に知らせました。"
                        "団体に電話で伝えてください（%(name)s %(phone)s）。"
                    ) % {"name": contact.name, "phone": contact.phone})
                return redirect("admin:projects_application_change", pk)
        scores = application.scores.select_related("reviewer")
        return TemplateResponse(request, "admin/projects/application/decide.html", self._context(
            request, application, form=form, scores=scores, title=_t("採否の決定: %(t)s") % {"t": application}))

    def budget_sheet_view(self, request, pk):
        self._require(request, "projects.view_application")
        application = get_object_or_404(Application.objects.with_overview().with_budget(), pk=pk)
        return TemplateResponse(request, "projects/budget_sheet.html", {
            "application": application, "totals": application.totals(), "members": application.members.all(),
            "printed_at": timezone.now(),
        })

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = {
            "can_score": request.user.has_perm(review.SCORE_PERMISSION),
            "can_decide": request.user.has_perm(review.DECIDE_PERMISSION),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def export_view(self, request, call_pk):
        if not self.has_export_permission(request):
            raise PermissionDenied
        call = get_object_or_404(Call, pk=call_pk)
        rows = (
            Application.objects.filter(call=call).with_overview().with_average_score().with_budget_totals()
            .order_by("organization__name_kana", "pk")
        )
        header = [_t("申請番号"), _t("年度"), _t("団体名"), _t("事業名"), _t("事業区分"), _t("段階"), _t("状態"),
                  _t("収入合計（円）"), _t("支出合計（円）"), _t("助成申請額（円）"), _t("平均点"), _t("採点数"),
                  _t("助成決定額（円）"), _t("提出日時")]
        lines = (
            [
                a.pk, call.era_label, a.organization.name, a.title, a.category.name if a.category else "",
                a.stage.name if a.stage else "", a.get_status_display(), a.income_total, a.expense_total,
                a.requested_amount, f"{a.average_score:.1f}" if a.average_score is not None else "", a.score_count,
                a.granted_amount,
                timezone.localtime(a.submitted_at).strftime("%Y-%m-%d %H:%M") if a.submitted_at else "",
            ]
            for a in rows
        )
        # The group names and titles are typed by applicants: the shared writer keeps them from running as formulas.
        return csv_response(f"applications-{call.fiscal_year}.csv", header, lines)

    def summary_view(self, request):
        self._require(request, "projects.view_application")
        return TemplateResponse(request, "admin/projects/summary.html", self._context(
            request, title=_t("地域おこしプロジェクトの実績"), by_year=funded_by_year(), by_stage=funded_by_stage(),
            calls=Call.objects.all()))

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "summary_url": reverse("admin:projects_application_summary")}
        return super().changelist_view(request, extra_context)
