"""送信メール in the admin: what was sent, what waits, what failed and why; failed mails are resent from here.

Rows are read-only (they are what went out); the only action is 再送, for staff holding resend_outboxmessage.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.text import Truncator
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.models import DBTaskResult

from community.models import OutboxMessage
from community.services.outbox import message_resend

RESEND_PERMISSION = "community.resend_outboxmessage"

# The queue's own page is English-only and shows task internals; clerks work with 送信メール instead.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    change_form_template = "admin/community/outboxmessage/change_form.html"
    list_display = ["created_at", "to", "subject", "status", "attempts", "short_error", "sent_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["to", "subject", "key"]
    date_hierarchy = "created_at"
    actions = ["resend_selected"]
    fields = [
        "status", "to", "reply_to", "subject", "body", "language", "kind", "key",
        "attempts", "last_error", "created_at", "next_attempt_at", "sent_at",
    ]
    readonly_fields = fields

    @admin.display(description=_("エラーの内容"))
    def short_error(self, obj):
        return Truncator(obj.last_error).chars(80)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_resend_permission(self, request):
        return request.user.has_perm(RESEND_PERMISSION)

    @admin.action(description=_("選んだメールを再送する"), permissions=["resend"])
    def resend_selected(self, request, queryset):
        resent = sum(message_resend(message=message) for message in queryset)
        self.message_user(
            request, ngettext("%(n)d通のメールを再送の列に入れました。", "%(n)d通のメールを再送の列に入れました。", resent) % {"n": resent},
            messages.SUCCESS,
        )

    def get_urls(self):
        return [
            path("<int:pk>/resend/", self.admin_site.admin_view(self.resend_view), name="community_outboxmessage_resend"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "can_resend": self.has_resend_permission(request)}
        return super().change_view(request, object_id, form_url, extra_context)

    def resend_view(self, request, pk):
        if not self.has_resend_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        message = get_object_or_404(OutboxMessage, pk=pk)
        if message_resend(message=message):
            messages.success(request, _t("「%(subject)s」を再送の列に入れました。") % {"subject": message.subject})
        else:
            messages.info(request, _t("このメールはすでに送信済みです。"))
        return redirect("admin:community_outboxmessage_change", message.pk)
