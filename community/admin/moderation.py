"""Admin base for anything that staff approve: actions 承認して公開 / 差戻し (with a reason) / 公開を終了.

Every app's Listing subclass admin inherits ModeratedAdmin, so moderation works the same everywhere.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from community.admin.access import RoleAwareAdmin
from community.services import moderation


class ModerationActionForm(ActionForm):
    review_note = forms.CharField(label=_("差戻しの理由"), required=False)


def act_on_each(modeladmin, request, queryset, act, done_message) -> None:
    """Run `act(obj)` on every selected row: a refusal is shown and the others go on; then say how many were done."""
    done = 0
    for obj in queryset:
        try:
            act(obj)
        except ValidationError as error:
            modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, done_message % {"n": done}, messages.SUCCESS)


@admin.action(description=_("承認して公開する"), permissions=["change"])
def approve(modeladmin, request, queryset):
    act_on_each(modeladmin, request, queryset, lambda obj: moderation.publishable_approve(obj=obj),
                _("%(n)d件を公開しました。"))


@admin.action(description=_("差戻す（理由を入力）"), permissions=["change"])
def send_back(modeladmin, request, queryset):
    reason = request.POST.get("review_note", "")
    try:
        for obj in queryset:
            moderation.publishable_return(obj=obj, reason=reason)
    except ValidationError:
        modeladmin.message_user(request, _("差戻しの理由を入力してください。"), messages.ERROR)
        return
    modeladmin.message_user(request, _("差戻しました。"), messages.SUCCESS)


@admin.action(description=_("公開を終了する"), permissions=["change"])
def unpublish(modeladmin, request, queryset):
    for obj in queryset:
        moderation.publishable_unpublish(obj=obj)
    modeladmin.message_user(request, _("公開を終了しました。"), messages.SUCCESS)


class ModeratedAdmin(RoleAwareAdmin, SimpleHistoryAdmin):
    action_form = ModerationActionForm
    actions = [approve, send_back, unpublish]
    list_filter: tuple | list = ("status",)

    def get_inlines(self, request, obj):
        """Every listing kind and every organization gets its translation boxes, whatever app it belongs to."""
        from community.admin.translations import ListingTranslationInline, OrganizationTranslationInline
        from community.models import Listing, Organization

        inlines = list(super().get_inlines(request, obj))
        if issubclass(self.model, Listing) and ListingTranslationInline not in inlines:
            inlines.append(ListingTranslationInline)
        elif issubclass(self.model, Organization) and OrganizationTranslationInline not in inlines:
            inlines.append(OrganizationTranslationInline)
        return inlines
