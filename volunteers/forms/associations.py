"""Forms for 町会・自治会, 民生・児童委員, 協働推進員 and the NPO directory."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from community.addresses import find_chome, find_town
from community.forms.honeypot import HoneypotMixin
from community.models import Area, Organization, Place, Town
from community.models.users import Interest
from community.uploads import VerifiedImageField
from volunteers.models import (
    AssociationActivity,
    AssociationPhoto,
    AssociationProfile,
    CollaboratorRegistration,
    CommissionerDistrict,
)

MAX_ASSOCIATION_PHOTOS = 6

ADDRESS_HELP = _("例：練馬区豊玉北5丁目、豊玉北５－３。町名と丁目まで入力してください。")
ADDRESS_NOT_FOUND = _(
    "住所から町丁目を読み取れませんでした。「練馬区豊玉北5丁目」のように、町名と丁目を入力してください。"
)


class AddressField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("住所"))
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("help_text", ADDRESS_HELP)
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "street-address"}))
        super().__init__(**kwargs)


class AddressLookupForm(forms.Form):
    """One address box: the form finds its 町丁目 (cleaned_data['chome'])."""

    address = AddressField(error_messages={"required": _("住所を入力してください。")})

    def clean(self):
        data = super().clean()
        address = data.get("address")
        if address:
            chome = find_chome(address)
            if chome is None:
                self.add_error("address", ADDRESS_NOT_FOUND)
            data["chome"] = chome
        return data


class AssociationSearchForm(forms.Form):
    """The directory's GET filter: 地域, 町名, a typed address, an activity."""

    address = AddressField(required=False, label=_("住所からさがす"))
    area = forms.ModelChoiceField(label=_("地域"), queryset=Area.objects.all(), required=False, empty_label=_("すべて"))
    town = forms.ModelChoiceField(
        label=_("町名"), queryset=Town.objects.all(), required=False, empty_label=_("すべて")
    )
    activity = forms.ChoiceField(
        label=_("活動"), required=False, choices=[("", _("すべて")), *AssociationActivity.Kind.choices]
    )

    def clean(self):
        data = super().clean()
        data["chome"] = None
        address = data.get("address")
        if address:
            data["chome"] = find_chome(address)
            if data["chome"] is None:
                town = find_town(address)
                if town is None:
                    self.add_error("address", ADDRESS_NOT_FOUND)
                else:
                    data["town"] = town
        return data


class JoinInquiryForm(HoneypotMixin):
    # autocomplete: the browser may fill in the resident's own name and contacts (JIS X 8341-3 1.3.5).
    name = forms.CharField(
        label=_("お名前"), max_length=60, error_messages={"required": _("お名前を入力してください。")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("メールアドレス"),
        required=False,
        error_messages={"invalid": _("メールアドレスの形が正しくありません。例：taro@example.jp")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("電話番号"), max_length=20, required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    address = forms.CharField(label=_("お住まい（町丁目まで・任意）"), max_length=100, required=False)
    message = forms.CharField(
        label=_("お問い合わせの内容（任意）"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _("メールアドレスか電話番号のどちらかを入力してください。返信に使います。")

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error("email", _("返信先として、メールアドレスか電話番号のどちらかを入力してください。"))
        return data


class CommissionerContactForm(HoneypotMixin):
    district = forms.ModelChoiceField(
        label=_("担当地区"),
        queryset=CommissionerDistrict.objects.with_area(),
        required=False,
        empty_label=_("わからない"),
        help_text=_("わからなければ「わからない」のままで大丈夫です。住所から職員がお調べします。"),
    )
    address = forms.CharField(
        label=_("お住まい（町丁目まで）"),
        max_length=100,
        help_text=ADDRESS_HELP,
        error_messages={"required": _("お住まいの町丁目を入力してください。")},
    )
    name = forms.CharField(
        label=_("お名前"), max_length=60, error_messages={"required": _("お名前を入力してください。")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("電話番号"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("電話番号かメールアドレスのどちらかを入力してください。"),
    )
    email = forms.EmailField(
        label=_("メールアドレス"),
        required=False,
        error_messages={"invalid": _("メールアドレスの形が正しくありません。例：taro@example.jp")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = forms.CharField(
        label=_("ご相談・ご連絡の内容"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("ご相談・ご連絡の内容を入力してください。")},
    )

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error("phone", _("返信先として、電話番号かメールアドレスのどちらかを入力してください。"))
        if data.get("address") and not data.get("district"):
            # Fill the district from the address when the resident did not know it.
            from volunteers.models import CommissionerDistrict as District

            chome = find_chome(data["address"])
            data["district"] = District.objects.for_chome(chome).first() if chome else None
        return data


class CollaboratorRegistrationForm(forms.Form):
    areas = forms.ModelMultipleChoiceField(
        label=_("活動したい地域"),
        queryset=Area.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("活動したい地域を1つ以上選んでください。")},
    )
    interests = forms.MultipleChoiceField(
        label=_("関心のある分野"),
        choices=Interest.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("関心のある分野を1つ以上選んでください。")},
    )
    weekdays = forms.MultipleChoiceField(
        label=_("活動できる曜日"),
        choices=CollaboratorRegistration.Weekday.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    times = forms.MultipleChoiceField(
        label=_("活動できる時間帯"),
        choices=CollaboratorRegistration.TimeOfDay.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    availability_note = forms.CharField(
        label=_("活動できる日時の補足（任意）"), max_length=200, required=False, help_text=_("例：月に2回くらい")
    )
    phone = forms.CharField(
        label=_("連絡のつく電話番号（任意）"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("コーディネーターからの連絡は、登録のメールアドレスかこの電話番号にします。"),
    )
    message = forms.CharField(
        label=_("ひとこと・これまでの経験（任意）"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        data = super().clean()
        if not data.get("weekdays") and not data.get("times") and not data.get("availability_note"):
            raise ValidationError(_("活動できる曜日・時間帯を選ぶか、補足欄に書いてください。"))
        return data


class GroupSearchForm(forms.Form):
    field = forms.ChoiceField(label=_("活動分野"), required=False, choices=[("", _("すべて")), *Interest.choices])
    area = forms.ModelChoiceField(label=_("地域"), queryset=Area.objects.all(), required=False, empty_label=_("すべて"))
    kind = forms.ChoiceField(
        label=_("団体の種類"),
        required=False,
        choices=[
            ("", _("すべて")),
            (Organization.Kind.NPO, Organization.Kind.NPO.label),
            (Organization.Kind.VOLUNTEER, Organization.Kind.VOLUNTEER.label),
        ],
    )
    seeking = forms.BooleanField(label=_("協力を求めている団体だけ"), required=False)


class AssociationProfileForm(forms.ModelForm):
    """What an association's members keep up to date themselves; the covered 町丁目 stay with ward staff."""

    activities = forms.MultipleChoiceField(
        label=_("主な活動"), choices=AssociationActivity.Kind.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    remove_photos = forms.ModelMultipleChoiceField(
        label=_("削除する写真"),
        queryset=AssociationPhoto.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    new_photo = VerifiedImageField(
        label=_("写真を追加"),
        required=False,
        help_text=_("JPEG・PNG・WebP、5MBまで。位置情報などの撮影情報は消してから保存します。顔が写る方の了承を得てください。"),
    )
    new_photo_alt = forms.CharField(
        label=_("追加する写真の説明（読み上げ用）"),
        max_length=120,
        required=False,
        help_text=_("例：夏祭りで盆踊りをする子どもたち"),
    )

    class Meta:
        model = AssociationProfile
        fields = ["meeting_place", "meeting_note", "how_to_join", "fee_text", "households"]
        widgets = {"how_to_join": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        profile = self.instance
        organization_id = profile.organization_id
        # The association's own places, plus the one staff may have chosen before.
        places = Place.objects.filter(organization_id=organization_id)
        if profile.meeting_place_id:
            places = places | Place.objects.filter(pk=profile.meeting_place_id)
        self.fields["meeting_place"].queryset = places.order_by("name_kana", "name", "pk")
        self.fields["meeting_place"].empty_label = _("（選ばない）")
        self.fields["meeting_place"].help_text = _("団体の「場所」に登録した場所から選べます。")
        self.order_fields(["activities", "meeting_place", "meeting_note", "how_to_join", "fee_text", "households"])
        if profile.pk:
            self.fields["activities"].initial = [a.kind for a in profile.activities.all()]
            photos = profile.photos.all()
            self.fields["remove_photos"].queryset = photos
            self.fields["remove_photos"].label_from_instance = lambda photo: photo.alt_text
            self.photo_count = len(photos)
        else:
            del self.fields["remove_photos"]
            self.photo_count = 0

    def clean(self):
        data = super().clean()
        photo = data.get("new_photo")
        if photo and not (data.get("new_photo_alt") or "").strip():
            self.add_error("new_photo_alt", _("写真の内容を短く書いてください。目の不自由な方に読み上げられます。"))
        if photo:
            remaining = self.photo_count - len(data.get("remove_photos") or [])
            if remaining >= MAX_ASSOCIATION_PHOTOS:
                self.add_error(
                    "new_photo",
                    _("写真は%(n)d枚までです。追加する前に、削除する写真を選んでください。") % {"n": MAX_ASSOCIATION_PHOTOS},
                )
        return data
