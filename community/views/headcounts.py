"""参加者数: the organizer records who came (on a phone at the door, too), and checks people in by QR code."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from community import access
from community.forms.headcounts import HeadcountForm
from community.models import Headcount, PersonalDataAccess, SignUp
from community.models.headcounts import AGE_FIELDS, RESIDENCE_FIELDS
from community.personal_data import personal_data_access_record
from community.services import headcounts as headcount_services


def _confirmed(session):
    return list(session.signups.filter(status=SignUp.Status.CONFIRMED).order_by("created_at", "pk"))


@login_required
def session_headcount(request, org_pk, pk):
    """Record 参加者数 for one session: walk-ins, check the sign-ups that came, breakdowns if asked."""
    session = access.get_session_for_member(request.user, pk, organization_id=org_pk)
    signups = _confirmed(session)
    headcount = Headcount.objects.filter(session=session).first()
    initial = {"walk_ins": headcount.walk_ins if headcount else None,
               "checked_in": [str(s.pk) for s in signups if s.checked_in_at]}
    if headcount:
        initial.update({name: getattr(headcount, name) for name in (*RESIDENCE_FIELDS, *AGE_FIELDS)})
    form = HeadcountForm(request.POST or None, session=session, signups=signups, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = headcount_services.headcount_record(
                session=session, walk_ins=form.cleaned_data["walk_ins"],
                checked_in_ids=form.cleaned_data.get("checked_in", []), breakdown=form.breakdown(), by=request.user,
            )
        except ValidationError as error:
            problems = error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
            for field, errors in problems:
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("参加者数（%(n)s人）を記録しました。") % {"n": saved.total})
            return redirect("community:session_headcount", org_pk=org_pk, pk=pk)
    if signups:
        personal_data_access_record(
            user=request.user, action=PersonalDataAccess.Action.VIEW_SIGNUPS, session=session, rows=len(signups)
        )
    context = {
        "organization": session.listing.organization, "listing": session.listing, "session": session,
        "form": form, "headcount": headcount, "signups": signups,
    }
    return render(request, "community/manage/session_headcount.html", context, status=400 if form.errors else 200)


@login_required
def signup_checkin(request, token):
    """The URL in a sign-up's QR code. GET shows whom it is for; the organizer's tap (POST) checks them in once.

    A GET never changes anything: phones and chat apps open links to preview them, and a preview must not
    check anyone in. Only members of the organization running the session may see or use it (others get 404).
    """
    signup = headcount_services.signup_from_checkin_token(token)
    if signup is None:
        raise Http404
    session = access.get_session_for_member(request.user, signup.session_id)
    result = None
    if request.method == "POST":
        try:
            signup, newly = headcount_services.signup_check_in(signup=signup, by=request.user)
        except ValidationError as error:
            result = {"ok": False, "message": " ".join(error.messages)}
        else:
            result = {"ok": True, "newly": newly}
    personal_data_access_record(user=request.user, action=PersonalDataAccess.Action.VIEW_SIGNUPS, session=session, rows=1)
    context = {"signup": signup, "session": session, "organization": session.listing.organization, "result": result}
    return render(request, "community/manage/signup_checkin.html", context, status=400 if result and not result["ok"] else 200)
