from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from community.forms.errors import add_service_errors
from community.forms.profiles import ProfileForm
from community.services.profiles import profile_update

ONE_YEAR = 365 * 24 * 60 * 60


@login_required
def profile_edit(request):
    """プロフィール: name, reading, home 町丁目, languages, interests and the display language."""
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                profile_update(user=user, **form.service_arguments())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                # The confirmation is written in the language the resident just chose.
                with translation.override(user.preferred_language):
                    messages.success(request, _("プロフィールを保存しました。"))
                response = redirect("community:profile_edit")
                response.set_cookie(
                    settings.LANGUAGE_COOKIE_NAME, user.preferred_language,
                    max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure(),
                )
                return response
        return render(request, "community/profile_edit.html", {"form": form}, status=400)
    form = ProfileForm(initial=ProfileForm.initial_for(user))
    return render(request, "community/profile_edit.html", {"form": form})
