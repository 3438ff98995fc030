"""よみがな: one way to fold what people type (katakana, half-width) into the hiragana used for 五十音順."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Hiragana, the prolonged sound mark, middle dot and spaces: a reading that sorts in 五十音順.
HIRAGANA_RE = re.compile(r"^[\u3041-\u3096\u309d\u309e\u30fc\u30fb\s　]+$")

# ァ (U+30A1) … ヶ (U+30F6) and the iteration marks ヽヾ sit 0x60 above their hiragana.
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in [*range(0x30A1, 0x30F7), 0x30FD, 0x30FE]}


_HIRAGANA_TO_KATAKANA = {hiragana: katakana for katakana, hiragana in _KATAKANA_TO_HIRAGANA.items()}


def katakana_to_hiragana(text: str) -> str:
    return text.translate(_KATAKANA_TO_HIRAGANA)


def hiragana_to_katakana(text: str) -> str:
    """「ねりま はなこ」→「ネリマ ハナコ」 (open data asks for 名称_カナ in katakana)."""
    return text.translate(_HIRAGANA_TO_KATAKANA)


def normalize_reading(value: str) -> str:
    """Full-width and katakana folded to hiragana, spaces collapsed: 「ネリマ　ﾊﾅｺ」→「ねりま はなこ」."""
    folded = katakana_to_hiragana(unicodedata.normalize("NFKC", value or ""))
    return " ".join(folded.split())


def validate_hiragana(value: str) -> None:
    if value and not HIRAGANA_RE.match(value):
        raise ValidationError(_("よみがなは、ひらがなで入力してください（例：ねりまちょうかい）。"), code="hiragana")


class ReadingField(forms.CharField):
    """A よみがな form field: folds what was typed (カタカナ, ﾊﾝｶｸ), then accepts only hiragana."""

    default_validators = [validate_hiragana]

    def to_python(self, value):
        return normalize_reading(super().to_python(value))
