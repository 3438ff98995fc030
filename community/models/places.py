"""場所: where things happen, shared by every listing held there."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PlaceQuerySet(models.QuerySet):
    def with_area(self):
        return self.select_related("chome__town__area")

    def in_area(self, area):
        return self.filter(chome__town__area=area)

    def hosting_public_listings(self):
        """Places where at least one public listing is held (what an area's map shows)."""
        from community.models.listings import Listing

        return self.filter(pk__in=Listing.objects.published().filter(place__isnull=False).values("place_id"))


class Place(models.Model):
    name = models.CharField(_("名称"), max_length=100)
    name_kana = models.CharField(_("よみがな"), max_length=200, blank=True)
    address = models.CharField(_("住所"), max_length=200)
    building = models.CharField(_("建物・部屋"), max_length=100, blank=True)
    chome = models.ForeignKey(
        "community.Chome", verbose_name=_("町丁目"), on_delete=models.PROTECT, related_name="places"
    )
    latitude = models.DecimalField(_("緯度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("経度"), max_digits=9, decimal_places=6, null=True, blank=True)
    nearest_station = models.CharField(_("最寄り駅"), max_length=40, blank=True)
    walk_minutes = models.PositiveSmallIntegerField(_("駅から徒歩（分）"), null=True, blank=True)
    wheelchair_accessible = models.BooleanField(_("車いすで入れる"), default=False)
    has_elevator = models.BooleanField(_("エレベーターあり"), default=False)
    has_accessible_toilet = models.BooleanField(_("多目的トイレあり"), default=False)
    barrier_free_note = models.TextField(_("バリアフリーについて"), blank=True)
    photo = models.ImageField(_("写真"), upload_to="places/", blank=True)
    organization = models.ForeignKey(
        "community.Organization",
        verbose_name=_("登録した団体"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="places",
    )
    history = HistoricalRecords(verbose_name=_("場所の変更履歴"))

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("場所")
        verbose_name_plural = _("場所")
        ordering = ["name_kana", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("community:place_detail", args=[self.pk])

    @property
    def is_barrier_free(self) -> bool:
        return self.wheelchair_accessible and self.has_accessible_toilet

    @property
    def access_text(self) -> str:
        if self.nearest_station and self.walk_minutes:
            return _("%(station)s駅から徒歩%(minutes)s分") % {
                "station": self.nearest_station,
                "minutes": self.walk_minutes,
            }
        return self.nearest_station
