"""Which fiscal year (and, on the public page, which area) to show."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.fiscal import FiscalYear, fiscal_years
from community.models import Area


class YearForm(forms.Form):
    year = forms.TypedChoiceField(
        label=_("年度"), coerce=int, required=False,
        error_messages={"invalid_choice": _("%(value)s年度は選べません。一覧から選んでください。")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(fy.year, fy.label) for fy in fiscal_years()]

    def fiscal_year(self) -> FiscalYear:
        """The year asked for when valid; otherwise (and with the error shown) the current one."""
        if self.is_valid() and self.cleaned_data.get("year"):
            return FiscalYear(self.cleaned_data["year"])
        return FiscalYear.current()


class PublicFilterForm(YearForm):
    area = forms.ModelChoiceField(
        label=_("地域"), queryset=Area.objects.order_by("sort_order"), to_field_name="slug", required=False,
        empty_label=_("区全体"), error_messages={"invalid_choice": _("その地域は選べません。一覧から選んでください。")},
    )

    def chosen_area(self):
        return self.cleaned_data.get("area") if self.is_valid() else None
