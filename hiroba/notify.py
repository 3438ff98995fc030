"""Who hears of a 相談受付: the assigned team (each member) or person, else 当番の区職員; the sender gets a receipt.

A new request has nobody assigned yet, so it goes to 当番の区職員, who triage it in the admin; assigning a team
or a person tells them. Staff mails carry the reference, the topic and a link, never what the person wrote:
that is read in the admin, where every look is logged.
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from community.contacts import area_desk, ward_desk
from community.mails import absolute_url
from community.notify import Receipt, people_notify, receipt_send, recipients_choose, users_as_recipients
from hiroba.models import ConsultationDesk, ConsultationRequest

Method = ConsultationRequest.ContactMethod


def _admin_url(consultation) -> str:
    return absolute_url(reverse("admin:hiroba_consultationrequest_change", args=[consultation.pk]))


def _team_recipients(consultation):
    if consultation.assigned_team_id is None:
        return []
    return users_as_recipients(consultation.assigned_team.members.filter(is_active=True).order_by("pk"))


def _person_recipients(consultation):
    return users_as_recipients([consultation.assigned_to]) if consultation.assigned_to_id else []


def consultation_received(consultation: ConsultationRequest) -> None:
    people_notify(
        recipients_choose(lambda: _team_recipients(consultation), lambda: _person_recipients(consultation)),
        template="hiroba/mail/consultation_received",
        context={"consultation": consultation, "url": _admin_url(consultation), "assigned": False},
        key=f"consultation:{consultation.pk}:received",
    )
    if not consultation.is_anonymous:
        receipt_send(
            to=consultation.email,
            language=translation.get_language() or "ja",
            receipt=consultation_receipt(consultation),
            template="hiroba/mail/consultation_receipt",
            context={"consultation": consultation},
            key=f"consultation:{consultation.pk}",
        )


def consultation_assigned(consultation: ConsultationRequest, *, team_changed: bool, person_changed: bool) -> None:
    """The new team's members and the new person; a team with nobody reachable → 当番の区職員 again."""
    if not (consultation.assigned_team_id or consultation.assigned_to_id):
        return
    people = (_team_recipients(consultation) if team_changed else []) + (
        _person_recipients(consultation) if person_changed else []
    )
    stamp = f"{consultation.assigned_team_id}-{consultation.assigned_to_id}"
    people_notify(
        recipients_choose(lambda: people),
        template="hiroba/mail/consultation_received",
        context={"consultation": consultation, "url": _admin_url(consultation), "assigned": True},
        key=f"consultation:{consultation.pk}:assigned:{stamp}",
    )


def consultation_office():
    """The desk named on receipts: the main consultation desk, else the ward office."""
    desk = ConsultationDesk.objects.active().filter(is_main_contact=True).first()
    if desk is not None and desk.phone:
        return desk.name, desk.phone, desk.hours_text
    contact = ward_desk()
    return contact.name, contact.phone, contact.hours


def consultation_receipt(consultation: ConsultationRequest) -> Receipt:
    office, phone, hours = consultation_office()
    if not phone and consultation.area is not None:
        desk = area_desk(consultation.area)
        office, phone, hours = desk.name, desk.phone, desk.hours
    next_steps = {
        Method.PHONE: _("担当の職員または相談員から、お電話でご連絡します。"),
        Method.EMAIL: _("担当の職員または相談員から、メールでご連絡します。"),
        Method.VISIT: _("担当の職員または相談員から、会ってお話しする日時の相談のためにご連絡します。"),
    }.get(consultation.contact_method, _("担当の職員が内容を読み、必要な窓口につなぎます。"))
    return Receipt(
        reference=consultation.reference,
        next_steps=next_steps,
        within=_("3営業日ほどたっても連絡がないときは、受付番号を伝えてお電話ください。"),
        office=office,
        phone=phone,
        hours=hours,
    )
