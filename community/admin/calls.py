"""電話連絡リスト in the admin: staff phone people without e-mail and tick them off, like the organizers do."""

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from community.admin.access import RoleAwareAdmin
from community.models import PhoneCall
from community.services.calls import phone_call_done
from community.templatetags.portal import tel


class DoneFilter(admin.SimpleListFilter):
    title = _("電話したか")
    parameter_name = "done"

    def lookups(self, request, model_admin):
        return [("no", _("まだ")), ("yes", _("電話した"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.open()
        if self.value() == "yes":
            return queryset.filter(done_at__isnull=False)
        return queryset


@admin.register(PhoneCall)
class PhoneCallAdmin(RoleAwareAdmin):
    list_display = ["created_at", "person", "phone", "session", "organization", "reason", "detail", "done_at"]
    list_filter = [DoneFilter, "reason"]
    search_fields = ["signup__name", "signup__phone", "signup__session__listing__title"]
    list_select_related = ["signup__session__listing__organization"]
    fields = ["signup", "reason", "detail", "created_at", "done_at", "done_by"]
    readonly_fields = fields
    actions = ["mark_done"]

    @admin.display(description=_("お名前"), ordering="signup__name")
    def person(self, obj):
        return obj.signup.name

    @admin.display(description=_("電話番号"))
    def phone(self, obj):
        if not obj.signup.phone:
            return "—"
        return format_html('<a href="tel:{}">{}</a>', tel(obj.signup.phone), obj.signup.phone)

    @admin.display(description=_("開催回"))
    def session(self, obj):
        return obj.signup.session

    @admin.display(description=_("団体"))
    def organization(self, obj):
        return obj.signup.session.listing.organization

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("選んだ方に電話したことにする"), permissions=["change"])
    def mark_done(self, request, queryset):
        for call in queryset:
            phone_call_done(call=call, by=request.user)
        n = queryset.count()
        self.message_user(
            request, ngettext("%(n)d件を「電話した」にしました。", "%(n)d件を「電話した」にしました。", n) % {"n": n}, messages.SUCCESS
        )
