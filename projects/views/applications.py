"""マイ団体 › 地域おこし: the group's applications, drafted step by step and saved at every step."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from community.access import get_organization_for_member
from community.forms.errors import add_service_errors
from projects.access import get_application_for_member
from projects.forms.applications import (
    AttachmentForm,
    BasicStepForm,
    BudgetLineFormSet,
    MemberFormSet,
    PlanStepForm,
    RequestedAmountForm,
)
from projects.models import Application, Call
from projects.models.applications import budget_totals
from projects.services import applications as services
from projects.services.stages import stage_rule_for

STEPS = [
    ("basic", gettext_lazy("基本情報")),
    ("plan", gettext_lazy("目的と計画")),
    ("budget", gettext_lazy("予算")),
    ("attachments", gettext_lazy("添付資料")),
    ("members", gettext_lazy("担い手")),
    ("confirm", gettext_lazy("確認と提出")),
]
STEP_NAMES = [name for name, _label in STEPS]
# Where each submission problem is fixed.
PROBLEM_STEPS = {
    "title": "basic", "category": "basic", "stage": "basic", "purpose": "plan", "plan": "plan",
    "schedule": "plan", "requested_amount": "budget", "budget": "budget", "members": "members",
}


@login_required
def application_list(request, org_pk: int):
    """The group's applications and this year's call, with the stage it may apply at."""
    organization = get_organization_for_member(request.user, org_pk)
    applications = Application.objects.for_organization(organization).with_overview()
    call = Call.objects.current()
    rule = stage_rule_for(organization=organization, call=call) if call else None
    current = next((a for a in applications if call and a.call_id == call.pk), None)
    return render(request, "projects/application_list.html", {
        "organization": organization, "applications": applications, "call": call, "rule": rule,
        "current_application": current,
    })


@login_required
@require_POST
def application_start(request, org_pk: int):
    organization = get_organization_for_member(request.user, org_pk)
    call = Call.objects.current()
    if call is None:
        raise Http404
    try:
        application = services.application_start(call=call, organization=organization, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("projects:application_list", org_pk=organization.pk)
    return redirect("projects:application_step", org_pk=organization.pk, pk=application.pk, step="basic")


def _after_save(request, application, step: str, *, saved: bool):
    """Go where the pressed button asked: next step, previous step, or back to the list (draft kept)."""
    action = request.POST.get("action", "next")
    index = STEP_NAMES.index(step)
    if action == "exit":
        messages.success(request, _("下書きを保存しました。続きはいつでも再開できます。"))
        return redirect("projects:application_list", org_pk=application.organization_id)
    if action == "back" and index > 0:
        target = STEP_NAMES[index - 1]
    elif action == "stay":
        target = step
    else:
        target = STEP_NAMES[min(index + 1, len(STEP_NAMES) - 1)]
    if saved:
        messages.success(request, _("入力内容を保存しました。"))
    return redirect("projects:application_step", org_pk=application.organization_id, pk=application.pk, step=target)


def _step_context(organization, application, step, **extra):
    labels = dict(STEPS)
    return {
        "organization": organization, "application": application, "step": step, "step_label": labels[step],
        "steps": STEPS, "step_number": STEP_NAMES.index(step) + 1, "step_count": len(STEPS), **extra,
    }


@login_required
def application_step(request, org_pk: int, pk: int, step: str):
    organization, application = get_application_for_member(request.user, org_pk, pk)
    if step not in STEP_NAMES:
        raise Http404
    if application.is_locked:
        messages.info(request, _("この申請は提出済みのため変更できません。"))
        return redirect("projects:application_detail", org_pk=organization.pk, pk=application.pk)
    handler = {
        "basic": _basic_step, "plan": _plan_step, "budget": _budget_step,
        "attachments": _attachments_step, "members": _members_step, "confirm": _confirm_step,
    }[step]
    return handler(request, organization, application, step)


def _save_model_step(request, organization, application, step, form, **extra):
    """Save every valid field even when others are wrong, so nothing typed is lost."""
    form.is_valid()
    valid = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    if valid:
        try:
            services.application_update(application=application, **valid)
        except ValidationError as error:
            add_service_errors(form, error)
    if form.errors:
        return render(request, "projects/application_step.html",
                      _step_context(organization, application, step, form=form, **extra), status=400)
    return _after_save(request, application, step, saved=True)


def _fresh(application):
    # Forms work on a fresh copy, so a value that failed validation never leaks into the saved draft.
    return Application.objects.select_related("call").get(pk=application.pk)


def _basic_step(request, organization, application, step):
    rule = stage_rule_for(organization=organization, call=application.call)
    kwargs = {"call": application.call, "allowed_stages": rule.stages}
    if request.method == "POST":
        form = BasicStepForm(request.POST, instance=_fresh(application), **kwargs)
        return _save_model_step(request, organization, application, step, form, rule=rule)
    form = BasicStepForm(instance=application, **kwargs)
    return render(request, "projects/application_step.html",
                  _step_context(organization, application, step, form=form, rule=rule))


def _plan_step(request, organization, application, step):
    if request.method == "POST":
        form = PlanStepForm(request.POST, instance=_fresh(application))
        return _save_model_step(request, organization, application, step, form)
    return render(request, "projects/application_step.html",
                  _step_context(organization, application, step, form=PlanStepForm(instance=application)))


def _budget_step(request, organization, application, step):
    if request.method == "POST":
        formset = BudgetLineFormSet(request.POST, prefix="lines")
        amount_form = RequestedAmountForm(request.POST)
        formset.is_valid()
        amount_form.is_valid()
        # Keep the rows that are complete and valid; the rest stay on screen with their errors.
        valid_rows = [
            form.cleaned_data for form in formset.forms
            if form.has_changed() and not form.errors and form.cleaned_data
        ]
        services.application_replace_budget(application=application, lines=valid_rows)
        expense = budget_totals(valid_rows)["expense"]
        if "requested_amount" not in amount_form.errors:
            requested = amount_form.cleaned_data.get("requested_amount")
            services.application_update(application=application, requested_amount=requested)
            for field, message in services.budget_errors(
                stage=application.stage, requested_amount=requested, expense_total=expense
            ).items():
                amount_form.add_error(field, message)
        if formset.total_error_count() or amount_form.errors:
            return render(request, "projects/application_budget.html", _step_context(
                organization, application, step, formset=formset, amount_form=amount_form,
                totals=budget_totals(valid_rows)), status=400)
        return _after_save(request, application, step, saved=True)
    lines = list(application.budget_lines.values("kind", "item", "amount", "note"))
    formset = BudgetLineFormSet(initial=lines, prefix="lines")
    amount_form = RequestedAmountForm(initial={"requested_amount": application.requested_amount})
    return render(request, "projects/application_budget.html", _step_context(
        organization, application, step, formset=formset, amount_form=amount_form, totals=budget_totals(lines)))


def _attachments_step(request, organization, application, step):
    form = AttachmentForm()
    if request.method == "POST":
        wants_upload = request.FILES or request.POST.get("title")
        if not wants_upload:
            return _after_save(request, application, step, saved=False)
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            services.application_add_attachment(
                application=application, title=form.cleaned_data["title"], file=form.cleaned_data["file"]
            )
            messages.success(request, _("資料を添付しました。"))
            return _after_save(request, application, step, saved=False)
    attachments = application.attachments.all()
    status = 400 if form.errors else 200
    return render(request, "projects/application_attachments.html", _step_context(
        organization, application, step, form=form, attachments=attachments), status=status)


def _members_step(request, organization, application, step):
    if request.method == "POST":
        formset = MemberFormSet(request.POST, prefix="members")
        formset.is_valid()
        valid_rows = [
            form.cleaned_data for form in formset.forms if form.has_changed() and not form.errors and form.cleaned_data
        ]
        services.application_replace_members(application=application, members=valid_rows)
        if formset.total_error_count():
            return render(request, "projects/application_members.html", _step_context(
                organization, application, step, formset=formset), status=400)
        return _after_save(request, application, step, saved=True)
    formset = MemberFormSet(initial=list(application.members.values("name", "role")), prefix="members")
    return render(request, "projects/application_members.html",
                  _step_context(organization, application, step, formset=formset))


def _confirm_step(request, organization, application, step):
    application = Application.objects.with_overview().with_budget().get(pk=application.pk)
    problems = [
        (message, PROBLEM_STEPS.get(field, "basic"))
        for field, message in services.submission_problems(application).items()
    ]
    return render(request, "projects/application_confirm.html", _step_context(
        organization, application, step, problems=problems, totals=application.totals(),
        members=application.members.all(), attachments=application.attachments.all()))


@login_required
@require_POST
def application_submit(request, org_pk: int, pk: int):
    organization, application = get_application_for_member(request.user, org_pk, pk)
    try:
        services.application_submit(application=application, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        if application.is_locked:
            return redirect("projects:application_detail", org_pk=organization.pk, pk=application.pk)
        return redirect("projects:application_step", org_pk=organization.pk, pk=application.pk, step="confirm")
    messages.success(request, _("申請を提出しました。審査の結果はメールとこのページでお知らせします。"))
    return redirect("projects:application_detail", org_pk=organization.pk, pk=application.pk)


@login_required
def application_detail(request, org_pk: int, pk: int):
    """The application as submitted, with the decision once it is made."""
    organization, application = get_application_for_member(request.user, org_pk, pk)
    application = Application.objects.with_overview().with_budget().get(pk=application.pk)
    return render(request, "projects/application_detail.html", {
        "organization": organization, "application": application, "totals": application.totals(),
        "members": application.members.all(), "attachments": application.attachments.all(),
        "report": getattr(application, "report", None),
    })


@login_required
@require_POST
def attachment_delete(request, org_pk: int, pk: int, attachment_pk: int):
    organization, application = get_application_for_member(request.user, org_pk, pk)
    attachment = get_object_or_404(application.attachments, pk=attachment_pk)
    try:
        services.application_remove_attachment(attachment=attachment)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("projects:application_detail", org_pk=organization.pk, pk=application.pk)
    messages.success(request, _("添付資料を削除しました。"))
    return redirect(reverse("projects:application_step", args=[organization.pk, application.pk, "attachments"]))
