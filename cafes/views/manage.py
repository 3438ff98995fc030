"""マイ団体: operators keep their cafés, lectures and schedules here.

Every object is fetched through community.access, so a member of organization A gets 404 for B's.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cafes.forms.cafes import CareCafeForm, ChildcareLectureForm, KidsCafeForm, ScheduleForm
from cafes.models import CareCafe, ChildcareLecture, KidsCafe
from cafes.services import cafes as services
from community.access import get_listing_for_member
from community.models import Organization

KINDS = {
    "care": (CareCafe, CareCafeForm),
    "kids": (KidsCafe, KidsCafeForm),
    "lecture": (ChildcareLecture, ChildcareLectureForm),
}


def _kind(kind: str):
    if kind not in KINDS:
        raise Http404
    return KINDS[kind]


def _listing(request, kind: str, pk: int):
    model, _form = _kind(kind)
    return get_listing_for_member(request.user, pk, model=model)


@login_required
def my_cafes(request):
    def mine(model):
        return model.objects.for_member(request.user).select_related("organization", "place").by_reading()

    context = {
        "care_cafes": mine(CareCafe),
        "kids_cafes": mine(KidsCafe),
        "lectures": mine(ChildcareLecture).select_related("kids_cafe"),
        "can_give_lectures": Organization.objects.for_member(request.user)
        .filter(kind=Organization.Kind.CHILDCARE)
        .exists(),
    }
    return render(request, "cafes/manage_list.html", context)


@login_required
def listing_create(request, kind):
    model, form_class = _kind(kind)
    form = form_class(request.POST or None, request.FILES or None, user=request.user)
    if not form.fields["organization"].queryset.exists():
        raise Http404
    if request.method == "POST" and form.is_valid():
        listing = services.cafe_save(form=form)
        messages.success(request, _("下書きを保存しました。定期開催の予定を加えてから、公開の申請をしてください。"))
        return redirect("cafes:manage_schedules", kind=kind, pk=listing.pk)
    return render(request, "cafes/manage_form.html", {"form": form, "kind": kind, "model_name": model._meta.verbose_name, "listing": None})


@login_required
def listing_edit(request, kind, pk):
    model, form_class = _kind(kind)
    listing = _listing(request, kind, pk)
    form = form_class(request.POST or None, request.FILES or None, instance=listing, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.cafe_save(form=form)
        messages.success(request, _("保存しました。"))
        return redirect("cafes:manage_edit", kind=kind, pk=listing.pk)
    return render(request, "cafes/manage_form.html", {"form": form, "kind": kind, "model_name": model._meta.verbose_name, "listing": listing})


@login_required
@require_POST
def listing_submit(request, kind, pk):
    listing = _listing(request, kind, pk)
    services.cafe_submit(listing=listing)
    messages.success(request, _("公開の申請をしました。区の職員が確認してから公開されます。"))
    return redirect("cafes:manage_edit", kind=kind, pk=listing.pk)


@login_required
def schedule_add(request, kind, pk):
    listing = _listing(request, kind, pk)
    form = ScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        schedule, sessions = services.schedule_add(listing=listing, form=form)
        messages.success(
            request,
            _("「%(rule)s」を追加し、%(n)d回分の開催日を作りました。") % {"rule": schedule.describe(), "n": len(sessions)},
        )
        return redirect("cafes:manage_schedules", kind=kind, pk=listing.pk)
    context = {
        "listing": listing,
        "kind": kind,
        "form": form,
        "schedules": listing.schedules.select_related("place"),
        "sessions": listing.sessions.upcoming().select_related("place")[:12],
    }
    return render(request, "cafes/manage_schedules.html", context)


@login_required
@require_POST
def schedule_delete(request, kind, pk, schedule_pk):
    listing = _listing(request, kind, pk)
    schedule = get_object_or_404(listing.schedules, pk=schedule_pk)
    removed = services.schedule_remove(schedule=schedule)
    messages.success(request, _("定期開催の予定を削除しました（申込のない開催日%(n)d回分も削除）。") % {"n": removed})
    return redirect("cafes:manage_schedules", kind=kind, pk=listing.pk)
