"""地域福祉協働推進員: explanation, registration by a logged-in resident, their status; area pages with coordinators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from community import geo
from community.models import Area, Place
from volunteers.forms.associations import CollaboratorRegistrationForm
from volunteers.models import (
    AssociationProfile,
    CollaboratorRegistration,
    CommissionerDistrict,
    CoordinatorTeam,
    GroupProfile,
)
from volunteers.services import associations as services


def collaborators(request):
    registration = None
    if request.user.is_authenticated:
        registration = CollaboratorRegistration.objects.filter(user=request.user).first()
    teams = CoordinatorTeam.objects.select_related("area")
    return render(
        request, "volunteers/collaborator_index.html", {"registration": registration, "teams": teams}
    )


@login_required
@require_http_methods(["GET", "POST"])
def collaborator_register(request):
    existing = CollaboratorRegistration.objects.filter(user=request.user).prefetch_related("areas").first()
    if request.method == "POST":
        form = CollaboratorRegistrationForm(request.POST)
        if form.is_valid():
            services.registration_submit(user=request.user, **form.cleaned_data)
            if existing and existing.status != CollaboratorRegistration.Status.WITHDRAWN:
                messages.success(request, _("登録内容を更新しました。"))
            else:
                messages.success(
                    request, _("登録を受け付けました。地域の担当コーディネーターから連絡します。")
                )
            return redirect("volunteers:collaborator_mine")
        status = 400
    else:
        initial = {"phone": request.user.phone}
        if request.user.chome_id:
            initial["areas"] = [request.user.chome.town.area_id]
        if request.user.interests:
            initial["interests"] = request.user.interests
        if existing:
            initial = {
                "areas": list(existing.areas.all()),
                "interests": existing.interests,
                "weekdays": existing.weekdays,
                "times": existing.times,
                "availability_note": existing.availability_note,
                "phone": existing.phone,
                "message": existing.message,
            }
        form = CollaboratorRegistrationForm(initial=initial)
        status = 200
    return render(
        request, "volunteers/collaborator_register.html", {"form": form, "existing": existing}, status=status
    )


@login_required
def collaborator_mine(request):
    """The resident's own registration and its status (linked from マイページ)."""
    registration = (
        CollaboratorRegistration.objects.filter(user=request.user).prefetch_related("areas__coordinator_team").first()
    )
    return render(request, "volunteers/collaborator_mine.html", {"registration": registration})


@login_required
@require_POST
def collaborator_withdraw(request):
    registration = get_object_or_404(CollaboratorRegistration, user=request.user)
    services.registration_withdraw(registration=registration)
    messages.success(request, _("登録を取り下げました。また登録したいときは、いつでも登録できます。"))
    return redirect("volunteers:collaborator_mine")


def area_list(request):
    areas = Area.objects.select_related("coordinator_team")
    return render(request, "volunteers/collaborator_area_list.html", {"areas": areas})


def area_detail(request, slug):
    """An area's page: its coordinator team (public contact only), associations, districts and groups."""
    area = get_object_or_404(Area, slug=slug)
    team = CoordinatorTeam.objects.filter(area=area).first()
    associations = AssociationProfile.objects.published().in_area(area)
    groups = GroupProfile.objects.published().filter(organization__area=area).for_list()
    districts = CommissionerDistrict.objects.filter(area=area).order_by("name_kana", "name")
    places = Place.objects.in_area(area).hosting_public_listings().with_area()[:200]
    area_map = geo.map_data(geo.map_point(place.name, place, lines=(place.address,)) for place in places)
    return render(
        request,
        "volunteers/collaborator_area.html",
        {
            "area": area,
            "areas": Area.objects.all(),
            "team": team,
            "association_count": associations.count(),
            "associations": associations.select_related("organization").order_by("organization__name_kana")[:12],
            "groups": groups[:12],
            "districts": districts,
            "map": area_map,
        },
    )
