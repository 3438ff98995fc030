"""地域福祉パワーアップカレッジねりま: public pages, applying, the student's own page, and attendance for staff."""

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.forms.errors import add_service_errors
from community.models import Session
from volunteers.forms.college import AttendanceForm, CollegeApplicationForm
from volunteers.models import (
    ActivityField,
    ClassAttendance,
    Cohort,
    CollegeApplication,
    CollegeCourse,
    VolunteerProfile,
)
from volunteers.services import college as college_services
from volunteers.services import lottery

Status = CollegeApplication.Status


def _courses_with_classes():
    drawn = CollegeApplication.objects.filter(draw_position__isnull=False).only("pk", "course_id", "draw_position")
    return CollegeCourse.objects.order_by("field").prefetch_related(
        Prefetch("sessions", queryset=Session.objects.filter(is_cancelled=False).select_related("place").order_by("starts_at")),
        # The published draw: 申込番号 in drawn order (no names), for anyone to replay from the seed.
        Prefetch("applications", queryset=drawn.order_by("draw_position"), to_attr="drawn_applications"),
    )


def college_index(request):
    """Purpose, the five fields, the two-year course, the cohorts and what graduates do."""
    cohorts = Cohort.objects.annotate(course_count=Count("courses")).order_by("-number")
    return render(request, "volunteers/college_index.html", {"cohorts": cohorts, "fields": ActivityField.choices})


def cohort_detail(request, pk):
    """One cohort's curriculum: each field's course with its classes (kernel sessions)."""
    cohort = get_object_or_404(Cohort.objects.prefetch_related(Prefetch("courses", queryset=_courses_with_classes())), pk=pk)
    my_application = None
    if request.user.is_authenticated:
        my_application = CollegeApplication.objects.filter(cohort=cohort, user=request.user).select_related("course").first()
    return render(
        request, "volunteers/college_cohort.html", {"cohort": cohort, "my_application": my_application}
    )


@login_required
def college_apply(request, pk):
    cohort = get_object_or_404(Cohort, pk=pk)
    if CollegeApplication.objects.filter(cohort=cohort, user=request.user).exists():
        messages.info(request, _("この期にはすでに申し込んでいます。"))
        return redirect("volunteers:college_my")
    if not cohort.is_intake_open:
        return render(request, "volunteers/college_apply.html", {"cohort": cohort, "closed": True}, status=403)
    form = CollegeApplicationForm(request.POST or None, cohort=cohort)
    if request.method == "POST" and form.is_valid():
        try:
            application = college_services.college_application_create(
                cohort=cohort, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("申込を受け付けました（受付番号 %(reference)s）。締切後に抽選し、結果をメールでお知らせします。受付の控えをメールでお送りしました。")
                % {"reference": application.reference},
            )
            return redirect("volunteers:college_my")
    status = 400 if request.method == "POST" else 200
    return render(request, "volunteers/college_apply.html", {"cohort": cohort, "form": form}, status=status)


@login_required
def college_my(request):
    """The resident's applications, and for students their classes with attendance."""
    applications = list(
        CollegeApplication.objects.filter(user=request.user)
        .select_related("course__cohort")
        .prefetch_related(
            Prefetch(
                "course__sessions",
                queryset=Session.objects.filter(is_cancelled=False).select_related("place").order_by("starts_at"),
            ),
            Prefetch("attendances", queryset=ClassAttendance.objects.only("session_id", "application_id", "present")),
        )
        .order_by("-cohort__number")
    )
    for application in applications:
        present = {a.session_id: a.present for a in application.attendances.all()}
        application.classes = [(session, present.get(session.pk)) for session in application.course.sessions.all()]
    return render(request, "volunteers/college_my.html", {"applications": applications})


@login_required
@require_POST
def college_decline(request, pk):
    application = get_object_or_404(CollegeApplication, pk=pk, user=request.user)
    try:
        lottery.college_application_decline(application=application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("辞退を受け付けました。"))
    return redirect("volunteers:college_my")


def graduates(request):
    """Graduates who chose to be shown to everyone: fields finished, areas, what they want to do."""
    profiles = (
        VolunteerProfile.objects.public()
        .filter(user__college_applications__status=Status.GRADUATED)
        .distinct()
        .prefetch_related(
            "areas",
            Prefetch(
                "user__college_applications",
                queryset=CollegeApplication.objects.graduated().select_related("course__cohort"),
                to_attr="graduations",
            ),
        )
        .order_by("-updated_at", "pk")
    )
    page = Paginator(profiles, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "volunteers/college_graduates.html", {"page": page})


@staff_member_required
@permission_required("volunteers.add_classattendance", raise_exception=True)
def attendance(request, session_pk):
    """Staff tick who attended one class; every enrolled student of the course gets a record."""
    session = get_object_or_404(Session.objects.select_related("listing"), pk=session_pk)
    course = get_object_or_404(CollegeCourse.objects.select_related("cohort"), pk=session.listing_id)
    students = course.applications.filter(status=Status.ENROLLED).select_related("user").order_by("user__full_name_kana", "pk")
    recorded = list(ClassAttendance.objects.filter(session=session, present=True).values_list("application_id", flat=True))
    form = AttendanceForm(request.POST or None, students=students, initial={"present": recorded})
    if request.method == "POST" and form.is_valid():
        count = college_services.attendance_record(
            session=session, present_ids={a.pk for a in form.cleaned_data["present"]}, recorded_by=request.user
        )
        messages.success(request, _("%(n)d人分の出席を記録しました。") % {"n": count})
        return redirect("volunteers:college_attendance", session_pk=session.pk)
    summary = students.aggregate(n=Count("pk"), present=Count("attendances", filter=Q(attendances__session=session, attendances__present=True)))
    return render(
        request,
        "volunteers/college_attendance.html",
        {"session": session, "course": course, "form": form, "summary": summary},
    )
