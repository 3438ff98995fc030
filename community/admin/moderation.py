"""Admin base for anything that staff approve: actions 承認して公開 / 差戻し (with a reason) / 公開を終了.

Every app's Listing subclass admin inherits ModeratedAdmin, so moderation works the same everywhere.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from community.services import moderation


class ModerationActionForm(ActionForm):
    review_note = forms.CharField(label=_("差戻しの理由"), required=False)


@admin.action(description=_("承認して公開する"))
def approve(modeladmin, request, queryset):
    approved = 0
    for obj in queryset:
        try:
            moderation.publishable_approve(obj=obj)
        except ValidationError as error:
            modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            approved += 1
    if approved:
        modeladmin.message_user(request, _("%(n)d件を公開しました。") % {"n": approved}, messages.SUCCESS)


@admin.action(description=_("差戻す（理由を入力）"))
def send_back(modeladmin, request, queryset):
    reason = request.POST.get("review_note", "")
    try:
        for obj in queryset:
            moderation.publishable_return(obj=obj, reason=reason)
    except ValidationError:
        modeladmin.message_user(request, _("差戻しの理由を入力してください。"), messages.ERROR)
        return
    modeladmin.message_user(request, _("差戻しました。"), messages.SUCCESS)


@admin.action(description=_("公開を終了する"))
def unpublish(modeladmin, request, queryset):
    for obj in queryset:
        moderation.publishable_unpublish(obj=obj)
    modeladmin.message_user(request, _("公開を終了しました。"), messages.SUCCESS)


class ModeratedAdmin(SimpleHistoryAdmin):
    action_form = ModerationActionForm
    actions = [approve, send_back, unpublish]
    list_filter: tuple | list = ("status",)
