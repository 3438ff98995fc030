"""Admin 「最近の変更」: what organizations changed lately, with a diff, and one click to revert or unpublish."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from community.changes import history_record, recent_changes, tracked_models
from community.models import RecentChange
from community.services import moderation


@admin.register(RecentChange)
class RecentChangeAdmin(admin.ModelAdmin):
    """Not a table of its own: the changelist shows the history rows of organizations, places and listings."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("", wrap(self.changelist_view), name="community_recentchange_changelist"),
            path("<str:source>/<int:history_id>/revert/", wrap(self.revert_view), name="community_recentchange_revert"),
            path(
                "<str:source>/<int:history_id>/unpublish/",
                wrap(self.unpublish_view),
                name="community_recentchange_unpublish",
            ),
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        everyone = request.GET.get("who") == "all"
        source = request.GET.get("source", "")
        page, changes = recent_changes(only_organizations=not everyone, source=source, page_number=request.GET.get("p"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("最近の変更"),
            "page": page,
            "changes": changes,
            "everyone": everyone,
            "source": source,
            "sources": [(label, model._meta.verbose_name) for label, model in tracked_models().items()],
            "can_change": self.has_change_permission(request),
        }
        return TemplateResponse(request, "admin/community/recent_changes.html", context)

    def _record_or_404(self, request, source, history_id):
        if not self.has_change_permission(request):
            raise PermissionDenied
        record = history_record(source, history_id)
        if record is None:
            raise Http404
        return record

    def _back(self, request):
        return redirect(request.POST.get("next") or reverse("admin:community_recentchange_changelist"))

    def revert_view(self, request, source, history_id):
        if request.method != "POST":
            return self._back(request)
        record = self._record_or_404(request, source, history_id)
        try:
            moderation.change_revert(record=record)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, _("「%(name)s」を変更の前の版に戻しました。") % {"name": record.instance}, messages.SUCCESS)
        return self._back(request)

    def unpublish_view(self, request, source, history_id):
        if request.method != "POST":
            return self._back(request)
        record = self._record_or_404(request, source, history_id)
        obj = record.instance_type.objects.filter(pk=record.id).first()
        if obj is None or not hasattr(obj, "status"):
            raise Http404
        moderation.publishable_unpublish(obj=obj)
        self.message_user(request, _("「%(name)s」の公開を終了しました。") % {"name": obj}, messages.SUCCESS)
        return self._back(request)
