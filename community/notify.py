"""Nothing a resident sends reaches nobody: a declared recipient, a fallback, and the ward's on-duty inbox last.

Each form's service names its recipients as a list of candidates, closest first (the association's members,
then the area's coordinator team, ...). ``recipients_choose`` takes the first candidate that has an address,
and when none has, the inbox of 当番の区職員 (settings.WARD_DUTY_EMAIL), so a message is never dropped.
``people_notify`` queues one mail per person in the outbox; ``receipt_send`` sends the sender their 受付完了.
Who receives which kind is listed in docs/outbox.md.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from community.mails import send_templated_mail


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str = "ja"
    name: str = ""

    def get_full_name(self) -> str:
        """Templates greet a Recipient the way they greet a user."""
        return self.name


def users_as_recipients(users) -> list[Recipient]:
    return [Recipient(user.email, user.preferred_language or "ja", user.get_full_name()) for user in users if user.email]


def duty_recipients() -> list[Recipient]:
    return [Recipient(settings.WARD_DUTY_EMAIL, "ja", str(_("当番の区職員")))]


def recipients_choose(*candidates: Callable[[], Iterable[Recipient]]) -> list[Recipient]:
    """The first candidate with at least one address (each address once); the on-duty inbox when none has."""
    for candidate in candidates:
        chosen, seen = [], set()
        for recipient in candidate():
            address = recipient.email.strip().lower()
            if address and address not in seen:
                seen.add(address)
                chosen.append(recipient)
        if chosen:
            return chosen
    return duty_recipients()


def people_notify(recipients: Iterable[Recipient], *, template: str, context: dict, key: str) -> list:
    """Queue the same news to each recipient, in their language; `key` names the event (one mail per person)."""
    return [
        send_templated_mail(
            template=template,
            to=recipient.email,
            language=recipient.language,
            context={**context, "recipient": recipient},
            key=f"{key}:to:{recipient.email.lower()}",
        )
        for recipient in recipients
    ]


@dataclass(frozen=True)
class Receipt:
    """What every 受付完了 carries: the reference, what happens next and when, and a named office with a phone."""

    reference: str
    next_steps: str
    within: str
    office: str
    phone: str
    hours: str = ""


def receipt_send(*, to: str, language: str, receipt: Receipt, template: str, context: dict, key: str):
    """The sender's 受付完了 mail (nothing when they left no address: the screen showed the same receipt)."""
    if not to:
        return None
    return send_templated_mail(
        template=template, to=to, language=language, context={**context, "receipt": receipt}, key=f"{key}:receipt"
    )
