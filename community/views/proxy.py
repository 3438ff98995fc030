"""代理申込: ward staff sign up a resident who has no e-mail (name and phone), e.g. after a phone call."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from community.forms.errors import add_service_errors
from community.forms.sessions import ProxySignUpForm
from community.models import Session, SignUp
from community.services.signups import signup_create


@staff_member_required
@permission_required("community.add_signup", raise_exception=True)
def proxy_signup(request, pk):
    session = get_object_or_404(Session.objects.with_listing(), pk=pk)
    form = ProxySignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            signup = signup_create(session=session, proxy_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if signup.status == SignUp.Status.CONFIRMED:
                messages.success(request, _("%(name)s さんの申込を受け付けました（参加確定）。") % {"name": signup.name})
            else:
                messages.warning(request, _("定員に達しているため、%(name)s さんをキャンセル待ちで受け付けました。") % {"name": signup.name})
            return redirect("admin:community_session_change", session.pk)
    context = {"session": session, "listing": session.listing, "form": form, "seats_left": session.seats_left()}
    return render(request, "community/proxy_signup.html", context, status=400 if form.errors else 200)
