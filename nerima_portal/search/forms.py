"""The GET form of the search page (and the one-box forms in the header and on the home page)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from community.models import Area
from nerima_portal.search.folding import MIN_QUERY_LENGTH, query_terms
from nerima_portal.search.query import kind_choices


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("キーワード"),
        required=False,
        max_length=100,
        help_text=_("ひらがな・カタカナ、全角・半角のどちらでも見つかります。"),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "enterkeyhint": "search"}),
    )
    area = forms.ModelChoiceField(
        label=_("地域"), queryset=Area.objects.all(), to_field_name="slug", required=False, empty_label=_("すべての地域")
    )
    # Chosen through the links of the result summary; kept while the words or the area change.
    kind = forms.ChoiceField(label=_("種類"), required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", ""), *kind_choices()]

    @property
    def terms(self) -> list[str]:
        """The folded words to look for; [] when the form is invalid or the words are too short."""
        if not self.is_valid():
            return []
        return query_terms(self.cleaned_data["q"])

    @property
    def min_length(self) -> int:
        return MIN_QUERY_LENGTH
