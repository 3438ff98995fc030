"""Organizers hear about their people: a sign-up, a cancellation, a request to join.

Each member chose how (Membership.notify): a mail each time, or one mail a day that collects the day's news
(send_digests). An organization with no member who can receive mail falls back to the candidates the caller
names (e.g. the area's coordinators), and finally to 当番の区職員 (community.notify.recipients_choose).
"""

import datetime as dt
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone, translation

from community.mails import send_templated_mail
from community.models import Membership, OrganizerNotice
from community.notify import Recipient, people_notify, recipients_choose, users_as_recipients
from community.services.member_mail import member_memberships

Notify = Membership.Notify


def organizer_notify(
    *,
    organization_id: int,
    template: str,
    context: dict,
    key: str,
    line: Callable[[], str],
    url: str,
    fallback: Iterable[Callable[[], Iterable[Recipient]]] = (),
) -> None:
    """Tell the organization's members now or in their digest; nobody there → `fallback`, then 当番の区職員.

    `line` gives the one-line summary for the digest; it is called in each digest reader's language.
    """
    members = list(member_memberships(organization_id))
    if not members:
        people_notify(
            recipients_choose(*fallback), template=template, context={**context, "via_fallback": True}, key=key
        )
        return
    now = [m.user for m in members if m.notify == Notify.EACH]
    people_notify(users_as_recipients(now), template=template, context={**context, "via_fallback": False}, key=key)
    notices = []
    for membership in members:
        if membership.notify == Notify.DIGEST:
            with translation.override(membership.user.preferred_language or "ja"):
                notices.append(OrganizerNotice(membership=membership, line=str(line())[:300], url=url))
    OrganizerNotice.objects.bulk_create(notices)


def membership_set_notify(*, membership: Membership, notify: str) -> Membership:
    membership.notify = notify
    membership.full_clean()
    membership.save(update_fields=["notify"])
    return membership


def digests_send(*, now: dt.datetime | None = None) -> int:
    """Queue one digest mail per member with news waiting; returns how many were queued (safe to run twice)."""
    now = now or timezone.now()
    queued = 0
    waiting = OrganizerNotice.objects.undelivered().filter(created_at__lte=now).values_list("membership_id", flat=True)
    for membership_id in sorted(set(waiting)):
        with transaction.atomic():
            # Lock this member's waiting lines so an overlapping run cannot put them in a second mail.
            notices = list(
                OrganizerNotice.objects.select_for_update().undelivered().filter(membership_id=membership_id, created_at__lte=now)
            )
            if not notices:
                continue
            membership = Membership.objects.select_related("user", "organization").get(pk=membership_id)
            user = membership.user
            message = send_templated_mail(
                template="community/mail/digest",
                to=user.email,
                language=user.preferred_language or "ja",
                context={"recipient": user, "organization": membership.organization, "notices": notices, "now": now},
                key=f"digest:{membership_id}:{notices[0].pk}-{notices[-1].pk}",
            )
            if message is None:
                continue
            OrganizerNotice.objects.filter(pk__in=[n.pk for n in notices]).update(digest=message)
            queued += 1
    return queued
