"""One published listing of every kind, through the real subclasses (for the search and calendar tests)."""

import datetime as dt

from django.utils import timezone

from cafes.models import CareCafe, ChildcareLecture, KidsCafe
from community.models import Area, PublicationStatus
from hiroba.models import Plaza
from international.models import ExchangeEvent, JapaneseClass
from projects.models import ExpertConsultation
from volunteers.models import Cohort, CollegeCourse, NpoSeminar, Opening

PUBLISHED = PublicationStatus.PUBLISHED


def make_cohort() -> Cohort:
    now = timezone.now()
    return Cohort.objects.create(
        number=99, name="第99期", intake_opens_at=now - dt.timedelta(days=5), intake_closes_at=now + dt.timedelta(days=5),
        course_starts_on=(now + dt.timedelta(days=30)).date(), course_ends_on=(now + dt.timedelta(days=760)).date(),
    )


def make_every_kind(organization, place, *, word: str = "ふくろう", status=PUBLISHED) -> dict[str, object]:
    """A listing of each kind whose title holds `word` (e.g. 「ふくろう」), keyed by kind."""
    common = {"organization": organization, "place": place, "status": status}
    kids = KidsCafe.objects.create(title=f"{word}こどもカフェ", title_kana=f"{word}こどもかふぇ", **common)
    listings = [
        CareCafe.objects.create(
            title=f"{word}ケアカフェ", title_kana=f"{word}けあかふぇ", cafe_type=CareCafe.CafeType.GATHERING, **common
        ),
        kids,
        ChildcareLecture.objects.create(
            title=f"{word}離乳食講座", title_kana=f"{word}りにゅうしょく", kids_cafe=kids,
            topic=ChildcareLecture.Topic.WEANING, **common,
        ),
        Plaza.objects.create(title=f"{word}ひろば", title_kana=f"{word}ひろば", hours_text="毎週火曜 10:00–15:00", **common),
        JapaneseClass.objects.create(
            title=f"{word}日本語教室", title_kana=f"{word}にほんごきょうしつ", level="beginner", learners="adults", **common
        ),
        ExchangeEvent.objects.create(title=f"{word}交流会", title_kana=f"{word}こうりゅうかい", category="meetup", **common),
        CollegeCourse.objects.create(
            title=f"{word}防災コース", title_kana=f"{word}ぼうさい", cohort=make_cohort(), field="disaster", capacity=3,
            **common,
        ),
        Opening.objects.create(
            title=f"{word}ボランティア募集", title_kana=f"{word}ぼしゅう", field="disaster",
            area=Area.objects.get(slug="shakujii"), weekdays=[1], times=["am"],
            closes_on=timezone.localdate() + dt.timedelta(days=30), **common,
        ),
        NpoSeminar.objects.create(title=f"{word}NPO講座", title_kana=f"{word}えぬぴーおー", **common),
        ExpertConsultation.objects.create(
            title=f"{word}経営相談", title_kana=f"{word}けいえいそうだん", expert_name="専門 家", expertise="会計", **common
        ),
    ]
    return {listing._meta.label_lower: listing for listing in listings}
