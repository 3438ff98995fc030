"""Fictional data for the cluster test, written through the ORM of the orchestrating process (after migrate)."""

import datetime as dt
import io
import time

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.cached_db import SessionStore
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

PDF = b"%PDF-1.4\n% cluster test\n%%EOF\n"
# The staff account's authenticator app (fictional, only for this throwaway cluster).
TOTP_SECRET = "CLUSTERTESTSTAFFSECRETKEY234567A"  # noqa: S105


def _logged_in_cookie(user) -> str:
    """A real session (database + Redis) as the login form would leave it, without the password hashing cost.

    Staff pass two steps (password, then their authenticator app), and the staff session clock starts, as
    allauth and community/staff_sign_in.py write them at sign-in.
    """
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.totp.internal.auth import TOTP
    from django.http import HttpRequest

    from community.staff_sign_in import SEEN_KEY, STARTED_KEY

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if user.is_staff:
        authenticator = TOTP.activate(user, TOTP_SECRET).instance
        request = HttpRequest()
        request.session = session
        request.user = user
        record_authentication(request, user, "password", email=user.email)
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
        session[STARTED_KEY] = session[SEEN_KEY] = time.time()
    session.create()
    return session.session_key


def seed(*, residents: int, sessions: int, capacity: int) -> dict:
    from community.models import Listing, Membership, Organization, PublicationStatus, Session, User
    from hiroba.models import Plaza, PlazaSubsidy

    organization = Organization.objects.create(
        name="クラスタ試験の会（架空）", name_kana="くらすたしけんのかい", kind="npo", status=PublicationStatus.PUBLISHED)
    logo = io.BytesIO()
    Image.new("RGB", (16, 16), "blue").save(logo, format="PNG")
    organization.logo.save("logo.png", ContentFile(logo.getvalue()))
    member = User.objects.create_user(email="member@cluster.example.jp", password=None, full_name="試験 会員（架空）")
    Membership.objects.create(organization=organization, user=member, role=Membership.Role.REPRESENTATIVE)
    staff = User.objects.create_superuser(email="staff@cluster.example.jp", password=None)

    start = timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0) + dt.timedelta(days=3)
    session_ids = []
    for number in range(sessions):
        listing = Listing.objects.create(
            organization=organization, title=f"クラスタ試験の集い{number + 1}（架空）", title_kana="くらすたしけんのつどい",
            status=PublicationStatus.PUBLISHED)
        session = Session.objects.create(listing=listing, starts_at=start, ends_at=start + dt.timedelta(hours=2),
                                         capacity=capacity, signup_required=True)
        session_ids.append(session.pk)
    people = []
    for number in range(residents):
        user = User.objects.create_user(email=f"resident{number}@cluster.example.jp", password=None,
                                        full_name=f"試験 住民{number}（架空）")
        people.append({"id": user.pk, "cookie": _logged_in_cookie(user)})

    plaza = Plaza.objects.create(organization=organization, title="クラスタ試験ひろば（架空）", title_kana="くらすたしけんひろば",
                                 status=PublicationStatus.PUBLISHED, hours_text="毎週火曜 10:00–15:00")
    subsidy = PlazaSubsidy.objects.create(plaza=plaza, fiscal_year=2026, amount=50_000,
                                          report=ContentFile(PDF, name="jisseki.pdf"))
    return {
        "sessions": session_ids, "residents": people, "logo_url": organization.logo.url,
        "private_url": subsidy.report.url, "private_bytes": PDF,
        "staff_cookie": _logged_in_cookie(staff), "member_cookie": _logged_in_cookie(member),
    }
