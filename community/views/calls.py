"""マイ団体 › 電話連絡: the people without e-mail whose session was cancelled or changed, to phone and tick off."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community import access
from community.models import PhoneCall
from community.services import calls as call_services


@login_required
def phone_calls(request, org_pk):
    membership = access.get_membership_for_member(request.user, org_pk)
    calls = PhoneCall.objects.for_organization(org_pk).with_signup().select_related("done_by")
    context = {
        "organization": membership.organization,
        "open_calls": list(calls.open().order_by("created_at", "pk")[:200]),
        "done_calls": list(calls.filter(done_at__isnull=False).order_by("-done_at", "-pk")[:20]),
    }
    return render(request, "community/manage/phone_calls.html", context)


@login_required
@require_POST
def phone_call_done(request, org_pk, pk):
    access.get_membership_for_member(request.user, org_pk)
    call = get_object_or_404(PhoneCall.objects.for_organization(org_pk).with_signup(), pk=pk)
    if request.POST.get("undo"):
        call_services.phone_call_reopen(call=call)
        messages.info(request, _("%(name)sさんを電話連絡の一覧に戻しました。") % {"name": call.signup.name})
    else:
        call_services.phone_call_done(call=call, by=request.user)
        messages.success(request, _("%(name)sさんに電話したことを記録しました。") % {"name": call.signup.name})
    return redirect("community:phone_calls", org_pk=org_pk)
