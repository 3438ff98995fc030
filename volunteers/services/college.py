"""College writes besides the lottery: applying, recording attendance, graduation."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.mails import absolute_url
from community.models import Session
from community.notify import receipt_send
from community.services.member_mail import members_mail
from volunteers import recipients
from volunteers.models import ClassAttendance, Cohort, CollegeApplication, CollegeCourse

Status = CollegeApplication.Status


def college_application_create(
    *, cohort: Cohort, course: CollegeCourse, user, motivation: str, availability: list[str], consent: bool
) -> CollegeApplication:
    """Apply for one field of an open cohort; one application per person per cohort."""
    if not cohort.is_intake_open:
        raise ValidationError(_("この期の申込受付期間ではありません。"))
    if CollegeApplication.objects.filter(cohort=cohort, user=user).exists():
        raise ValidationError(_("この期にはすでに申し込んでいます。申込は1人1分野までです。"))
    application = CollegeApplication(
        cohort=cohort, course=course, user=user, motivation=motivation, availability=availability, consent=consent
    )
    application.full_clean()
    try:
        with transaction.atomic():
            application.save()
            _tell_college_office(application)
    except IntegrityError:
        # A double click raced past the check above; the constraint keeps one application.
        raise ValidationError(_("この期にはすでに申し込んでいます。申込は1人1分野までです。")) from None
    return application


def _tell_college_office(application: CollegeApplication) -> None:
    """The course's organization (the College office) hears of it, else 当番の区職員; the applicant gets a receipt."""
    course = application.course
    members_mail(
        organization_id=course.organization_id,
        template="volunteers/mail/college_application_received",
        context={
            "application": application, "course": course, "cohort": course.cohort,
            "url": absolute_url(reverse("admin:volunteers_collegeapplication_change", args=[application.pk])),
        },
        key=f"college-application:{application.pk}:received",
    )
    user = application.user
    receipt_send(
        to=user.email,
        language=user.preferred_language or "ja",
        receipt=recipients.college_application_receipt(application),
        template="volunteers/mail/college_application_receipt",
        context={"application": application, "course": course, "cohort": course.cohort, "user": user},
        key=f"college-application:{application.pk}",
    )


def held_classes(course: CollegeCourse, now=None):
    """Classes of the course that have taken place (not cancelled): the denominator of the attendance rate."""
    now = now or timezone.now()
    return Session.objects.filter(listing=course, is_cancelled=False, starts_at__lte=now)


@transaction.atomic
def attendance_record(*, session: Session, present_ids: set[int], recorded_by) -> int:
    """Record who attended one class: every enrolled student gets a row, present or not. Returns how many."""
    course = CollegeCourse.objects.filter(pk=session.listing_id).first()
    if course is None:
        raise ValidationError(_("カレッジの授業ではありません。"))
    students = course.applications.filter(status=Status.ENROLLED)
    now = timezone.now()
    count = 0
    for application in students:
        ClassAttendance.objects.update_or_create(
            session=session,
            application=application,
            defaults={"present": application.pk in present_ids, "recorded_by": recorded_by, "recorded_at": now},
        )
        count += 1
    return count


@transaction.atomic
def course_graduate(*, course: CollegeCourse, now=None) -> dict[str, int]:
    """Judge every enrolled student: attendance at or above the course's percentage finishes the field."""
    now = now or timezone.now()
    held = held_classes(course, now).count()
    if held == 0:
        raise ValidationError(_("まだ授業が行われていないため、修了判定はできません。"))
    result = {"graduated": 0, "not_completed": 0}
    students = course.applications.select_for_update().filter(status=Status.ENROLLED)
    for application in students:
        present = application.attendances.filter(
            present=True, session__in=held_classes(course, now)
        ).count()
        percent = round(present * 100 / held)
        application.attendance_percent = percent
        application.graduated_at = now
        if percent >= course.required_attendance_percent:
            application.status = Status.GRADUATED
            result["graduated"] += 1
        else:
            application.status = Status.NOT_COMPLETED
            result["not_completed"] += 1
        application.save(update_fields=["attendance_percent", "graduated_at", "status"])
    cohort = course.cohort
    if not cohort.courses.filter(applications__status=Status.ENROLLED).exists() and not cohort.graduated_on:
        cohort.graduated_on = timezone.localdate(now)
        cohort.save(update_fields=["graduated_on"])
    return result


def finished_fields(user) -> list[str]:
    """Fields the user finished at the College (they count as the user's fields for matching)."""
    if not user.is_authenticated:
        return []
    return sorted(
        set(CollegeApplication.objects.graduated().filter(user=user).values_list("course__field", flat=True))
    )
