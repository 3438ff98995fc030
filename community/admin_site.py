"""The portal's admin site: it opens only to active staff who passed the second factor, and signs in through allauth.

Django's own admin login form is never shown: /admin/login/ sends a visitor to allauth's login (with its rate
limits), a staff account without a second step to it, and a signed-in account that is not staff gets 403.
"""

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from community.staff_sign_in import two_factor_passed, two_factor_url


class PortalAdminSite(admin.AdminSite):
    site_header = _("ねりま地域福祉ポータル 管理画面")
    site_title = _("ねりま地域福祉ポータル 管理")
    index_title = _("管理メニュー")

    def has_permission(self, request):
        return super().has_permission(request) and two_factor_passed(request)

    def login(self, request, extra_context=None):
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = ""
        next_url = next_url or reverse("admin:index", current_app=self.name)
        user = request.user
        if not user.is_authenticated:
            return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
        if not (user.is_active and user.is_staff):
            raise PermissionDenied
        if not two_factor_passed(request):
            return redirect(two_factor_url(request, next_url))
        return redirect(next_url)
