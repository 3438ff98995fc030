from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from community.admin.moderation import ModeratedAdmin
from community.models import Session
from projects.models import ConsultationBooking, ExpertConsultation


class ConsultationSlotInline(admin.TabularInline):
    """Slots for one group each: capacity 1 and sign-up required by default."""

    model = Session
    fk_name = "listing"
    extra = 1
    fields = ["starts_at", "ends_at", "place", "capacity", "signup_required", "is_cancelled"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.base_fields["capacity"].initial = 1
        formset.form.base_fields["signup_required"].initial = True
        return formset


@admin.register(ExpertConsultation)
class ExpertConsultationAdmin(ModeratedAdmin):
    list_display = ["title", "expert_name", "expertise", "organization"]
    search_fields = ["title", "expert_name"]
    raw_id_fields = ["organization", "place"]
    inlines = [ConsultationSlotInline]


@admin.register(ConsultationBooking)
class ConsultationBookingAdmin(admin.ModelAdmin):
    list_display = ["organization", "slot", "topic", "created_at"]
    list_select_related = ["organization", "signup__session__listing"]
    raw_id_fields = ["organization", "signup"]

    @admin.display(description=_("日時"))
    def slot(self, booking):
        return booking.signup.session
