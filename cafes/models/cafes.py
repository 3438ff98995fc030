"""街かどケアカフェ, 練馬こどもカフェ and the 子育て講座 held at kids' cafés.

All three are Listings (multi-table inheritance), so sessions, sign-ups, moderation, history and
organization access come from the community kernel. Schedules are community RecurringSchedule rows;
every date shown or filtered on is a generated Session, never schedule text.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import Listing, Session
from community.models.listings import ListingQuerySet

TOKYO = ZoneInfo("Asia/Tokyo")


def upcoming_sessions():
    """Sessions still ahead and not cancelled (their Asia/Tokyo weekday and time are stored on them)."""
    return Session.objects.filter(starts_at__gte=timezone.now(), is_cancelled=False)


def venue_q(field: str, value, prefix: str = "") -> Q:
    """Q on a session's venue: its own place when it has one (出張型), else the listing's (stored as venue_place)."""
    return Q(**{f"{prefix}venue_place__{field}": value})


class Activity(models.Model):
    """What happens at a care café (介護予防の体操, 健康相談, お茶と交流 …); staff may add more."""

    HEALTH_CONSULTATION = "health"

    code = models.SlugField(_("コード"), unique=True)
    name = models.CharField(_("名称"), max_length=40)
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=0)

    class Meta:
        verbose_name = _("ケアカフェでできること")
        verbose_name_plural = _("ケアカフェでできること")
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.name


class CafeQuerySet(ListingQuerySet):
    def published(self):
        # Naming the kind lets PostgreSQL walk listing_kind_next_session_idx instead of joining every listing.
        return super().published().filter(kind=self.model._meta.label_lower)

    @staticmethod
    def sessions_of_listing(session_q: Q = Q(), *, include_lectures: bool = False):  # noqa: B008
        """Upcoming sessions of the outer listing (and of its lectures, for a kids' café) matching session_q."""
        owner = Q(listing=OuterRef("pk"))
        if include_lectures:
            owner |= Q(listing__childcarelecture__kids_cafe=OuterRef("pk"))
        return upcoming_sessions().filter(owner).filter(session_q)

    def by_distance(self, origin, session_q: Q = Q(), *, include_lectures: bool = False):  # noqa: B008
        """Nearest first from `origin` (community.geo.Origin), with distance_km on each row.

        A café is where its own place is; a 出張型 café without one is where its next matching visit is (the
        visit's stored venue). PostgreSQL evaluates the visit subquery only for cafés without a place.
        """
        from django.db.models.functions import Coalesce

        from community.geo import distance_expression, point_of

        visit = self.sessions_of_listing(session_q, include_lectures=include_lectures).order_by("starts_at")
        visit_lat, visit_lng = point_of("venue_place__")
        latitude = Coalesce(point_of("place__")[0], Subquery(visit.annotate(v=visit_lat).values("v")[:1]))
        longitude = Coalesce(point_of("place__")[1], Subquery(visit.annotate(v=visit_lng).values("v")[:1]))
        return self.annotate(distance_km=distance_expression(latitude, longitude, origin)).order_by(
            models.F("distance_km").asc(nulls_last=True), "title_kana", "pk"
        )

    def by_next_date(self):
        """Soonest stored next session first (a kids' café's counts its lectures), none last, then 五十音順."""
        return self.by_next_session()

    def held_in(self, *, area=None, town=None):
        """Listings whose own place is in the area/town, or with an upcoming session held there (出張型)."""
        field, value = ("chome__town", town) if town is not None else ("chome__town__area", area)
        visits = upcoming_sessions().filter(listing=OuterRef("pk")).filter(venue_q(field, value))
        return self.filter(Q(**{f"place__{field}": value}) | Exists(visits))


class CareCafe(Listing):
    TRANSLATED_EXTRA_FIELDS = ("photo_alt",)
    """街かどケアカフェ: a place where older residents drop in for exercise, a health talk and tea."""

    class CafeType(models.TextChoices):
        WARD_FACILITY = "ward", _("区立施設")
        GATHERING = "gathering", _("地域の集いの場")
        TRAVELLING = "travelling", _("出張型")
        SHOP = "shop", _("コンビニ・薬局連携型")

    cafe_type = models.CharField(_("カフェの種類"), max_length=12, choices=CafeType.choices, db_index=True)
    activities = models.ManyToManyField(
        Activity, verbose_name=_("できること"), blank=True, related_name="care_cafes"
    )
    is_free = models.BooleanField(_("無料"), default=False)
    signup_required = models.BooleanField(_("申込が必要"), default=False)
    partner_shop = models.CharField(
        _("連携している店舗"),
        max_length=100,
        blank=True,
        help_text=_("コンビニ・薬局連携型のとき、会場を提供している店舗名（例: ○○薬局 石神井店）。"),
    )
    opened_on = models.DateField(_("開設日"), null=True, blank=True)
    photo_alt = models.CharField(
        _("写真の説明"), max_length=120, blank=True, help_text=_("目の見えない方のための写真の説明です。")
    )
    admin_note = models.TextField(
        _("管理メモ"), blank=True, help_text=_("職員だけが見るメモ。出典や未確認の情報を書きます。")
    )

    objects = CafeQuerySet.as_manager()

    class Meta:
        verbose_name = _("街かどケアカフェ")
        verbose_name_plural = _("街かどケアカフェ")
        constraints = [
            models.CheckConstraint(
                condition=~Q(cafe_type="shop") | ~Q(partner_shop=""), name="carecafe_shop_type_names_partner"
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("cafes:care_detail", args=[self.pk])

    def get_manage_url(self) -> str:
        return reverse("cafes:manage_edit", args=["care", self.pk])


class KidsCafe(Listing):
    TRANSLATED_EXTRA_FIELDS = ("stroller_note", "nursing_note", "photo_alt")
    """練馬こどもカフェ: a corner of a private café where parents with small children meet."""

    age_min = models.PositiveSmallIntegerField(_("対象年齢（下限・歳）"), default=0)
    age_max = models.PositiveSmallIntegerField(_("対象年齢（上限・歳）"), default=3)
    stroller_ok = models.BooleanField(_("ベビーカーのまま入れる"), default=False)
    stroller_note = models.CharField(_("ベビーカーについて"), max_length=200, blank=True)
    has_nursing_room = models.BooleanField(_("授乳できる場所がある"), default=False)
    nursing_note = models.CharField(_("授乳・おむつ替えについて"), max_length=200, blank=True)
    photo_alt = models.CharField(
        _("写真の説明"), max_length=120, blank=True, help_text=_("目の見えない方のための写真の説明です。")
    )
    admin_note = models.TextField(
        _("管理メモ"), blank=True, help_text=_("職員だけが見るメモ。出典や未確認の情報を書きます。")
    )
    objects = CafeQuerySet.as_manager()

    class Meta:
        verbose_name = _("練馬こどもカフェ")
        verbose_name_plural = _("練馬こどもカフェ")
        constraints = [
            models.CheckConstraint(condition=Q(age_max__gte=models.F("age_min")), name="kidscafe_age_range_ordered"),
            models.CheckConstraint(condition=Q(age_max__lte=6), name="kidscafe_age_preschool"),
        ]

    @property
    def ages_text(self) -> str:
        if self.age_min == self.age_max:
            return _("%(n)s歳") % {"n": self.age_min}
        return _("%(a)s〜%(b)s歳") % {"a": self.age_min, "b": self.age_max}

    def get_absolute_url(self) -> str:
        return reverse("cafes:kids_detail", args=[self.pk])

    def get_manage_url(self) -> str:
        return reverse("cafes:manage_edit", args=["kids", self.pk])


class ChildcareLecture(Listing):
    """子育て講座: given at a kids' café by a partner 保育・教育事業者, each date a session with sign-up."""

    class Topic(models.TextChoices):
        WEANING = "weaning", _("離乳食")
        BABY_MASSAGE = "massage", _("ベビーマッサージ")
        SLEEP = "sleep", _("ねんね・生活リズム")
        TEETH = "teeth", _("歯みがき")
        PICTURE_BOOKS = "books", _("絵本・読み聞かせ")
        PLAY = "play", _("親子あそび・手あそび")
        SAFETY = "safety", _("事故予防・応急手当")

    kids_cafe = models.ForeignKey(
        KidsCafe, verbose_name=_("会場のこどもカフェ"), on_delete=models.CASCADE, related_name="lectures"
    )
    topic = models.CharField(_("テーマ"), max_length=12, choices=Topic.choices, db_index=True)
    lecturer = models.CharField(_("講師"), max_length=100, blank=True, help_text=_("例: 園長 ○○（保育士）"))

    objects = CafeQuerySet.as_manager()

    class Meta:
        verbose_name = _("子育て講座")
        verbose_name_plural = _("子育て講座")

    def get_absolute_url(self) -> str:
        return reverse("cafes:kids_detail", args=[self.kids_cafe_id]) + f"#lecture-{self.pk}"

    def get_manage_url(self) -> str:
        return reverse("cafes:manage_edit", args=["lecture", self.pk])


def month_bounds(year: int, month: int) -> tuple[dt.datetime, dt.datetime]:
    """The first instant of the month and of the next one, in Asia/Tokyo."""
    start = dt.datetime(year, month, 1, tzinfo=TOKYO)
    end = dt.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=TOKYO)
    return start, end
