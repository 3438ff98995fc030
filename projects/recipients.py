"""Who hears about a grant application: declared recipients and fallbacks (docs/outbox.md lists every app's).

- 申請の提出 → the group's members (their receipt, with the reference) and 区職員 who review, else 当番の区職員;
- 審査の決定 → every 代表者 of the group, the person who submitted, and the group's public address; if none of
  them has an address, 当番の区職員 (who then phone the group: the screen says so).
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from community.contacts import organization_contact, ward_desk
from community.notify import Receipt, Recipient, users_as_recipients
from community.roles import WARD_STAFF
from community.services.member_mail import member_recipients
from community.templatetags.portal import jdate


def reviewer_recipients() -> list[Recipient]:
    users = get_user_model().objects.filter(groups__name=WARD_STAFF, is_active=True).exclude(email="").distinct()
    return users_as_recipients(users.order_by("pk"))


def decision_recipients(application) -> list[Recipient]:
    """Every 代表者, the submitter and the group's public address (each address once)."""
    people = member_recipients(application.organization_id, representatives_only=True)
    if application.submitted_by_id:
        people += users_as_recipients([application.submitted_by])
    if application.organization.contact_email:
        people.append(Recipient(application.organization.contact_email, "ja", application.organization.name))
    return people


def application_receipt(application) -> Receipt:
    contact = ward_desk()
    return Receipt(
        reference=application.reference,
        next_steps=_("区が申請書を確認し、審査のあと、結果を団体の代表者と提出した方にメールでお知らせします。"),
        within=_("結果は締切（%(date)s）のあと、審査が終わりしだいお知らせします。1か月たっても連絡がないときは、お電話でお問い合わせください。")
        % {"date": jdate(application.call.closes_on)},
        office=contact.name,
        phone=contact.phone,
        hours=contact.hours,
    )


def group_contact(application):
    return organization_contact(application.organization) or ward_desk()
