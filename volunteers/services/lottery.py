"""The College intake lottery: reproducible, fair, capacity-respecting, with an ordered waitlist.

How a course is drawn (course_draw):
1. Only after the application window has closed, and only once per course (a drawn course keeps its result).
2. The applications still waiting for the draw are taken in primary-key order, a stable starting list.
3. If they fit in the capacity, everyone is accepted (no randomness needed; draw_position follows pk).
4. Otherwise a random seed is drawn and each application gets the key
       HMAC-SHA256(key = the seed written in decimal, message = the 申込番号 written in decimal), in hex;
   applications are ordered by that key (then by 申込番号, which never matters in practice). The first
   `capacity` are enrolled and the rest waitlisted in that order.
The seed, the 申込番号 in drawn order and this rule are published on the cohort page once drawn, so anyone can
replay the draw with any HMAC-SHA256 implementation; unlike random.shuffle, whose algorithm Python does not
promise to keep, HMAC-SHA256 gives the same order in every language and version (draw_order_for_seed).
Everyone's result is queued in the outbox in the same transaction, once per application; result_mailed_at
is written by the outbox when the mail server accepted the mail, never before.
"""

import hashlib
import hmac
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from community.mails import absolute_url, send_templated_mail
from volunteers.models import Cohort, CollegeApplication, CollegeCourse

Status = CollegeApplication.Status


def draw_key(seed: int, application_id: int) -> str:
    """The published sort key of one application: HMAC-SHA256(str(seed), str(id)) in hex."""
    return hmac.new(str(seed).encode(), str(application_id).encode(), hashlib.sha256).hexdigest()


def draw_order_for_seed(application_ids: list[int], seed: int) -> list[int]:
    """The drawn order of applications for a seed: the whole lottery rule in one place."""
    return sorted(application_ids, key=lambda pk: (draw_key(seed, pk), pk))


def course_draw(*, course: CollegeCourse, seed: int | None = None, now=None) -> list[CollegeApplication]:
    """Draw one course (see the module docstring) and return its applications in drawn order."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = CollegeCourse.objects.select_for_update().select_related("cohort").get(pk=course.pk)
        if now <= locked.cohort.intake_closes_at:
            raise ValidationError(_("申込の受付期間が終わるまで抽選はできません。"))
        if locked.lottery_drawn_at:
            raise ValidationError(_("「%(course)s」はすでに抽選済みです。") % {"course": locked.title})
        waiting = {a.pk: a for a in locked.applications.select_for_update().filter(status=Status.APPLIED)}
        oversubscribed = len(waiting) > locked.capacity
        if oversubscribed:
            seed = seed if seed is not None else secrets.randbits(48)
            order = draw_order_for_seed(list(waiting), seed)
        else:
            seed = None
            order = sorted(waiting)
        drawn = []
        for position, pk in enumerate(order, start=1):
            application = waiting[pk]
            application.draw_position = position
            application.status = Status.ENROLLED if position <= locked.capacity else Status.WAITLISTED
            application.save(update_fields=["draw_position", "status"])
            drawn.append(application)
        locked.lottery_seed = seed
        locked.lottery_drawn_at = now
        locked.save(update_fields=["lottery_seed", "lottery_drawn_at", "updated_at"])
        course_results_mail(course=locked)
        return drawn


def cohort_draw(*, cohort: Cohort, now=None) -> dict[str, list[CollegeApplication]]:
    """Draw every course of the cohort that has not been drawn yet, each with its own recorded seed."""
    results = {}
    for course in cohort.courses.filter(lottery_drawn_at__isnull=True).order_by("field"):
        results[course.field] = course_draw(course=course, now=now)
    return results


RESULT_MAILED = "volunteers.college_result_mailed"


def _send_result(application: CollegeApplication, template: str, **outbox):
    user = application.user
    return send_templated_mail(
        template=f"volunteers/mail/{template}",
        to=user.email,
        language=user.preferred_language,
        context={
            "application": application,
            "course": application.course,
            "cohort": application.course.cohort,
            "user": user,
            "college_url": absolute_url(reverse("volunteers:college_my")),
        },
        **outbox,
    )


def course_results_mail(*, course: CollegeCourse) -> int:
    """Queue each drawn applicant's result once (the outbox key is per application); returns how many were queued."""
    queued = 0
    pending = (
        CollegeApplication.objects.with_course()
        .filter(course=course, result_mailed_at__isnull=True, status__in=[Status.ENROLLED, Status.WAITLISTED])
        .order_by("draw_position")
    )
    for application in pending:
        message = _send_result(
            application,
            "college_result",
            key=f"college-application:{application.pk}:result",
            on_sent=RESULT_MAILED,
            on_sent_args={"application_id": application.pk},
        )
        queued += bool(message is not None and message.just_queued)
    return queued


def result_mark_mailed(*, application_id: int) -> None:
    """The outbox calls this once the result mail was accepted by the mail server."""
    CollegeApplication.objects.filter(pk=application_id, result_mailed_at__isnull=True).update(
        result_mailed_at=timezone.now()
    )


def college_application_decline(*, application: CollegeApplication) -> CollegeApplication | None:
    """The applicant declines their seat or waitlist place; the first waitlisted moves up. Returns who moved up."""
    with transaction.atomic():
        course = CollegeCourse.objects.select_for_update().get(pk=application.course_id)
        current = CollegeApplication.objects.select_for_update().get(pk=application.pk)
        if current.status not in (Status.APPLIED, Status.ENROLLED, Status.WAITLISTED):
            raise ValidationError(_("この申込はもう辞退できません。"))
        freed_seat = current.status == Status.ENROLLED
        current.status = Status.DECLINED
        current.declined_at = timezone.now()
        current.save(update_fields=["status", "declined_at"])
        if not freed_seat:
            return None
        promoted = course.applications.waitlist().select_for_update().first()
        if promoted is None:
            return None
        promoted.status = Status.ENROLLED
        promoted.promoted_at = timezone.now()
        promoted.save(update_fields=["status", "promoted_at"])
        promoted = CollegeApplication.objects.with_course().get(pk=promoted.pk)
        _send_result(promoted, "college_promoted", key=f"college-application:{promoted.pk}:promoted")
        return promoted
