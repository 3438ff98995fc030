"""Residents, organization members and staff share one user model; e-mail is the login."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from community.i18n.languages import language_choices


class Interest(models.TextChoices):
    ELDERLY = "elderly", _("高齢者の支え合い")
    CHILDCARE = "childcare", _("子育て")
    DISABILITY = "disability", _("障害のある方の支援")
    DISASTER = "disaster", _("防災・防犯")
    GREEN = "green", _("みどり・農")
    ECO = "eco", _("環境・エコ")
    INTERNATIONAL = "international", _("国際交流")
    NEIGHBORHOOD = "neighborhood", _("町会・自治会の活動")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("メールアドレス"), unique=True)
    full_name = models.CharField(_("氏名"), max_length=60, blank=True)
    full_name_kana = models.CharField(_("よみがな"), max_length=120, blank=True)
    phone = models.CharField(_("電話番号"), max_length=20, blank=True)
    chome = models.ForeignKey(
        "community.Chome", verbose_name=_("お住まいの町丁目"), null=True, blank=True, on_delete=models.SET_NULL
    )
    languages = models.JSONField(_("話せる言語"), default=list, blank=True)
    interests = models.JSONField(_("関心のある分野"), default=list, blank=True)
    preferred_language = models.CharField(
        _("表示言語"), max_length=10, choices=language_choices, default="ja"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("利用者")
        verbose_name_plural = _("利用者")

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name or self.email.split("@")[0]
