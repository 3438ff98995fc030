"""A resident's own profile: name, reading, home 町丁目, languages, interests and display language."""


from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from community.models import Chome, User
from community.models.organizations import HIRAGANA_RE
from community.readings import normalize_reading

PROFILE_FIELDS = ["full_name", "full_name_kana", "phone", "chome", "languages", "interests", "preferred_language"]


def clean_reading(value: str) -> str:
    """The normalized reading, or a Japanese error when it is not hiragana."""
    reading = normalize_reading(value)
    if reading and not HIRAGANA_RE.match(reading):
        raise ValidationError(_("よみがなは、ひらがなで入力してください（例：ねりま はなこ）。"), code="hiragana")
    return reading


def profile_update(
    *,
    user: User,
    full_name: str,
    full_name_kana: str,
    phone: str,
    chome: Chome | None,
    languages: list[str],
    interests: list[str],
    preferred_language: str,
) -> User:
    """Save every profile field at once or none of them."""
    try:
        reading = clean_reading(full_name_kana)
    except ValidationError as error:
        raise ValidationError({"full_name_kana": error.messages}) from error
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        locked.full_name = " ".join(full_name.split())
        locked.full_name_kana = reading
        locked.phone = phone.strip()
        locked.chome = chome
        # Stored in a stable order so that equal choices compare equal.
        locked.languages = sorted(set(languages))
        locked.interests = sorted(set(interests))
        locked.preferred_language = preferred_language
        locked.full_clean(exclude=["password"])
        locked.save(update_fields=PROFILE_FIELDS)
    for field in PROFILE_FIELDS:
        setattr(user, field, getattr(locked, field))
    return user


def profile_set_language(*, user: User, language: str) -> None:
    """Remember the display language a logged-in resident picked in the switcher."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"preferred_language": _("選べない言語です。")})
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
