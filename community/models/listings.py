"""Listing: the common base of every café, plaza, class, event and opening (multi-table inheritance).

Each initiative app subclasses Listing, so sessions, sign-ups, moderation and history work the same
everywhere, and an organization member's access is checked in one place.
"""

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from community.i18n.content import TranslatedQuerySetMixin
from community.models.demo import FictionQuerySet
from community.models.publication import PublicationStatus, Publishable, PublishableQuerySet


class ListingQuerySet(FictionQuerySet, TranslatedQuerySetMixin, PublishableQuerySet):
    def published(self):
        """Public listings: approved, and run by an organization that is itself approved and public."""
        return super().published().filter(organization__status=PublicationStatus.PUBLISHED)

    def of_organization(self, organization):
        return self.filter(organization=organization)

    def for_member(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__memberships__user=user)

    def in_area(self, area):
        return self.filter(place__chome__town__area=area)

    def in_town(self, town):
        return self.filter(place__chome__town=town)

    def with_place(self):
        return self.select_related("organization", "place__chome__town__area")

    def with_next_session(self):
        """next_session_at is a stored field now (community/finder_fields.py); kept so callers read the same."""
        return self

    def by_next_session(self):
        """Soonest next session first, listings with none last, then 五十音順 (an index serves this order)."""
        return self.order_by(models.F("next_session_at").asc(nulls_last=True), "title_kana", "pk")

    def by_reading(self):
        return self.order_by("title_kana", "pk")


class Listing(Publishable):
    # A kind of listing names its own translatable fields here (e.g. 日時の説明); they live in
    # ListingTranslation.extra, next to the shared ones every listing has.
    TRANSLATED_EXTRA_FIELDS: tuple[str, ...] = ()

    kind = models.CharField(_("種類"), max_length=60, editable=False, db_index=True)
    organization = models.ForeignKey(
        "community.Organization", verbose_name=_("運営団体"), on_delete=models.PROTECT, related_name="listings"
    )
    title = models.CharField(_("名称"), max_length=120)
    title_kana = models.CharField(_("よみがな"), max_length=240)
    summary = models.CharField(_("ひとことで"), max_length=200, blank=True)
    description = models.TextField(_("内容"), blank=True)
    place = models.ForeignKey(
        "community.Place",
        verbose_name=_("主な場所"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="listings",
    )
    audience = models.CharField(_("対象"), max_length=200, blank=True)
    fee_text = models.CharField(_("参加費"), max_length=100, blank=True)
    contact_text = models.CharField(_("問い合わせ先"), max_length=200, blank=True)
    contact_phone = models.CharField(
        _("問い合わせの電話番号"),
        max_length=20,
        blank=True,
        help_text=_("空欄なら団体の電話番号、それもなければ地域の区の窓口を案内します。個人の携帯番号は載せないでください。"),
    )
    photo = models.ImageField(_("写真"), upload_to="listings/", blank=True)
    # The start of the next session that is not cancelled, stored so lists sort on an index (finder_fields.py).
    next_session_at = models.DateTimeField(_("次の開催日時"), null=True, blank=True, editable=False)
    history = HistoricalRecords(
        inherit=True, verbose_name=_("掲載の変更履歴"), excluded_fields=["next_session_at"]
    )

    objects = ListingQuerySet.as_manager()

    class Meta:
        verbose_name = _("掲載")
        verbose_name_plural = _("掲載")
        ordering = ["title_kana"]
        indexes = [
            models.Index(fields=["kind", "status"], name="listing_kind_status_idx"),
            # Lists of one kind in next-session order; refresh_next_sessions finds the passed ones by it.
            models.Index(
                fields=["kind", "status", "next_session_at", "title_kana", "id"], name="listing_kind_next_session_idx"
            ),
            models.Index(fields=["next_session_at"], name="listing_next_session_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Record which subclass this row belongs to, so a bare Listing can find its page.
        if not self.kind:
            self.kind = self._meta.label_lower
        super().save(*args, **kwargs)

    @property
    def kind_label(self) -> str:
        """What kind of listing this is, e.g. 街かどケアカフェ (right once the row is its own subclass)."""
        return str(self._meta.verbose_name)

    @property
    def specific(self) -> "Listing":
        model = apps.get_model(self.kind)
        if isinstance(self, model):
            return self
        return model.objects.get(pk=self.pk)

    def get_absolute_url(self) -> str:
        specific = self.specific
        if type(specific) is Listing:
            return specific.organization.get_absolute_url()
        return specific.get_absolute_url()

    def get_manage_url(self) -> str:
        """Where an organization member edits this listing (subclasses with their own form override this)."""
        from django.urls import reverse

        return reverse("community:listing_edit", args=[self.organization_id, self.pk])

    def next_session(self):
        return self.sessions.upcoming().first()

    def own_phone(self) -> str:
        """This listing's own number (kinds with their own phone field override this); see community/contacts.py."""
        return self.contact_phone

    @cached_property
    def contact(self):
        """Whom to phone about this listing: its number, its organization's, else the ward's desk for its area.

        A bare Listing row of a kind with its own phone field (a plaza) asks its specific row, one query more;
        every other kind answers from the shared fields.
        """
        from community.contacts import listing_contact

        model = apps.get_model(self.kind) if self.kind else type(self)
        if isinstance(self, model) or model.own_phone is Listing.own_phone:
            return listing_contact(self)
        return listing_contact(self.specific)


def upcoming_filter(prefix: str = "") -> Q:
    """Q for sessions that are still ahead and not cancelled (prefix e.g. 'sessions__')."""
    return Q(**{f"{prefix}starts_at__gte": timezone.now(), f"{prefix}is_cancelled": False})



def specific_listings(listings, *, related=("organization", "place")) -> list[Listing]:
    """The listings as their own subclasses (Cafe, Plaza…), in the same order: one query per kind, not per row.

    `related`: what each comes with; () when only their own pages and kinds are wanted (a list of links)."""
    listings = list(listings)
    by_kind: dict[str, list[int]] = {}
    for listing in listings:
        if listing.kind and listing.kind != Listing._meta.label_lower:
            by_kind.setdefault(listing.kind, []).append(listing.pk)
    found: dict[int, Listing] = {}
    for kind, pks in by_kind.items():
        model = apps.get_model(kind)
        found.update(model.objects.select_related(*related).in_bulk(pks) if related else model.objects.in_bulk(pks))
    return [found.get(listing.pk, listing) for listing in listings]
