"""Mails to residents, rendered in the language they chose and queued in the outbox (docs/outbox.md)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from community.services.outbox import mail_queue

# The template engine for plain-text mail: the same templates folder, but nothing is HTML-escaped
# (a title 「花＆緑の会」 stays 「花＆緑の会」, not 「花&amp;緑の会」). See TEMPLATES in settings.
MAIL_ENGINE = "mail_text"


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def render_mail(*, template: str, language: str, context: dict) -> tuple[str, str]:
    """templates/<template>_subject.txt and _body.txt in `language`, as plain text: (subject, body)."""
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context, using=MAIL_ENGINE)
        body = render_to_string(f"{template}_body.txt", context, using=MAIL_ENGINE)
    return settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject.strip(), body


def send_templated_mail(
    *,
    template: str,
    to: str,
    language: str,
    context: dict,
    key: str = "",
    on_sent: str = "",
    on_sent_args: dict | None = None,
    reply_to: str = "",
):
    """Render one mail and queue it in the outbox (sent by the worker, retried when the server refuses it).

    `key` names the logical mail (e.g. "signup:12:created"): queuing the same key again sends nothing new.
    Call it inside the transaction of the change the mail reports. Returns the OutboxMessage, or None
    when there is no address.
    """
    if not to:
        return None
    subject, body = render_mail(template=template, language=language, context=context)
    return mail_queue(
        to=to,
        subject=subject,
        body=body,
        kind=template,
        language=language,
        key=key,
        reply_to=reply_to,
        on_sent=on_sent,
        on_sent_args=on_sent_args,
    )


def signup_receipt(signup):
    """受付の控え of a sign-up: its reference, what happens next, and whom to phone (the listing's contact)."""
    from community.contacts import listing_contact, ward_desk
    from community.notify import Receipt

    contact = listing_contact(signup.session.listing) or ward_desk()
    if signup.status == signup.Status.CANCELLED:
        next_steps = _("この回への参加は取り消されました。ほかの回へは、あらためてお申し込みください。")
    elif signup.status == signup.Status.WAITLISTED:
        next_steps = _("キャンセルが出て参加できるようになったら、すぐにお知らせします。")
    else:
        next_steps = _("当日は、直接会場へお越しください。")
    return Receipt(
        reference=signup.receipt_reference,
        next_steps=next_steps,
        within=_("開催日の前日に、メールでもう一度ご案内します。") if signup.is_active and signup.contact_email else "",
        office=contact.name,
        phone=contact.phone,
        hours=contact.hours,
    )


def send_signup_mail(signup, event: str, *, key: str = "", on_sent: str = "", on_sent_args: dict | None = None):
    from community.services.signups import cancel_token

    context = {
        "signup": signup,
        "session": signup.session,
        "listing": signup.session.listing,
        "cancel_url": absolute_url(reverse("community:signup_cancel", args=[cancel_token(signup)])),
        # The resident's own calendar copy carries the cancel link too.
        "ics_url": absolute_url(reverse("community:session_ics", args=[signup.session_id]))
        + f"?signup={cancel_token(signup)}",
        "receipt": signup_receipt(signup),
    }
    return send_templated_mail(
        template=f"community/mail/signup_{event}",
        to=signup.contact_email,
        language=signup.language,
        context=context,
        key=key or f"signup:{signup.pk}:{event}",
        on_sent=on_sent,
        on_sent_args=on_sent_args,
    )


def send_session_cancelled_mail(signup):
    return send_templated_mail(
        template="community/mail/session_cancelled",
        to=signup.contact_email,
        language=signup.language,
        context={"signup": signup, "session": signup.session, "listing": signup.session.listing},
        key=f"session:{signup.session_id}:cancelled:signup:{signup.pk}",
    )


def send_session_changed_mail(signup, *, stamp: str):
    """The session moved (time or place): `stamp` names the new time and place, so each change is told once."""
    return send_templated_mail(
        template="community/mail/session_changed",
        to=signup.contact_email,
        language=signup.language,
        context={"signup": signup, "session": signup.session, "listing": signup.session.listing},
        key=f"session:{signup.session_id}:changed:{stamp}:signup:{signup.pk}",
    )
