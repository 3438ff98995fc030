"""Forms of the application steps, the report and staff review. Draft fields are optional until submission."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from community.uploads import VerifiedDocumentField, VerifiedImageField
from projects.models import Application, BudgetLine, Score

LATER = _("下書きのうちは空欄のまま保存できます。提出の前に入力してください。")


class YenField(forms.IntegerField):
    """Whole yen: accepts 「12,000」「１２０００円」; refuses decimals and negatives with a clear message."""

    default_error_messages = {
        "invalid": _("金額は円単位の整数で入力してください（小数や記号は使えません）。"),
        "min_value": _("金額は0円以上で入力してください。"),
        "max_value": _("金額が大きすぎます。"),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 100_000_000)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = unicodedata.normalize("NFKC", value).replace(",", "").replace("円", "").strip()
            if value.startswith("−") or value.startswith("ー"):
                value = "-" + value[1:]
        return super().to_python(value)


class BasicStepForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["title", "category", "stage"]
        help_texts = {"title": LATER}

    def __init__(self, *args, call, allowed_stages, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        self.fields["category"].queryset = call.categories.all()
        self.fields["category"].empty_label = _("選んでください")
        self.fields["stage"].queryset = call.stages.filter(pk__in=[stage.pk for stage in allowed_stages])
        self.fields["stage"].empty_label = _("選んでください")


class PlanStepForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["purpose", "plan", "schedule"]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in fields}
        help_texts = {
            "purpose": _("地域のどんな課題に取り組むのか、誰のための事業かを書いてください。"),
            "plan": _("何を、どこで、どのくらいの頻度で行うかを書いてください。"),
            "schedule": _("例: 6月 準備、7月〜2月 月1回開催、3月 振り返り"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class BudgetLineForm(forms.Form):
    kind = forms.ChoiceField(label=_("収入・支出"), choices=BudgetLine.Kind.choices, initial=BudgetLine.Kind.EXPENSE)
    item = forms.CharField(label=_("項目"), max_length=80, error_messages={"required": _("項目を入力してください。")})
    amount = YenField(label=_("金額（円）"), error_messages={"required": _("金額を入力してください。")})
    note = forms.CharField(label=_("内訳・備考"), max_length=200, required=False)


BudgetLineFormSet = forms.formset_factory(BudgetLineForm, extra=3, max_num=40, validate_max=True)


class RequestedAmountForm(forms.Form):
    requested_amount = YenField(label=_("助成申請額（円）"), required=False, help_text=LATER)


class AttachmentForm(forms.Form):
    title = forms.CharField(
        label=_("資料の名前"), max_length=100, error_messages={"required": _("資料の名前を入力してください。")},
        help_text=_("例: 団体の規約、チラシの案、見積書"),
    )
    file = VerifiedDocumentField(
        label=_("ファイル"),
        help_text=_("PDFまたは画像（JPEG・PNG・WebP）、1ファイル10MBまで。内容を確認して受け付けます。"),
        error_messages={"required": _("ファイルを選んでください。")},
    )


class MemberForm(forms.Form):
    name = forms.CharField(label=_("氏名"), max_length=60, error_messages={"required": _("氏名を入力してください。")})
    role = forms.CharField(
        label=_("役割"), max_length=60, error_messages={"required": _("役割を入力してください。")},
    )


MemberFormSet = forms.formset_factory(MemberForm, extra=2, max_num=30, validate_max=True)


class ReportForm(forms.Form):
    results = forms.CharField(label=_("活動の成果"), widget=forms.Textarea(attrs={"rows": 6}), required=False)
    participants = forms.IntegerField(
        label=_("延べ参加者数（人）"), min_value=0, required=False,
        error_messages={"min_value": _("0人以上で入力してください。"), "invalid": _("人数は数字で入力してください。")},
    )
    next_steps = forms.CharField(label=_("今後の展開"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class ReportPhotoForm(forms.Form):
    image = VerifiedImageField(label=_("活動写真"), help_text=_("JPEG・PNG・WebP、5MBまで。位置情報などは自動で取り除きます。"))
    caption = forms.CharField(
        label=_("写真の説明"), max_length=120, error_messages={"required": _("写真の説明を入力してください。")}
    )


class ConsultationBookingForm(forms.Form):
    topic = forms.CharField(
        label=_("相談したいこと"), max_length=200,
        error_messages={"required": _("相談したいことを入力してください。")},
        help_text=_("例: 会計の付け方、助成終了後の資金づくり"),
    )


class ScoreForm(forms.ModelForm):
    class Meta:
        model = Score
        fields = ["need_points", "feasibility_points", "impact_points", "sustainability_points", "budget_points",
                  "comment"]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("決定"),
        choices=[(value, label) for value, label in Application.Status.choices if value in Application.DECISIONS],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("理由（条件付き採択の場合は条件）"), widget=forms.Textarea(attrs={"rows": 4}))
    granted_amount = YenField(label=_("助成決定額（円）"), required=False, help_text=_("不採択の場合は空欄"))

