"""What only superusers do to an account in the admin: change its sign-in e-mail address."""

from allauth.account.models import EmailAddress
from django.db import transaction

from community.models import User


@transaction.atomic
def user_change_email(*, user: User, email: str) -> User:
    """Make `email` the only sign-in address (allauth signs in and resets passwords by its own address list too).

    The superuser vouches for the new address, so it counts as verified; the old one can no longer sign in.
    """
    user.email = User.objects.normalize_email(email)
    user.full_clean(exclude=["password"])
    user.save(update_fields=["email"])
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).delete()
    address, _created = EmailAddress.objects.get_or_create(
        user=user, email__iexact=user.email, defaults={"email": user.email}
    )
    address.verified, address.primary = True, True
    address.save(update_fields=["verified", "primary"])
    return user
