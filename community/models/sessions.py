"""開催回 (sessions) and 申込 (sign-ups): the engine every app uses.

Seats are counted only after the session row is locked (see community/services/signups.py), and the
database itself refuses a second active sign-up by the same person.

Each session also stores what the finders ask of it (community/finder_fields.py): its weekday and start time in
Asia/Tokyo (the portal's TIME_ZONE), copied from starts_at, and its venue (its own place, else the listing's),
set whenever it is saved or bulk-created. So 「水曜の午前に石神井で」 is an indexed filter, not a time-zone conversion
and an OR across two places for every upcoming row.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.i18n.content import TranslatedQuerySetMixin
from community.i18n.languages import language_choices
from community.models.schedules import Weekday

NOON = dt.time(12)


class SessionQuerySet(TranslatedQuerySetMixin, models.QuerySet):
    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now(), is_cancelled=False).order_by("starts_at")

    def on_weekdays(self, weekdays):
        """Sessions on these weekdays (Weekday values, 0 = 月) in Asia/Tokyo."""
        return self.filter(local_weekday__in=weekdays)

    def in_the_morning(self):
        return self.filter(local_time__lt=NOON)

    def in_the_afternoon(self):
        return self.filter(local_time__gte=NOON)

    def bulk_create(self, objs, *args, **kwargs):
        """bulk_create skips save(): fill the stored finder fields here too, then tell the listings."""
        from community.models.listings import Listing

        objs = list(objs)
        places = dict(Listing.objects.filter(pk__in={s.listing_id for s in objs}).values_list("pk", "place_id"))
        for session in objs:
            session.fill_finder_fields(listing_place_id=places.get(session.listing_id))
        created = super().bulk_create(objs, *args, **kwargs)
        from community.finder_fields import listings_refresh

        listings_refresh({session.listing_id for session in objs})
        return created

    def between(self, start, end):
        return self.filter(starts_at__gte=start, starts_at__lt=end)

    def visible(self):
        """Sessions of listings the public may see."""
        return self.filter(listing__status="published")

    def with_listing(self):
        # The listing's place and organization down to their areas: enough to name whom to phone (listing.contact).
        return self.select_related(
            "listing__organization__area", "place__chome__town__area", "listing__place__chome__town__area"
        )

    def held(self, now=None):
        """Sessions that took place: not cancelled and already started."""
        return self.filter(is_cancelled=False, starts_at__lte=now or timezone.now())

    def in_fiscal_year(self, fiscal_year):
        return self.filter(starts_at__gte=fiscal_year.starts_at, starts_at__lt=fiscal_year.ends_at)

    def with_counts(self):
        return self.annotate(
            confirmed_people=Sum("signups__party_size", filter=Q(signups__status=SignUp.Status.CONFIRMED)),
        )


class Session(models.Model):
    listing = models.ForeignKey(
        "community.Listing", verbose_name=_("掲載"), on_delete=models.CASCADE, related_name="sessions"
    )
    schedule = models.ForeignKey(
        "community.RecurringSchedule",
        verbose_name=_("定期開催の予定"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    title = models.CharField(_("回のタイトル"), max_length=120, blank=True)
    starts_at = models.DateTimeField(_("開始日時"))  # indexed with the id (Meta.indexes)
    ends_at = models.DateTimeField(_("終了日時"))
    place = models.ForeignKey(
        "community.Place",
        verbose_name=_("場所"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
        help_text=_("空欄なら掲載の主な場所で開催します。"),
    )
    capacity = models.PositiveIntegerField(_("定員（人）"), null=True, blank=True, help_text=_("空欄は定員なし"))
    signup_required = models.BooleanField(_("申込が必要"), default=False)
    signup_opens_at = models.DateTimeField(_("申込開始"), null=True, blank=True)
    signup_closes_at = models.DateTimeField(_("申込締切"), null=True, blank=True)
    fee_text = models.CharField(_("参加費"), max_length=100, blank=True)
    audience = models.CharField(_("対象"), max_length=200, blank=True)
    notes = models.TextField(_("備考"), blank=True)
    is_cancelled = models.BooleanField(_("中止"), default=False)
    cancel_reason = models.CharField(_("中止の理由"), max_length=200, blank=True)
    local_weekday = models.PositiveSmallIntegerField(_("曜日（東京時間）"), choices=Weekday.choices, editable=False)
    local_time = models.TimeField(_("開始時刻（東京時間）"), editable=False)
    venue_place = models.ForeignKey(
        "community.Place", verbose_name=_("会場"), null=True, blank=True, editable=False, on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("開催回")
        verbose_name_plural = _("開催回")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"),
        ]
        indexes = [
            # Lists in start order, ties broken by id (the home page's week, the calendar, the feed): an index in
            # that order lets PostgreSQL stop at the LIMIT instead of sorting every session that shares a start
            # (at ten times the ward's data, 737 sessions began at the home page's first start time).
            models.Index(fields=["starts_at", "id"], name="session_start_id_idx"),
            models.Index(fields=["listing", "starts_at"], name="session_listing_start_idx"),
            # The finders: upcoming sessions of a weekday (and time of day) in start order, cancelled ones left out.
            models.Index(
                fields=["local_weekday", "starts_at"], name="session_weekday_start_idx", condition=Q(is_cancelled=False)
            ),
            models.Index(fields=["starts_at", "local_time"], name="session_start_time_idx", condition=Q(is_cancelled=False)),
        ]

    def __str__(self) -> str:
        return f"{self.listing} {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        # The stored copies (see the module docstring) must never disagree with starts_at and place, whoever saves.
        self.fill_finder_fields(listing_place_id=None if self.place_id else self.listing.place_id)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"starts_at", "place", "listing"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "local_weekday", "local_time", "venue_place"}
        super().save(*args, **kwargs)

    def fill_finder_fields(self, *, listing_place_id=None) -> None:
        """Store the Asia/Tokyo weekday and start time of starts_at, and the venue (own place, else the listing's)."""
        local = timezone.localtime(self.starts_at, timezone.get_default_timezone())
        self.local_weekday, self.local_time = local.weekday(), local.time().replace(tzinfo=None)
        self.venue_place_id = self.place_id or listing_place_id

    @property
    def venue(self):
        """Where it is held: its own place (出張型), else the listing's (stored as venue_place for the finders)."""
        return self.place or self.listing.place

    def is_signup_open(self, now=None) -> bool:
        now = now or timezone.now()
        if self.is_cancelled or self.starts_at <= now or not self.signup_required:
            return False
        if self.signup_opens_at and now < self.signup_opens_at:
            return False
        return not (self.signup_closes_at and now > self.signup_closes_at)

    def signup_changes_at(self, now=None):
        """The next moment is_signup_open() may change with no write (the sign-up opens or closes, the session
        starts), or None: pages that show the sign-up are cached no longer than that."""
        now = now or timezone.now()
        ahead = [moment for moment in (self.signup_opens_at, self.signup_closes_at, self.starts_at) if moment and moment > now]
        return min(ahead, default=None)

    def confirmed_total(self) -> int:
        return self.signups.filter(status=SignUp.Status.CONFIRMED).aggregate(n=Sum("party_size"))["n"] or 0

    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_total(), 0)


class SignUpQuerySet(TranslatedQuerySetMixin, models.QuerySet):
    def active(self):
        return self.filter(status__in=SignUp.ACTIVE_STATUSES)

    def for_user(self, user):
        return self.filter(user=user)

    def waitlist(self):
        """Waitlisted sign-ups, first come first served."""
        return self.filter(status=SignUp.Status.WAITLISTED).order_by("created_at", "pk")

    def checked_in(self):
        return self.filter(status=SignUp.Status.CONFIRMED, checked_in_at__isnull=False)


class SignUp(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("申込済み")
        WAITLISTED = "waitlisted", _("キャンセル待ち")
        CANCELLED = "cancelled", _("キャンセル")
        # A guest who gave an e-mail address holds no seat until the link in the mail is opened.
        PENDING = "pending", _("メール確認待ち")

    ACTIVE_STATUSES = (Status.CONFIRMED, Status.WAITLISTED)

    session = models.ForeignKey(Session, verbose_name=_("開催回"), on_delete=models.CASCADE, related_name="signups")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申込者"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="signups",
    )
    name = models.CharField(_("氏名"), max_length=60)
    phone = models.CharField(_("電話番号"), max_length=20, blank=True)
    email = models.EmailField(_("メールアドレス"), blank=True)
    party_size = models.PositiveSmallIntegerField(_("人数"), default=1)
    note = models.CharField(_("連絡事項"), max_length=200, blank=True)
    status = models.CharField(_("状態"), max_length=12, choices=Status.choices, db_index=True)
    language = models.CharField(_("連絡に使う言語"), max_length=10, choices=language_choices, default="ja")
    proxy_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("代理で申し込んだ職員"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("申込日時"), default=timezone.now)
    promoted_at = models.DateTimeField(_("繰り上げ日時"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("キャンセル日時"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("リマインダー送信日時"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("受付日時（来場）"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("受付した人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Guests (no account): a reference to quote on the phone, and their normalized contact as the identity.
    reference = models.CharField(_("受付番号"), max_length=9, unique=True, null=True, blank=True)
    guest_key = models.CharField(_("ゲストの連絡先（照合用）"), max_length=260, blank=True, editable=False)

    objects = SignUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("申込")
        verbose_name_plural = _("申込")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(status__in=["confirmed", "waitlisted"]),
                name="signup_one_active_per_user",
            ),
            models.UniqueConstraint(
                fields=["session", "guest_key"],
                condition=Q(status__in=["confirmed", "waitlisted"]) & ~Q(guest_key=""),
                name="signup_one_active_per_guest",
            ),
            models.CheckConstraint(condition=Q(party_size__gte=1), name="signup_party_size_positive"),
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"], name="signup_session_status_idx")]

    def __str__(self) -> str:
        return f"{self.name} / {self.session}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    @property
    def is_guest(self) -> bool:
        return bool(self.guest_key)

    @property
    def contact_email(self) -> str:
        return self.email or (self.user.email if self.user_id else "")

    @property
    def receipt_reference(self) -> str:
        """受付番号 on the receipt: a guest's own number (what they quote on the phone), else E + the row's number."""
        return self.reference or f"E-{self.pk:06d}"
