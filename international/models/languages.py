"""Languages the portal's foreign-resident services are offered in (teachers, desk days, events)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SupportLanguage(models.TextChoices):
    ENGLISH = "en", _("英語")
    CHINESE = "zh-hans", _("中国語")
    KOREAN = "ko", _("韓国語")
    TAGALOG = "tl", _("タガログ語")
    VIETNAMESE = "vi", _("ベトナム語")
    NEPALI = "ne", _("ネパール語")
    SPANISH = "es", _("スペイン語")
    PORTUGUESE = "pt", _("ポルトガル語")
    EASY_JAPANESE = "ja-easy", _("やさしい日本語")


# What each language calls itself, shown next to the translated name so a reader finds their own.
LOCAL_NAMES = {
    "en": "English",
    "zh-hans": "中文",
    "ko": "한국어",
    "tl": "Tagalog",
    "vi": "Tiếng Việt",
    "ne": "नेपाली",
    "es": "Español",
    "pt": "Português",
    "ja-easy": "やさしい にほんご",
}


def language_labels(codes) -> list[str]:
    """Translated names for stored language codes, unknown codes skipped."""
    valid = dict(SupportLanguage.choices)
    return [str(valid[code]) for code in codes if code in valid]
