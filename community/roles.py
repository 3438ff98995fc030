"""The staff roles (groups) and what each may do in the admin; role names live here, in the kernel.

区職員 may do everything with the portal's records. 社協コーディネーター run the community records but
take no grant decisions and read no consultation content unless assigned (see each app's admin).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

WARD_STAFF = "区職員"
COORDINATOR = "社協コーディネーター"

PORTAL_APPS = ["community", "volunteers", "cafes", "hiroba", "projects", "international", "nerima_portal"]
COORDINATOR_APPS = ["community", "volunteers", "cafes", "hiroba", "international"]
# Codenames coordinators never get, even inside their apps (e.g. grant decisions, consultation content).
COORDINATOR_EXCLUDED_CODENAMES: set[str] = {
    "view_consultation_content",
    "decide_application",
    # The 民生・児童委員 roster and residents' messages to commissioners are for 区職員 only.
    "view_commissioner",
    "add_commissioner",
    "change_commissioner",
    "delete_commissioner",
    "view_commissionercontact",
    "add_commissionercontact",
    "change_commissionercontact",
    "delete_commissionercontact",
    # Who looked at or exported residents' sign-ups: 区職員 read it, nobody else.
    "view_personaldataaccess",
    # 送信メール holds every mail's text, including residents' messages to commissioners: 区職員 only.
    "view_outboxmessage",
    "add_outboxmessage",
    "change_outboxmessage",
    "delete_outboxmessage",
    "resend_outboxmessage",
}


def sync_staff_groups() -> dict[str, Group]:
    """Create or refresh both groups; safe to run at every deploy."""
    ward, _ = Group.objects.get_or_create(name=WARD_STAFF)
    ward.permissions.set(Permission.objects.filter(content_type__app_label__in=PORTAL_APPS))
    coordinator, _ = Group.objects.get_or_create(name=COORDINATOR)
    coordinator_perms = Permission.objects.filter(
        Q(content_type__app_label__in=COORDINATOR_APPS)
        | Q(content_type__app_label="projects", codename__startswith="view_")
    ).exclude(codename__in=COORDINATOR_EXCLUDED_CODENAMES)
    coordinator.permissions.set(coordinator_perms)
    return {WARD_STAFF: ward, COORDINATOR: coordinator}
