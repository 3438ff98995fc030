"""マイ団体 forms for cafés, lectures and their recurring schedules (errors next to each field)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cafes.models import CareCafe, ChildcareLecture, KidsCafe
from community.models import Organization, Place, RecurringSchedule
from community.uploads import VerifiedImageField

KANA_HELP = _("ひらがなで入力してください。五十音順の並べ替えに使います。")
PHOTO_HELP = _("JPEG・PNG・WebP、5MBまで。位置情報などの撮影情報は消して保存します。")


class _ListingFormBase(forms.ModelForm):
    """Shared parts: the organization (only on creation, among the user's own), places and the photo."""

    organization_kinds: tuple[str, ...] = ()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if "place" in self.fields:
            self.fields["place"].queryset = Place.objects.with_area().order_by("name_kana", "name")
            self.fields["place"].empty_label = _("（決まっていない・毎回ちがう）")
        if "photo" in self.fields:
            self.fields["photo"] = VerifiedImageField(label=_("写真"), required=False, help_text=PHOTO_HELP)
        if self.instance.pk is None:
            organizations = Organization.objects.for_member(user).by_reading()
            if self.organization_kinds:
                organizations = organizations.filter(kind__in=self.organization_kinds)
            self.fields["organization"] = forms.ModelChoiceField(
                label=_("運営する団体"), queryset=organizations, empty_label=None,
                error_messages={"invalid_choice": _("あなたが所属する団体から選んでください。")},
            )
            self.order_fields(["organization"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_alt") and "photo_alt" in self.fields:
            self.add_error("photo_alt", _("写真を載せるときは、写真の説明を入力してください。"))
        return cleaned


class CareCafeForm(_ListingFormBase):
    class Meta:
        model = CareCafe
        fields = [
            "title", "title_kana", "cafe_type", "partner_shop", "summary", "description", "place", "activities",
            "audience", "is_free", "fee_text", "signup_required", "contact_text", "photo", "photo_alt",
        ]
        widgets = {
            "activities": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "title_kana": KANA_HELP,
            "fee_text": _("例: 無料、100円（お茶代）"),
            "place": _("出張型で毎回ちがう場所のときは空欄にし、定期開催の予定ごとに場所を選びます。"),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cafe_type") == CareCafe.CafeType.SHOP and not cleaned.get("partner_shop"):
            self.add_error("partner_shop", _("コンビニ・薬局連携型のときは、連携している店舗名を入力してください。"))
        return cleaned


class KidsCafeForm(_ListingFormBase):
    class Meta:
        model = KidsCafe
        fields = [
            "title", "title_kana", "summary", "description", "place", "age_min", "age_max", "stroller_ok",
            "stroller_note", "has_nursing_room", "nursing_note", "audience", "fee_text", "contact_text",
            "photo", "photo_alt",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"title_kana": KANA_HELP}

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("age_min"), cleaned.get("age_max")
        if low is not None and high is not None and high < low:
            self.add_error("age_max", _("上限は下限と同じか、それより上の年齢にしてください。"))
        if high is not None and high > 6:
            self.add_error("age_max", _("こどもカフェは未就学児（6歳まで）が対象です。"))
        return cleaned


class ChildcareLectureForm(_ListingFormBase):
    organization_kinds = (Organization.Kind.CHILDCARE,)

    class Meta:
        model = ChildcareLecture
        fields = ["title", "title_kana", "kids_cafe", "topic", "lecturer", "summary", "description", "audience",
                  "fee_text", "contact_text"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"title_kana": KANA_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kids_cafe"].queryset = KidsCafe.objects.published().by_reading()


class ScheduleForm(forms.ModelForm):
    class Meta:
        model = RecurringSchedule
        fields = ["weekday", "weeks_of_month", "start_time", "end_time", "valid_from", "valid_until",
                  "skip_holidays", "place", "capacity", "signup_required", "fee_text"]
        widgets = {
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"place": _("空欄ならカフェの主な場所で開催します。出張型は行き先を選んでください。")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.order_by("name_kana", "name")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("終了時刻は開始時刻より後にしてください。"))
        since, until = cleaned.get("valid_from"), cleaned.get("valid_until")
        if since and until and until < since:
            self.add_error("valid_until", _("適用終了日は適用開始日より後にしてください。"))
        return cleaned
