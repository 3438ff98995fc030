"""Personal data held by volunteers: College applications and attendance, the volunteer profile, applications
to openings and invitations, the 協働推進員 registration, join inquiries and messages to commissioners.

Registered in community.personal_data (see there for the contract). Join inquiries and commissioner messages
can be sent without an account: they belong to the user when the user sent them logged in, or when they carry
one of the user's confirmed e-mail addresses.
"""

from django.db.models import Prefetch, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.personal_data import email_q, verified_emails, when
from community.templatetags.portal import jdate, jdatetime
from volunteers.models import (
    ClassAttendance,
    CollaboratorRegistration,
    CollegeApplication,
    CommissionerContact,
    JoinInquiry,
    OpeningApplication,
    VolunteerInvitation,
    VolunteerProfile,
)
from volunteers.services.lottery import college_application_decline

SECTIONS = {
    "college_applications": gettext_lazy("パワーアップカレッジの受講申込と出席"),
    "volunteer_profile": gettext_lazy("ボランティアのプロフィール"),
    "opening_applications": gettext_lazy("ボランティア募集への応募"),
    "volunteer_invitations": gettext_lazy("団体からのボランティアの招待"),
    "collaborator_registration": gettext_lazy("地域福祉協働推進員の登録"),
    "join_inquiries": gettext_lazy("町会・自治会への加入の問い合わせ"),
    "commissioner_contacts": gettext_lazy("民生・児童委員への連絡"),
}

ERASE_REMOVES = [
    gettext_lazy("パワーアップカレッジの受講申込と出席記録（受講決定・補欠の方は辞退となり、次の補欠の方が繰り上がります）"),
    gettext_lazy("ボランティアのプロフィール、募集への応募と団体からの招待"),
    gettext_lazy("地域福祉協働推進員の登録"),
    gettext_lazy("町会・自治会への加入の問い合わせと民生・児童委員への連絡（確認済みのメールアドレスで送ったものを含みます）"),
]
ERASE_ANONYMIZES: list = []

OPEN_COLLEGE_STATUSES = (
    CollegeApplication.Status.APPLIED, CollegeApplication.Status.ENROLLED, CollegeApplication.Status.WAITLISTED,
)


def _sent_by(user, field_user: str = "user"):
    """Rows sent logged in as `user`, or sent without an account from one of the user's confirmed addresses."""
    return Q(**{field_user: user}) | email_q("email", verified_emails(user))


def _college_rows(user) -> list[dict]:
    applications = (
        CollegeApplication.objects.filter(user=user)
        .select_related("course__cohort")
        .prefetch_related(
            Prefetch("attendances", queryset=ClassAttendance.objects.select_related("session").order_by("session__starts_at"))
        )
        .order_by("-created_at")
    )
    return [{
        "cohort": a.course.cohort.name,
        "field": a.course.field,
        "motivation": a.motivation,
        "availability": list(a.availability),
        "status": a.status,
        "applied_at": when(a.created_at),
        "declined_at": when(a.declined_at),
        "attendance_percent": a.attendance_percent,
        "graduated_at": when(a.graduated_at),
        "attendance": [{"class_starts_at": when(r.session.starts_at), "present": r.present} for r in a.attendances.all()],
        "summary": f"{a.course.cohort.name} {a.field_label}（{a.get_status_display()}）",
    } for a in applications]


def _profile_rows(user) -> list[dict]:
    profile = VolunteerProfile.objects.filter(user=user).prefetch_related("areas").first()
    if profile is None:
        return []
    return [{
        "activity_fields": list(profile.activity_fields),
        "areas": [area.name for area in profile.areas.all()],
        "weekdays": list(profile.weekdays),
        "times": list(profile.times),
        "skills": list(profile.skills),
        "languages": list(profile.languages),
        "wishes": profile.wishes,
        "visibility": profile.visibility,
        "updated_at": when(profile.updated_at),
        "summary": _("公開範囲：%(visibility)s") % {"visibility": profile.get_visibility_display()},
    }]


def _opening_application_rows(user) -> list[dict]:
    applications = OpeningApplication.objects.filter(user=user).select_related("opening__organization")
    return [{
        "opening": a.opening.title,
        "organization": a.opening.organization.name,
        "message": a.message,
        "status": a.status,
        "organization_message": a.organization_message,
        "reply": a.reply,
        "applied_at": when(a.created_at),
        "decided_at": when(a.decided_at),
        "summary": f"{a.opening.title}（{a.opening.organization.name}・{a.get_status_display()}）",
    } for a in applications]


def _invitation_rows(user) -> list[dict]:
    invitations = VolunteerInvitation.objects.filter(profile__user=user).select_related("organization", "opening")
    return [{
        "organization": i.organization.name,
        "opening": i.opening.title if i.opening_id else None,
        "message": i.message,
        "status": i.status,
        "sent_at": when(i.created_at),
        "responded_at": when(i.responded_at),
        "summary": f"{i.organization.name}（{i.get_status_display()}）",
    } for i in invitations]


def _registration_rows(user) -> list[dict]:
    registration = CollaboratorRegistration.objects.filter(user=user).prefetch_related("areas").first()
    if registration is None:
        return []
    # The coordinator's own notes are the office's working record, not part of what the resident gave us.
    return [{
        "areas": [area.name for area in registration.areas.all()],
        "interests": list(registration.interests),
        "weekdays": list(registration.weekdays),
        "times": list(registration.times),
        "availability_note": registration.availability_note,
        "phone": registration.phone,
        "message": registration.message,
        "status": registration.status,
        "registered_at": when(registration.created_at),
        "contacted_at": when(registration.contacted_at),
        "summary": str(registration.get_status_display()),
    }]


def _join_inquiry_rows(user) -> list[dict]:
    inquiries = JoinInquiry.objects.filter(_sent_by(user)).select_related("association")
    return [{
        "association": i.association.name,
        "name": i.name,
        "email": i.email,
        "phone": i.phone,
        "address": i.address,
        "message": i.message,
        "status": i.status,
        "sent_at": when(i.created_at),
        "answered_at": when(i.answered_at),
        "summary": f"{i.association.name}（{jdate(i.created_at)}・{i.get_status_display()}）",
    } for i in inquiries]


def _commissioner_contact_rows(user) -> list[dict]:
    contacts = CommissionerContact.objects.filter(_sent_by(user)).select_related("district")
    return [{
        "district": c.district.name if c.district_id else None,
        "address": c.address,
        "name": c.name,
        "phone": c.phone,
        "email": c.email,
        "message": c.message,
        "status": c.status,
        "sent_at": when(c.created_at),
        "summary": _("%(date)s に送信（%(status)s）") % {"date": jdatetime(c.created_at), "status": c.get_status_display()},
    } for c in contacts]


def export(user) -> dict[str, list[dict]]:
    return {
        "college_applications": _college_rows(user),
        "volunteer_profile": _profile_rows(user),
        "opening_applications": _opening_application_rows(user),
        "volunteer_invitations": _invitation_rows(user),
        "collaborator_registration": _registration_rows(user),
        "join_inquiries": _join_inquiry_rows(user),
        "commissioner_contacts": _commissioner_contact_rows(user),
    }


def erase(user) -> None:
    # Declining first frees the seat through the lottery's own rule, so the next on the waitlist moves up.
    for application in CollegeApplication.objects.filter(user=user, status__in=OPEN_COLLEGE_STATUSES):
        college_application_decline(application=application)
    CollegeApplication.objects.filter(user=user).delete()
    OpeningApplication.objects.filter(user=user).delete()
    VolunteerProfile.objects.filter(user=user).delete()  # its invitations go with it
    CollaboratorRegistration.objects.filter(user=user).delete()
    JoinInquiry.objects.filter(_sent_by(user)).delete()
    CommissionerContact.objects.filter(_sent_by(user)).delete()


def retention(*, now, periods) -> dict[str, int]:
    inquiries = JoinInquiry.objects.annotate(done_at=Coalesce("answered_at", "created_at")).filter(
        done_at__lt=now - periods["join_inquiries"]
    )
    contacts = CommissionerContact.objects.filter(created_at__lt=now - periods["commissioner_contacts"])
    withdrawn = CollaboratorRegistration.objects.annotate(
        withdrawn_at=Coalesce("status_changed_at", "created_at")
    ).filter(status=CollaboratorRegistration.Status.WITHDRAWN, withdrawn_at__lt=now - periods["withdrawn_collaborators"])
    # QuerySet.delete() returns (total, per model); count only the rows of the model itself.
    return {
        _("町会・自治会への加入の問い合わせ（回答から%(days)s日を過ぎたものを削除）")
        % {"days": periods["join_inquiries"].days}: inquiries.delete()[1].get(JoinInquiry._meta.label, 0),
        _("民生・児童委員への連絡（受付から%(days)s日を過ぎたものを削除）")
        % {"days": periods["commissioner_contacts"].days}: contacts.delete()[1].get(CommissionerContact._meta.label, 0),
        _("取り下げた協働推進員の登録（取り下げから%(days)s日を過ぎたものを削除）")
        % {"days": periods["withdrawn_collaborators"].days}: withdrawn.delete()[1].get(
            CollaboratorRegistration._meta.label, 0
        ),
    }
