"""Mail an organization's members: the one way every app tells a group something (issue 19: it was four copies).

Who: the organization's active members who have an address (or only its 代表者), each once, each in their own
language. When none of them can be reached, the fallbacks the caller names are tried in order (e.g. the area's
coordinator team), and last the inbox of 当番の区職員 (community.notify.recipients_choose), so news about a
group never reaches nobody. A caller telling the group about something staff did themselves (an approval) can
leave the duty inbox out: staff already know.

Every mail is queued in the outbox inside the caller's transaction, one row per person, keyed by the event:
calling again with the same key sends nothing new.
"""

from collections.abc import Callable, Iterable

from community.models import Membership
from community.notify import Recipient, people_notify, recipients_choose, users_as_recipients

Candidates = Callable[[], Iterable[Recipient]]


def member_memberships(organization_id: int, *, representatives_only: bool = False):
    """The memberships whose person can be mailed: active, with an address, oldest first."""
    memberships = Membership.objects.filter(organization_id=organization_id, user__is_active=True).exclude(user__email="")
    if representatives_only:
        memberships = memberships.filter(role=Membership.Role.REPRESENTATIVE)
    return memberships.select_related("user").order_by("pk")


def member_recipients(organization_id: int, *, representatives_only: bool = False) -> list[Recipient]:
    return users_as_recipients(
        m.user for m in member_memberships(organization_id, representatives_only=representatives_only)
    )


def members_mail(
    *,
    organization_id: int,
    template: str,
    context: dict,
    key: str,
    representatives_only: bool = False,
    fallback: Iterable[Candidates] = (),
    duty_last: bool = True,
) -> list:
    """Queue `template` to the organization's members (else `fallback`, else 当番の区職員); returns the messages.

    The context gets `recipient` (who reads this copy) and `via_fallback` (True when the group had nobody and
    the mail goes to someone who must pass it on).
    """
    members = member_recipients(organization_id, representatives_only=representatives_only)
    if members:
        return people_notify(members, template=template, context={**context, "via_fallback": False}, key=key)
    fallback = list(fallback)
    if duty_last:
        people = recipients_choose(*fallback)
    else:
        people = next((found for found in (list(candidate()) for candidate in fallback) if found), [])
    return people_notify(people, template=template, context={**context, "via_fallback": True}, key=key)
