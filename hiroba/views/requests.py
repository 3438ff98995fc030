from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from hiroba.forms.carry_over import request_initial
from hiroba.forms.consultations import ConsultationRequestForm
from hiroba.models import ConsultationDesk
from hiroba.services import consultations as services

SESSION_KEY = "hiroba_last_reference"
# Requests per client address, counted in the shared cache (Redis) so every app server sees one count.
REQUEST_RATE = "5/h"


def _over_limit(request, *, count: bool) -> bool:
    """Peek (count=False) or count this request (count=True, atomic in the cache) against the address's limit."""
    return is_ratelimited(
        request, group="hiroba.request_create", key="ip", method="POST",
        rate=getattr(settings, "HIROBA_REQUEST_RATE", REQUEST_RATE), increment=count,
    )


def _main_desk():
    return ConsultationDesk.objects.active().filter(is_main_contact=True).first()


def _refuse_too_many(form) -> int:
    form.add_error(
        None, _("短い時間にたくさん送信されたため、受け付けを一時止めています。時間をおいてもう一度お送りいただくか、お電話でご相談ください。")
    )
    return 429


def request_create(request):
    """相談受付: no account needed; anonymous allowed; a honeypot and a per-address limit keep robots out."""
    # Coming from 相談先さがし: the topic, area and address already given fill the form in.
    form = ConsultationRequestForm(request.POST or None, initial=request_initial(request.GET))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_spam():
            form.add_error(None, _("送信できませんでした。お手数ですが、お電話でご相談ください。"))
        elif _over_limit(request, count=False):
            status = _refuse_too_many(form)
        elif form.is_valid():
            # Only complete requests count, so a resident correcting the form is never locked out.
            if _over_limit(request, count=True):
                status = _refuse_too_many(form)
            else:
                data = form.cleaned_data
                consultation = services.consultation_create(
                    topic=data["topic"], message=data["message"], contact_method=data.get("contact_method") or "none",
                    language=data["language"], preferred_time=data["preferred_time"], area=data["area"],
                    is_anonymous=data["is_anonymous"], name=data["name"], phone=data["phone"], email=data["email"],
                )
                request.session[SESSION_KEY] = {
                    "reference": consultation.reference, "anonymous": consultation.is_anonymous,
                    "mailed": bool(consultation.email), "pk": consultation.pk,
                }
                return redirect("hiroba:request_done")
    return render(request, "hiroba/request_form.html", {"form": form, "main_desk": _main_desk()}, status=status)


def request_done(request):
    """Shows the reference code once, with where to call."""
    sent = request.session.get(SESSION_KEY)
    if not sent:
        return redirect("hiroba:request_create")
    return render(request, "hiroba/request_done.html", {"sent": sent, "main_desk": _main_desk()})
