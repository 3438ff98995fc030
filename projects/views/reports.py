"""マイ団体 › 活動報告: results, photos and the actual budget after the year."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from projects.access import get_application_for_member
from projects.forms.applications import BudgetLineFormSet, ReportForm, ReportPhotoForm
from projects.models.applications import budget_totals
from projects.services import reports as services


def _report(user, org_pk, pk):
    organization, application = get_application_for_member(user, org_pk, pk)
    try:
        report = services.report_for(application=application)
    except ValidationError:
        raise Http404 from None
    return organization, application, report


def _render(request, organization, application, report, *, form=None, formset=None, photo_form=None, status=200):
    if form is None:
        form = ReportForm(initial={"results": report.results, "participants": report.participants,
                                   "next_steps": report.next_steps})
    if formset is None:
        formset = BudgetLineFormSet(
            initial=list(report.budget_lines.values("kind", "item", "amount", "note")), prefix="lines"
        )
    return render(request, "projects/report_form.html", {
        "organization": organization, "application": application, "report": report, "form": form,
        "formset": formset, "photo_form": photo_form or ReportPhotoForm(), "photos": report.photos.all(),
        "lines": report.budget_lines.all(), "report_totals": budget_totals(report.budget_lines.all()),
    }, status=status)


@login_required
def report_edit(request, org_pk: int, pk: int):
    organization, application, report = _report(request.user, org_pk, pk)
    if request.method != "POST" or not report.is_editable:
        return _render(request, organization, application, report)
    form = ReportForm(request.POST)
    formset = BudgetLineFormSet(request.POST, prefix="lines")
    form.is_valid()
    formset.is_valid()
    valid = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    services.report_update(report=report, **valid)
    rows = [f.cleaned_data for f in formset.forms if f.has_changed() and not f.errors and f.cleaned_data]
    services.report_replace_budget(report=report, lines=rows)
    if form.errors or formset.total_error_count():
        return _render(request, organization, application, report, form=form, formset=formset, status=400)
    messages.success(request, _("活動報告を保存しました。"))
    return redirect("projects:report_edit", org_pk=organization.pk, pk=application.pk)


@login_required
@require_POST
def report_photo_add(request, org_pk: int, pk: int):
    organization, application, report = _report(request.user, org_pk, pk)
    form = ReportPhotoForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, organization, application, report, photo_form=form, status=400)
    try:
        services.report_add_photo(report=report, image=form.cleaned_data["image"], caption=form.cleaned_data["caption"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("写真を追加しました。"))
    return redirect("projects:report_edit", org_pk=organization.pk, pk=application.pk)


@login_required
@require_POST
def report_submit(request, org_pk: int, pk: int):
    organization, application, report = _report(request.user, org_pk, pk)
    try:
        services.report_submit(report=report)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("活動報告を提出しました。区の担当者が確認します。"))
    return redirect("projects:report_edit", org_pk=organization.pk, pk=application.pk)
