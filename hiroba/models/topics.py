"""The words the finder, the plazas and the request form share: what it is about and how to talk."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    """What a resident wants to talk about (the finder's first question and the request's topic)."""

    CHILDCARE = "childcare", _("子育て")
    ELDERLY = "elderly", _("介護・高齢")
    DISABILITY = "disability", _("障害")
    LIVING = "living", _("生活・お金")
    FOREIGN = "foreign", _("外国語で相談したい")
    COMMUNITY = "community", _("地域活動をしたい")
    OTHER = "other", _("その他")


class Activity(models.TextChoices):
    """What people come to a plaza for; several per plaza."""

    CHILDCARE = "childcare", _("子育て")
    CARE = "care", _("介護")
    DISABILITY = "disability", _("障害")
    LIVING = "living", _("暮らし・お金")
    COMMUNITY = "community", _("地域活動の紹介")
    CHAT = "chat", _("おしゃべり")
    FOREIGN = "foreign", _("外国語での相談")


# Which plaza activities answer which topic; おしゃべり plazas welcome every topic, with a lower fit.
TOPIC_ACTIVITIES: dict[str, set[str]] = {
    Topic.CHILDCARE: {Activity.CHILDCARE},
    Topic.ELDERLY: {Activity.CARE},
    Topic.DISABILITY: {Activity.DISABILITY},
    Topic.LIVING: {Activity.LIVING},
    Topic.FOREIGN: {Activity.FOREIGN},
    Topic.COMMUNITY: {Activity.COMMUNITY},
    Topic.OTHER: {Activity.CHAT},
}


class ContactWay(models.TextChoices):
    """How a resident would like to talk."""

    VISIT = "visit", _("行って話す")
    PHONE = "phone", _("電話")
    ONLINE = "online", _("オンライン")
