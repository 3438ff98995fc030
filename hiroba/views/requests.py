from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from hiroba import ratelimit, services
from hiroba.forms import ConsultationRequestForm
from hiroba.models import ConsultationDesk

SESSION_KEY = "hiroba_last_reference"


def _main_desk():
    return ConsultationDesk.objects.active().filter(is_main_contact=True).first()


def request_create(request):
    """相談受付: no account needed; anonymous allowed; a honeypot and a per-address limit keep robots out."""
    form = ConsultationRequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_spam:
            form.add_error(None, _("送信できませんでした。お手数ですが、お電話でご相談ください。"))
        elif not ratelimit.request_allowed(request):
            status = 429
            form.add_error(
                None, _("短い時間にたくさん送信されたため、受け付けを一時止めています。時間をおいてもう一度お送りいただくか、お電話でご相談ください。")
            )
        elif form.is_valid():
            data = form.cleaned_data
            consultation = services.consultation_create(
                topic=data["topic"], message=data["message"], contact_method=data.get("contact_method") or "none",
                language=data["language"], preferred_time=data["preferred_time"], area=data["area"],
                is_anonymous=data["is_anonymous"], name=data["name"], phone=data["phone"], email=data["email"],
            )
            ratelimit.request_record(request)
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
