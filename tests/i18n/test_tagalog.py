"""Tagalog is complete: Django's and allauth's strings we show, dates and numbers, no Japanese, no English."""

import datetime as dt
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import formats, translation

from tests.i18n.page_language import TAGALOG_FORBIDDEN, language_problems

pytestmark = pytest.mark.django_db
JAPANESE_RUN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]+")


def test_dates_read_in_tagalog_not_in_japanese():
    day = dt.date(2026, 12, 7)
    with translation.override("tl"):
        assert Template("{% load portal %}{{ d|jdate }}").render(Context({"d": day})) == "Lun, Dis 7, 2026"
        assert formats.date_format(day) == "Disyembre 7, 2026"
        assert formats.date_format(day, "l") == "Lunes"
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1,234.5"


def test_form_and_password_errors_are_tagalog():
    with translation.override("tl"):
        assert translation.gettext("This field is required.") == "Kailangang sagutan ito."
        assert translation.gettext("This password is too common.") == "Masyadong karaniwan ang password na ito."
        assert translation.ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.", 8,
        ) == "Masyadong maikli ang password na ito. Dapat may hindi bababa sa %d titik."


def test_every_message_we_show_has_tagalog_that_is_neither_japanese_nor_left_in_english():
    po = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / "tl" / "LC_MESSAGES" / "django.po"))
    japanese, english = [], []
    for entry in po:
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            # Japanese in a translation only where the original quotes it as an example to type (豊玉北5丁目).
            if any(run not in entry.msgid for run in JAPANESE_RUN.findall(text)):
                japanese.append((entry.msgid, text))
            if TAGALOG_FORBIDDEN.search(text):
                english.append((entry.msgid, text))
    assert not japanese, japanese[:10]
    assert not english, english[:10]


def test_a_tagalog_sign_up_with_a_mistake_explains_it_in_tagalog(client):
    response = client.post("/tl/accounts/signup/", {"email": "tao@example.jp", "password1": "12345678", "password2": "12345678"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Puro numero ang password na ito." in page
    assert language_problems(page, "tl") == []
