"""The 架空 column and filter for admins of models the demo invents rows of (read from DemoFiction)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from community.models.demo import fiction_exists


class FictionListFilter(admin.SimpleListFilter):
    title = _("架空のデータ")
    parameter_name = "fiction"

    def lookups(self, request, model_admin):
        return [("yes", _("架空のデモデータ")), ("no", _("架空ではないデータ"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(is_fictional=True)
        if self.value() == "no":
            return queryset.filter(is_fictional=False)
        return queryset


class FictionAdminMixin:
    """Put `"fiction"` in list_display and FictionListFilter in list_filter; the rows arrive annotated."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(is_fictional=fiction_exists(self.model))

    @admin.display(description=_("架空"), boolean=True, ordering="is_fictional")
    def fiction(self, obj) -> bool:
        return obj.is_fictional
