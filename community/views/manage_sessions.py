"""マイ団体: an organization's members keep the sessions of their listings and see who signed up."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from community import access
from community.exports import csv_response
from community.forms.errors import add_service_errors
from community.forms.sessions import ScheduleForm, SessionCancelForm, SessionForm
from community.models import PersonalDataAccess, SignUp
from community.personal_data import personal_data_access_record
from community.services import schedules as schedule_services
from community.services import sessions as session_services
from community.templatetags.portal import jdatetime

RECENT = dt.timedelta(days=90)
RECORDABLE_AHEAD = dt.timedelta(hours=2)


def _with_counts(sessions):
    """Confirmed people and waitlisted sign-ups per session, in the same query."""
    return sessions.annotate(
        confirmed_people=Sum("signups__party_size", filter=Q(signups__status=SignUp.Status.CONFIRMED)),
        waitlisted=Count("signups", filter=Q(signups__status=SignUp.Status.WAITLISTED)),
    )


@login_required
def listing_sessions(request, org_pk, listing_pk):
    """List upcoming sessions of a listing; add one session or a recurring schedule."""
    listing = access.get_listing_in_organization(request.user, org_pk, listing_pk)
    session_form = SessionForm(prefix="session", organization=listing.organization, listing=listing)
    schedule_form = ScheduleForm(prefix="schedule", organization=listing.organization, listing=listing)
    if request.method == "POST" and "add_session" in request.POST:
        session_form = SessionForm(request.POST, prefix="session", organization=listing.organization, listing=listing)
        if session_form.is_valid():
            session = session_services.session_create(listing=listing, fields=session_form.session_fields())
            messages.success(request, _("%(date)s の回を追加しました。") % {"date": jdatetime(session.starts_at)})
            return redirect("community:listing_sessions", org_pk=org_pk, listing_pk=listing.pk)
    elif request.method == "POST" and "add_schedule" in request.POST:
        schedule_form = ScheduleForm(request.POST, prefix="schedule", organization=listing.organization, listing=listing)
        schedule_form.instance.listing = listing
        if schedule_form.is_valid():
            schedule = schedule_form.save()
            created = schedule_services.schedule_generate_sessions(schedule=schedule)
            messages.success(
                request,
                _("「%(rule)s」を登録し、開催回を%(n)s件作りました。") % {"rule": schedule.describe(), "n": len(created)},
            )
            return redirect("community:listing_sessions", org_pk=org_pk, listing_pk=listing.pk)
    now = timezone.now()
    sessions = _with_counts(listing.sessions.filter(starts_at__gte=now).select_related("place"))
    # The last sessions held, so the organizer can record 参加者数 afterwards (or at the door, from 2 hours before).
    recent = (
        listing.sessions.filter(is_cancelled=False, starts_at__lt=now + RECORDABLE_AHEAD, starts_at__gte=now - RECENT)
        .select_related("place", "headcount")
        .order_by("-starts_at")[:20]
    )
    context = {
        "recent_sessions": recent,
        "organization": listing.organization,
        "listing": listing,
        "sessions": sessions.order_by("starts_at")[:60],
        "schedules": listing.schedules.all(),
        "session_form": session_form,
        "schedule_form": schedule_form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "community/manage/listing_sessions.html", context, status=status)


@login_required
def session_edit(request, org_pk, pk):
    session = access.get_session_for_member(request.user, pk, organization_id=org_pk)
    listing = session.listing
    form = SessionForm(
        request.POST or None, organization=listing.organization, listing=listing, initial=SessionForm.initial_for(session)
    )
    if request.method == "POST" and form.is_valid():
        try:
            told = session_services.session_update(session=session, fields=form.session_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("開催回を更新しました。") + told_message(told))
            return redirect("community:listing_sessions", org_pk=org_pk, listing_pk=listing.pk)
    context = {"organization": listing.organization, "listing": listing, "session": session, "form": form}
    return render(request, "community/manage/session_edit.html", context, status=400 if form.errors else 200)


@login_required
def session_cancel(request, org_pk, pk):
    session = access.get_session_for_member(request.user, pk, organization_id=org_pk)
    form = SessionCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        told = session_services.session_cancel(session=session, reason=form.cleaned_data["reason"])
        messages.success(request, _("開催回を中止にしました。") + told_message(told))
        return redirect("community:listing_sessions", org_pk=org_pk, listing_pk=session.listing_id)
    context = {"organization": session.listing.organization, "listing": session.listing, "session": session, "form": form}
    return render(request, "community/manage/session_cancel.html", context, status=400 if form.errors else 200)


def told_message(told) -> str:
    """What the confirmation says: mails and calls counted apart, and where the call list is."""
    parts = []
    if told.mailed:
        parts.append(ngettext("%(n)s件にメールでお知らせします。", "%(n)s件にメールでお知らせします。", told.mailed) % {"n": told.mailed})
    if told.to_call:
        parts.append(
            ngettext(
                "メールアドレスのない%(n)s件は、電話でのお知らせが必要です。「電話連絡」の一覧から電話してください。",
                "メールアドレスのない%(n)s件は、電話でのお知らせが必要です。「電話連絡」の一覧から電話してください。",
                told.to_call,
            ) % {"n": told.to_call}
        )
    return "".join(parts)


def _signups_of(session):
    return session.signups.select_related("user").order_by("status", "created_at", "pk")


@login_required
def session_signups(request, org_pk, pk):
    """Who signed up, for the organization that runs the session only."""
    session = access.get_session_for_member(request.user, pk, organization_id=org_pk)
    signups = list(_signups_of(session).exclude(status=SignUp.Status.CANCELLED))
    confirmed = [s for s in signups if s.status == SignUp.Status.CONFIRMED]
    context = {
        "organization": session.listing.organization,
        "listing": session.listing,
        "session": session,
        "confirmed": confirmed,
        "waitlisted": [s for s in signups if s.status == SignUp.Status.WAITLISTED],
        "confirmed_people": sum(s.party_size for s in confirmed),
    }
    personal_data_access_record(
        user=request.user, action=PersonalDataAccess.Action.VIEW_SIGNUPS, session=session, rows=len(signups)
    )
    return render(request, "community/manage/session_signups.html", context)


@login_required
def session_signups_csv(request, org_pk, pk):
    """CSV for Excel (community.exports: BOM, and names or notes typed as =… stay text)."""
    session = access.get_session_for_member(request.user, pk, organization_id=org_pk)
    signups = list(_signups_of(session))
    personal_data_access_record(
        user=request.user, action=PersonalDataAccess.Action.EXPORT_SIGNUPS, session=session, rows=len(signups)
    )
    header = [_("状態"), _("氏名"), _("人数"), _("電話番号"), _("メールアドレス"), _("連絡事項"), _("申込日時"), _("代理申込")]
    rows = (
        [
            signup.get_status_display(), signup.name, signup.party_size, signup.phone, signup.contact_email,
            signup.note, jdatetime(signup.created_at), _("はい") if signup.proxy_by_id else "",
        ]
        for signup in signups
    )
    return csv_response(f"signups-{session.pk}.csv", header, rows)


@login_required
@require_POST
def schedule_delete(request, org_pk, listing_pk, pk):
    """Stop a recurring schedule: future sessions without sign-ups are removed, others stay to be cancelled by hand."""
    listing = access.get_listing_in_organization(request.user, org_pk, listing_pk)
    schedule = listing.schedules.filter(pk=pk).first()
    if schedule is None:
        raise Http404
    removed = schedule_services.schedule_stop(schedule=schedule)
    messages.success(request, _("定期開催の予定を削除し、申込のない今後の回を%(n)s件取り消しました。") % {"n": removed})
    return redirect("community:listing_sessions", org_pk=org_pk, listing_pk=listing.pk)
