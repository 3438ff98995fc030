"""地域 → 町名 → 丁目: the ward's geography, kept as data staff can correct."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from community.i18n.languages import is_japanese
from community.i18n.romanize import romanize_town


class Area(models.Model):
    """One of the four welfare areas (練馬・光が丘・石神井・大泉)."""

    name = models.CharField(_("地域名"), max_length=20, unique=True)
    name_kana = models.CharField(_("よみがな"), max_length=40)
    slug = models.SlugField(_("URL用の名前"), unique=True)
    sort_order = models.PositiveSmallIntegerField(_("表示順"), default=0)
    # The ward's desk for this area: the declared fallback contact of every listing in it and the office that
    # receipts name when nobody closer answers (see community/contacts.py). Facts only (shared/data).
    desk_name = models.CharField(_("区の窓口"), max_length=100, blank=True)
    desk_phone = models.CharField(_("区の窓口の電話番号"), max_length=30, blank=True)
    desk_address = models.CharField(_("区の窓口の所在地"), max_length=200, blank=True)
    desk_hours = models.CharField(
        _("区の窓口の受付時間"), max_length=100, blank=True, help_text=_("確認できていなければ空欄にします。")
    )

    class Meta:
        verbose_name = _("地域")
        verbose_name_plural = _("地域")
        ordering = ["sort_order", "name_kana"]

    def __str__(self) -> str:
        return self.name


class Town(models.Model):
    """A 町名 such as 豊玉北, belonging to one welfare area."""

    area = models.ForeignKey(Area, verbose_name=_("地域"), on_delete=models.PROTECT, related_name="towns")
    name = models.CharField(_("町名"), max_length=30, unique=True)
    name_kana = models.CharField(_("よみがな"), max_length=60)
    postal_code = models.CharField(_("郵便番号"), max_length=8, blank=True)

    class Meta:
        verbose_name = _("町名")
        verbose_name_plural = _("町名")
        ordering = ["name_kana"]

    def __str__(self) -> str:
        """豊玉北 on Japanese pages, Toyotama-kita elsewhere (select options and plain text cannot mark a language)."""
        if is_japanese(get_language()):
            return self.name
        return self.romanized_name or self.name

    @property
    def romanized_name(self) -> str:
        """Latin letters from the stored reading, e.g. Toyotama-kita."""
        return romanize_town(self.name, self.name_kana)


class ChomeQuerySet(models.QuerySet):
    def with_town(self):
        return self.select_related("town__area")


class Chome(models.Model):
    """A 町丁目; number 0 stands for a town that has no 丁目."""

    town = models.ForeignKey(Town, verbose_name=_("町名"), on_delete=models.PROTECT, related_name="chomes")
    number = models.PositiveSmallIntegerField(_("丁目"))
    # The 丁目's representative point (not its boundary): where "near me" measures from and to.
    latitude = models.DecimalField(_("代表点の緯度"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("代表点の経度"), max_digits=9, decimal_places=6, null=True, blank=True)

    objects = ChomeQuerySet.as_manager()

    class Meta:
        verbose_name = _("町丁目")
        verbose_name_plural = _("町丁目")
        ordering = ["town__name_kana", "number"]
        constraints = [models.UniqueConstraint(fields=["town", "number"], name="chome_unique_town_number")]

    def __str__(self) -> str:
        if self.number == 0:
            return str(self.town)
        # Translators: a 町丁目 such as 豊玉北5丁目; %(town)s is already in the reader's script.
        return _("%(town)s%(number)s丁目") % {"town": self.town, "number": self.number}

    @property
    def area(self) -> Area:
        return self.town.area
