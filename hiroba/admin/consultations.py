"""The consultation admin: the list shows no content, content only for those entitled, every look logged."""


from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.admin.access import SELF_EDIT_REFUSED, RoleAwareAdmin
from community.admin.readonly import ReadOnlyAdminMixin
from community.exports import csv_response
from hiroba.models import (
    ConsultationAccessLog,
    ConsultationNote,
    ConsultationRequest,
    ConsultationTeam,
    RetentionSetting,
)
from hiroba.models.consultations import CONTENT_PERMISSION
from hiroba.services import consultations as services

Action = ConsultationAccessLog.Action
SUMMARY_FIELDS = ["reference", "topic", "language", "area", "received_at", "closed_at", "anonymized_at"]
CONTENT_FIELDS = ["is_anonymous", "message", "contact_method", "preferred_time", "name", "phone", "email",
                  "consented_at"]
TRIAGE_FIELDS = ["status", "assigned_team", "assigned_plaza", "assigned_to"]


def _ip(request):
    return request.META.get("REMOTE_ADDR") or None


class AssignedToMeFilter(admin.SimpleListFilter):
    title = _("担当")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("1", _("自分またはチームの担当"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(Q(assigned_to=request.user) | Q(assigned_team__members=request.user)).distinct()
        return queryset


class ConsultationNoteInline(admin.TabularInline):
    model = ConsultationNote
    extra = 1
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False  # notes are added, never rewritten

    def has_add_permission(self, request, obj=None):
        return obj is not None and obj.content_visible_to(request.user)


@admin.action(description=_("選んだ相談をCSVで出力する（出力は記録されます）"), permissions=["export"])
def export_csv(modeladmin, request, queryset):
    queryset = queryset.select_related("area", "assigned_team", "assigned_to")
    visible = set(queryset.content_visible_to(request.user).values_list("pk", flat=True))
    labels = [ConsultationRequest._meta.get_field(name).verbose_name for name in
              ["reference", "topic", "status", "received_at", "closed_at", "language", "area", *CONTENT_FIELDS[1:-1]]]
    rows = []
    hidden = str(_("（閲覧権限なし）"))
    logs = []
    for consultation in queryset:
        content = (
            [consultation.message, consultation.get_contact_method_display(), consultation.preferred_time,
             consultation.name, consultation.phone, consultation.email]
            if consultation.pk in visible else [hidden] * 6
        )
        rows.append([
            consultation.reference, consultation.get_topic_display(), consultation.get_status_display(),
            timezone.localtime(consultation.received_at).strftime("%Y-%m-%d %H:%M"),
            timezone.localtime(consultation.closed_at).strftime("%Y-%m-%d %H:%M") if consultation.closed_at else "",
            consultation.language, consultation.area.name if consultation.area else "", *content,
        ])
        logs.append(ConsultationAccessLog(
            consultation=consultation, reference=consultation.reference, user=request.user,
            user_label=f"{request.user.get_full_name()} <{request.user.email}>", action=Action.EXPORT,
            ip_address=_ip(request),
        ))
    ConsultationAccessLog.objects.bulk_create(logs)
    # What residents wrote goes out as text, never as a formula (the shared writer; BOM for Excel).
    return csv_response(f"consultations-{timezone.localdate():%Y%m%d}.csv", labels, rows)


@admin.register(ConsultationRequest)
class ConsultationRequestAdmin(RoleAwareAdmin):
    """Content and contact fields are `in_scope` in hiroba/roles.py: shown only on requests the user may read."""

    # The list never shows what was written: reference, topic, status and dates only.
    list_display = ["reference", "topic", "status", "received_at", "closed_at"]
    list_filter = ["status", "topic", AssignedToMeFilter]
    # The box finds a reference; what people wrote is searched only among the requests the user may read (logged).
    search_fields = ["=reference"]
    search_help_text = _("受付番号、または担当している相談の内容・お名前・電話番号・メールアドレスでさがせます（記録されます）。")
    date_hierarchy = "received_at"
    actions = [export_csv]
    inlines = [ConsultationNoteInline]
    fields = [*SUMMARY_FIELDS, *CONTENT_FIELDS, *TRIAGE_FIELDS]
    readonly_fields = [*SUMMARY_FIELDS, *CONTENT_FIELDS]

    def has_add_permission(self, request):
        return False  # requests come from the public form

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(CONTENT_PERMISSION) and super().has_delete_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        if obj is not None and not obj.content_visible_to(request.user):
            return False  # a summary to look at, nothing to steer
        return super().has_change_permission(request, obj)

    def in_scope_visible(self, request, obj) -> bool:
        return obj.content_visible_to(request.user)

    def _visible(self, request, obj) -> bool:
        return obj is not None and obj.content_visible_to(request.user)

    def get_inlines(self, request, obj):
        return [ConsultationNoteInline] if self._visible(request, obj) else []

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        matched = services.consultation_search_content(
            user=request.user, queryset=queryset, term=term, ip_address=_ip(request)
        )
        return queryset.filter(Q(reference__iexact=term) | Q(pk__in=matched)), False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        visible = self._visible(request, obj)
        if obj is not None and request.method == "GET":
            services.consultation_log_access(
                user=request.user, consultation=obj, action=Action.VIEW if visible else Action.VIEW_SUMMARY,
                ip_address=_ip(request),
            )
        extra = {"content_hidden": obj is not None and not visible, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context=extra)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if not self._visible(request, obj):
            raise PermissionDenied
        services.consultation_log_access(user=request.user, consultation=obj, action=Action.HISTORY,
                                         ip_address=_ip(request))
        return super().history_view(request, object_id, extra_context)

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            services.consultation_set_status(consultation=obj, status=obj.status)
        obj.full_clean()
        super().save_model(request, obj, form, change)
        team_changed, person_changed = "assigned_team" in form.changed_data, "assigned_to" in form.changed_data
        if team_changed or person_changed:
            services.consultation_assign(consultation=obj, team_changed=team_changed, person_changed=person_changed)
        services.consultation_log_access(user=request.user, consultation=obj, action=Action.CHANGE,
                                         ip_address=_ip(request))

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            note.author = note.author or request.user
            note.save()

    def delete_model(self, request, obj):
        services.consultation_log_access(user=request.user, consultation=None, reference=obj.reference,
                                         action=Action.DELETE, ip_address=_ip(request))
        super().delete_model(request, obj)

    def render_change_form(self, request, context, *args, **kwargs):
        if context.get("content_hidden"):
            self.message_user(
                request, _("この相談の内容と連絡先は、担当の職員と権限のある区職員だけが見られます。"), messages.INFO
            )
        return super().render_change_form(request, context, *args, **kwargs)


@admin.register(ConsultationAccessLog)
class ConsultationAccessLogAdmin(ReadOnlyAdminMixin, RoleAwareAdmin):
    """Read-only, and only for 区職員 holding the content permission."""

    list_display = ["at", "reference", "action", "user_label", "ip_address"]
    list_filter = ["action"]
    search_fields = ["=reference", "user_label"]
    date_hierarchy = "at"

    def has_module_permission(self, request):
        return request.user.has_perm(CONTENT_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(CONTENT_PERMISSION)


class ConsultationTeamForm(forms.ModelForm):
    """Who is on a team decides who reads which consultations: nobody puts themselves on or takes themselves off."""

    request_user = None

    class Meta:
        model = ConsultationTeam
        fields = ["name", "description", "members"]

    def clean_members(self):
        members = set(self.cleaned_data["members"])
        before = set(self.instance.members.all()) if self.instance.pk else set()
        if self.request_user is not None and self.request_user in members ^ before:
            raise ValidationError(SELF_EDIT_REFUSED, code="oneself")
        return self.cleaned_data["members"]


@admin.register(ConsultationTeam)
class ConsultationTeamAdmin(RoleAwareAdmin):
    form = ConsultationTeamForm
    list_display = ["name", "description"]
    search_fields = ["name"]
    autocomplete_fields = ["members"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.request_user = request.user
        return form


@admin.register(RetentionSetting)
class RetentionSettingAdmin(RoleAwareAdmin):
    list_display = ["__str__", "action", "updated_at"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not RetentionSetting.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
