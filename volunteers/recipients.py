"""Who hears about what residents send to the volunteers app, and the receipt each sender gets.

Declared recipients and fallbacks (docs/outbox.md has the table for every app):
- 加入の問い合わせ → the association's portal members, else the area's 地域福祉コーディネーター team;
- 民生・児童委員への連絡 → 区職員;
- カレッジの申込 → the course's organization (the College office), else 当番の区職員;
- ボランティアへの応募 → the organization's members, else the area's coordinator team;
and, when a whole chain is empty, 当番の区職員 (community.notify.recipients_choose).
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from community.contacts import area_desk, organization_contact, ward_desk
from community.notify import Receipt, Recipient, users_as_recipients
from community.roles import WARD_STAFF
from community.templatetags.portal import jdate
from volunteers.models import CoordinatorAssignment, CoordinatorTeam


def coordinator_team_recipients(area_id) -> list[Recipient]:
    """The area team's shared address and its assigned coordinators."""
    team = CoordinatorTeam.objects.filter(area_id=area_id).first()
    if team is None:
        return []
    shared = [Recipient(team.email, "ja", team.name)] if team.email else []
    assignments = CoordinatorAssignment.objects.filter(team=team, user__is_active=True).select_related("user")
    return shared + users_as_recipients(a.user for a in assignments.order_by("user_id"))


def ward_staff_recipients() -> list[Recipient]:
    users = get_user_model().objects.filter(groups__name=WARD_STAFF, is_active=True).exclude(email="").distinct()
    return users_as_recipients(users.order_by("pk"))


def team_office(area):
    """(name, phone, hours) of the area's coordinator team, else of the ward's desk for the area."""
    team = CoordinatorTeam.objects.filter(area=area).first() if area is not None else None
    if team is not None and team.phone:
        return team.name, team.phone, team.hours
    desk = area_desk(area) or ward_desk()
    return desk.name, desk.phone, desk.hours


def join_inquiry_receipt(inquiry, *, has_members: bool) -> Receipt:
    association = inquiry.association
    office, phone, hours = team_office(association.area)
    if has_members:
        next_steps = _("「%(association)s」の役員が、いただいた連絡先にご連絡します。") % {"association": association.name}
    else:
        next_steps = _(
            "「%(association)s」はポータルで問い合わせを受けていないため、%(office)sが会に取り次いでご連絡します。"
        ) % {"association": association.name, "office": office}
    return Receipt(
        reference=inquiry.reference,
        next_steps=next_steps,
        within=_("1週間ほどたっても連絡がないときは、下のお問い合わせ先にお電話ください。"),
        office=office,
        phone=phone,
        hours=hours,
    )


def commissioner_contact_receipt(contact) -> Receipt:
    district = contact.district
    if district is not None and district.contact_phone:
        office, phone, hours = district.contact_office or district.name, district.contact_phone, district.contact_hours
    else:
        desk = area_desk(district.area if district else None) or ward_desk()
        office, phone, hours = desk.name, desk.phone, desk.hours
    return Receipt(
        reference=contact.reference,
        next_steps=_("区の担当者が内容を確認し、地区の民生・児童委員に取り次ぎます。委員または区から、いただいた連絡先にご連絡します。"),
        within=_("1週間ほどたっても連絡がないときは、下のお問い合わせ先にお電話ください。"),
        office=office,
        phone=phone,
        hours=hours,
    )


def college_application_receipt(application) -> Receipt:
    course = application.course
    contact = organization_contact(course.organization) or ward_desk()
    return Receipt(
        reference=application.reference,
        next_steps=_("申込の受付期間が終わったあと、抽選の結果をメールでお知らせします。"),
        within=_("結果は%(date)sの締切のあと、2週間ほどでお知らせします。") % {"date": jdate(course.cohort.intake_closes_at)},
        office=contact.name,
        phone=contact.phone,
        hours=contact.hours,
    )


def opening_application_receipt(application) -> Receipt:
    organization = application.opening.organization
    contact = organization_contact(organization) or ward_desk()
    return Receipt(
        reference=application.reference,
        next_steps=_("「%(organization)s」が応募を読み、受け入れるかどうかをお知らせします。連絡先は受け入れが決まってから団体に伝わります。")
        % {"organization": organization.name},
        within=_("2週間ほどたっても返事がないときは、下のお問い合わせ先にお電話ください。"),
        office=contact.name,
        phone=contact.phone,
        hours=contact.hours,
    )
