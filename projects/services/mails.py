"""Mails to a group's members about its grant application and activity report (each in their own language).

Queued in the outbox with the change; the body names the project and links to マイ団体, nothing more.
Who receives what is declared in projects/recipients.py.
"""

from django.urls import reverse

from community.mails import absolute_url
from community.notify import people_notify, recipients_choose
from community.services.member_mail import members_mail
from projects import recipients


def _send_to_members(organization_id: int, *, template: str, context: dict, key: str) -> None:
    """Every member of the group (community.services.member_mail); a group nobody can read → 当番の区職員."""
    members_mail(organization_id=organization_id, template=f"projects/mail/{template}", context=context, key=key)


def _context(application, url_name: str) -> dict:
    return {
        "application": application,
        "organization": application.organization,
        "url": absolute_url(reverse(url_name, args=[application.organization_id, application.pk])),
    }


def send_application_submitted_mail(application) -> None:
    """「申請を受け付けました」 with the reference to every member of the group; 区職員 hear of it to review it."""
    _send_to_members(
        application.organization_id,
        template="application_submitted",
        context={**_context(application, "projects:application_detail"), "receipt": recipients.application_receipt(application)},
        key=f"grant-application:{application.pk}:submitted:{application.submitted_at.timestamp()}:members",
    )
    people_notify(
        recipients_choose(recipients.reviewer_recipients),
        template="projects/mail/application_received",
        context={
            "application": application,
            "organization": application.organization,
            "url": absolute_url(reverse("admin:projects_application_change", args=[application.pk])),
        },
        key=f"grant-application:{application.pk}:submitted",
    )


def send_report_submitted_mail(report) -> None:
    _send_to_members(
        report.application.organization_id,
        template="report_submitted",
        context={**_context(report.application, "projects:report_edit"), "report": report},
        key=f"grant-report:{report.pk}:submitted:{report.submitted_at.timestamp()}",
    )


def send_report_returned_mail(report) -> None:
    """The reason staff gave travels in the mail, so the group knows what to fix before logging in."""
    _send_to_members(
        report.application.organization_id,
        template="report_returned",
        context={**_context(report.application, "projects:report_edit"), "report": report},
        key=f"grant-report:{report.pk}:returned:{report.reviewed_at.timestamp()}",
    )
