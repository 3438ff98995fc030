from django import forms
from django.utils.translation import gettext_lazy as _

from community.addresses import find_chome
from community.models import Chome, Invitation, Listing, Membership, Organization, Place
from community.readings import ReadingField
from community.uploads import VerifiedImageField


class SignUpForm(forms.Form):
    party_size = forms.IntegerField(
        label=_("参加する人数"),
        min_value=1,
        max_value=10,
        initial=1,
        help_text=_("お子さんと一緒に参加する場合は、合計の人数を入力してください。"),
        error_messages={
            "required": _("参加する人数を入力してください。"),
            "min_value": _("人数は1人以上で入力してください。"),
            "max_value": _("一度に申し込めるのは10人までです。"),
            "invalid": _("人数は半角数字で入力してください。"),
        },
    )
    note = forms.CharField(label=_("連絡事項（任意）"), max_length=200, required=False)


# --- マイ団体: organization profile, listings, places, members --------------------------------


class OrganizationForm(forms.ModelForm):
    """Apply to register an organization, or edit its public profile."""

    logo = VerifiedImageField(
        label=_("ロゴ"), required=False, help_text=_("JPEG・PNG・WebP、5MBまで。位置情報などの撮影情報は消して保存します。")
    )
    website = forms.URLField(label=_("ウェブサイト"), required=False, assume_scheme="https", max_length=200)
    phone_is_public_number = forms.BooleanField(
        label=_("この電話番号は団体の代表番号です（個人の番号を載せる場合は、その方が公開に同意しています）"),
        required=False,
    )

    class Meta:
        field_classes = {"name_kana": ReadingField}
        model = Organization
        fields = [
            "kind", "name", "name_kana", "description", "area", "address",
            "contact_phone", "contact_email", "website", "logo",
        ]
        help_texts = {
            "name_kana": _("ひらがなで入力してください。五十音順の並べ替えに使います。"),
            "contact_phone": _(
                "ホームページに公開されます。団体の代表番号を入力し、個人の携帯電話などは載せないでください。"
            ),
            "contact_email": _("ホームページに公開されます。団体の共用アドレスをおすすめします。"),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].empty_label = _("（選んでください）")
        self.fields["kind"].choices = [("", _("（選んでください）")), *Organization.Kind.choices]
        # Someone who already confirmed the number need not tick the box again for an unchanged number.
        if self.instance.pk and self.instance.contact_phone:
            self.fields["phone_is_public_number"].initial = True

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact_phone") and not cleaned.get("phone_is_public_number"):
            self.add_error(
                "phone_is_public_number",
                _("電話番号を公開するときは、団体の代表番号であること（または本人の同意があること）を確認してください。"),
            )
        return cleaned


class ListingForm(forms.ModelForm):
    """The fields every listing shares; apps with richer listings have their own forms."""

    photo = VerifiedImageField(label=_("写真"), required=False, help_text=_("JPEG・PNG・WebP、5MBまで。"))

    class Meta:
        field_classes = {"title_kana": ReadingField}
        model = Listing
        fields = ["title", "title_kana", "summary", "description", "place", "audience", "fee_text", "contact_text", "photo"]
        help_texts = {
            "title_kana": _("ひらがなで入力してください。"),
            "contact_text": _("公開されます。個人の電話番号は載せないでください。"),
            "place": _("一覧にない場所は「場所」のページで登録できます。"),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, organization: Organization, **kwargs):
        super().__init__(*args, **kwargs)
        # Places this organization registered, plus the one already chosen (it may belong to someone else).
        places = Place.objects.filter(organization=organization)
        if self.instance.place_id:
            places = places | Place.objects.filter(pk=self.instance.place_id)
        self.fields["place"].queryset = places.order_by("name_kana", "name")
        self.fields["place"].empty_label = _("（決まっていない・毎回ちがう）")


class ChomeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj}（{obj.town.area}）"


class PlaceForm(forms.ModelForm):
    """A place: the 町丁目 is read from the address unless chosen explicitly."""

    chome = ChomeChoiceField(
        label=_("町丁目"),
        queryset=Chome.objects.with_town(),
        required=False,
        empty_label=_("（住所から自動で判定する）"),
        help_text=_("空欄のままなら住所から判定します。判定できないときは選んでください。"),
    )
    photo = VerifiedImageField(label=_("写真"), required=False, help_text=_("JPEG・PNG・WebP、5MBまで。"))

    class Meta:
        field_classes = {"name_kana": ReadingField}
        model = Place
        fields = [
            "name", "name_kana", "address", "building", "chome", "nearest_station", "walk_minutes",
            "wheelchair_accessible", "has_elevator", "has_accessible_toilet", "barrier_free_note", "photo",
        ]
        help_texts = {
            "address": _("例：練馬区豊玉北6-12-1"),
            "nearest_station": _("「駅」は付けずに入力してください（例：練馬）。"),
        }
        widgets = {"barrier_free_note": forms.Textarea(attrs={"rows": 3})}

    BARRIER_FREE_FIELDS = ("wheelchair_accessible", "has_elevator", "has_accessible_toilet", "barrier_free_note")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["walk_minutes"].widget.attrs.update(min=0, max=120)

    def main_fields(self):
        return [self[name] for name in self.fields if name not in (*self.BARRIER_FREE_FIELDS, "photo")]

    def barrier_free_fields(self):
        return [self[name] for name in self.BARRIER_FREE_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("chome") and cleaned.get("address"):
            found = find_chome(cleaned["address"])
            if found is None:
                self.add_error(
                    "chome", _("住所から町丁目を判定できませんでした。一覧から町丁目を選んでください。")
                )
            else:
                cleaned["chome"] = found
        return cleaned


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "role"]
        widgets = {"role": forms.RadioSelect}
        help_texts = {"role": _("代表者はメンバーの招待と削除もできます。編集者は掲載・場所・開催回を編集できます。")}


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("役割"), choices=Membership.Role.choices)
