"""自分のデータ: a resident sees, downloads and deletes what the portal holds about them."""

import json

from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from community.personal_data import (
    account_erase,
    account_erase_refusals,
    erase_promises,
    personal_data_export,
    personal_data_summary,
)


class AccountDeleteForm(forms.Form):
    password = forms.CharField(
        label=_("パスワード"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("本人であることの確認のため、ログインに使っているパスワードを入力してください。"),
        error_messages={"required": _("パスワードを入力してください。")},
    )


@login_required
@never_cache
def personal_data(request):
    """What the portal holds about me, section by section, with the download and the way to delete."""
    sections = personal_data_summary(user=request.user, limit=settings.PAGE_SIZE)
    return render(request, "community/personal_data_index.html", {"sections": sections, "limit": settings.PAGE_SIZE})


@login_required
@never_cache
def personal_data_download(request):
    """All of it as one JSON file (UTF-8, readable Japanese, not escaped)."""
    data = personal_data_export(user=request.user)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"nerima-portal-my-data-{timezone.localdate():%Y%m%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@never_cache
def account_delete(request):
    """Confirm with the password, then erase everything in one transaction and log out."""
    refusals = account_erase_refusals(user=request.user)
    form = AccountDeleteForm(request.POST or None)
    if request.method == "POST" and not refusals and form.is_valid():
        try:
            account_erase(user=request.user, password=form.cleaned_data["password"])
        except ValidationError as error:
            form.add_error(None, error)  # a wrong password lands next to the password field
        else:
            logout(request)
            return redirect("community:account_deleted")
    context = {"form": form, "refusals": refusals, **erase_promises()}
    status = 400 if request.method == "POST" else 200
    return render(request, "community/personal_data_delete.html", context, status=status)


def account_deleted(request):
    return render(request, "community/personal_data_deleted.html")
