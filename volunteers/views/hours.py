"""活動時間: the volunteer's own reports (マイページ) and the organization's confirmation page (マイ団体)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import access
from volunteers.forms.hours import HoursForm
from volunteers.models import VolunteerHours
from volunteers.services import hours as services


@login_required
def my_hours(request):
    form = HoursForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organization, opening = form.chosen()
        try:
            services.hours_report(
                user=request.user, organization=organization, opening=opening,
                activity_on=form.cleaned_data["activity_on"], hours=form.cleaned_data["hours"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("活動時間を記録しました。団体が確認すると「確認済み」になります。"))
            return redirect("volunteers:my_hours")
    entries = VolunteerHours.objects.filter(user=request.user).select_related("organization", "opening")[:100]
    return render(request, "volunteers/hours_my.html", {"form": form, "entries": entries},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def my_hours_withdraw(request, pk):
    entry = get_object_or_404(VolunteerHours, pk=pk, user=request.user)
    try:
        services.hours_withdraw(entry=entry)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("記録を取り消しました。"))
    return redirect("volunteers:my_hours")


@login_required
def org_hours(request, org_pk):
    """The hours volunteers reported to this organization: confirm or return each (members only)."""
    organization = access.get_organization_for_member(request.user, org_pk)
    entries = (
        VolunteerHours.objects.for_organization(organization).select_related("user", "opening")
        .order_by("status", "-activity_on", "-pk")[:200]
    )
    return render(request, "volunteers/hours_org.html", {"organization": organization, "entries": entries,
                                                         "vol_nav": "hours"})


@login_required
@require_POST
def org_hours_decide(request, org_pk, pk):
    organization = access.get_organization_for_member(request.user, org_pk)
    entry = get_object_or_404(VolunteerHours.objects.for_organization(organization), pk=pk)
    confirm = request.POST.get("decision") == "confirm"
    services.hours_decide(entry=entry, confirm=confirm, by=request.user)
    messages.success(request, _("確認済みにしました。") if confirm else _("差し戻しました。"))
    return redirect("volunteers:org_hours", org_pk=organization.pk)
