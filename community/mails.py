"""Mails to residents, rendered in the language they chose."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def send_templated_mail(*, template: str, to: str, language: str, context: dict) -> None:
    """Render templates/<template>_subject.txt and _body.txt in `language` and send one mail."""
    if not to:
        return
    with translation.override(language):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)
    send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [to])


def send_signup_mail(signup, event: str) -> None:
    from community.services.signups import cancel_token

    context = {
        "signup": signup,
        "session": signup.session,
        "listing": signup.session.listing,
        "cancel_url": absolute_url(reverse("community:signup_cancel", args=[cancel_token(signup)])),
        "ics_url": absolute_url(reverse("community:session_ics", args=[signup.session_id])),
    }
    send_templated_mail(
        template=f"community/mail/signup_{event}",
        to=signup.contact_email,
        language=signup.language,
        context=context,
    )


def send_session_cancelled_mail(signup) -> None:
    send_templated_mail(
        template="community/mail/session_cancelled",
        to=signup.contact_email,
        language=signup.language,
        context={"signup": signup, "session": signup.session, "listing": signup.session.listing},
    )
