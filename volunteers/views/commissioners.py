"""民生・児童委員: the public explanation, the address → district finder and the contact form to ward staff.

No view here reads Commissioner: names and phones stay in the admin.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from community.forms.errors import add_service_errors
from volunteers import queries, recipients
from volunteers.forms.associations import AddressLookupForm, CommissionerContactForm
from volunteers.models import CommissionerContact, CommissionerDistrict
from volunteers.services import associations as services


def commissioners(request):
    """Who they are, what they do, and which district covers the reader's address."""
    form = AddressLookupForm(request.GET or None)
    chome = district = None
    if form.is_bound and form.is_valid():
        chome = form.cleaned_data["chome"]
        district = queries.district_for_chome(chome)
    return render(
        request, "volunteers/commissioner_index.html", {"form": form, "chome": chome, "district": district}
    )


@require_http_methods(["GET", "POST"])
def commissioner_contact(request):
    """A message to the district's commissioner, received by ward staff (stored, seen in the admin)."""
    if request.method == "POST":
        form = CommissionerContactForm(request.POST)
        if form.is_spam():
            return redirect("volunteers:commissioner_contact_sent")
        if form.is_valid():
            data = form.cleaned_data
            try:
                contact = services.commissioner_contact_create(
                    district=data["district"],
                    address=data["address"],
                    name=data["name"],
                    phone=data["phone"],
                    email=data["email"],
                    message=data["message"],
                    user=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                # Only this browser sees the receipt of this message.
                request.session[SENT_CONTACT_KEY] = contact.pk
                return redirect("volunteers:commissioner_contact_sent")
        status = 400
    else:
        district = CommissionerDistrict.objects.filter(pk=request.GET.get("district") or 0).first()
        form = CommissionerContactForm(initial={"district": district, "address": request.GET.get("address", "")})
        status = 200
    return render(request, "volunteers/commissioner_contact.html", {"form": form}, status=status)


SENT_CONTACT_KEY = "volunteers:sent_commissioner_contact"


def commissioner_contact_sent(request):
    contact = (
        CommissionerContact.objects.select_related("district__area")
        .filter(pk=request.session.get(SENT_CONTACT_KEY, 0))
        .first()
    )
    receipt = recipients.commissioner_contact_receipt(contact) if contact else None
    return render(
        request,
        "volunteers/commissioner_contact_sent.html",
        {"receipt": receipt, "receipt_mailed": bool(contact and contact.email)},
    )
