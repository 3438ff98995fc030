"""やさしい日本語: a sixth language with ふりがな on by default, its interface, key explanations and mails."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail

from community.services.signups import signup_create
from tests.conftest import make_session

pytestmark = pytest.mark.django_db

# The pages the guidelines' readers need most: the frame, the home page, how to find and ask for advice,
# the foreign-resident pages, signing up (also as a guest, without an account), cancelling and undoing it,
# and the mails a resident gets.
KEY_PAGES = re.compile(
    r"^(templates/base\.html|templates/nerima_portal/(home|_search_box|_search_examples|_session_item|_furigana_toggle)\.html"
    r"|templates/hiroba/(index|finder|request_form|request_done|_answers)\.html|hiroba/forms/consultations\.py"
    r"|hiroba/models/topics\.py|templates/international/[a-z_]+\.html"
    r"|templates/account/(signup|login|verification_sent|email_confirm|logout)\.html"
    r"|templates/community/(session_detail|signup_cancel_confirm|signup_cancelled|signup_restored|mypage)\.html"
    r"|templates/community/(guest_signup_[a-z]+|_guest_[a-z_]+)\.html|community/forms/signups\.py"
    r"|templates/community/mail/(signup_[a-z_]+|session_cancelled_[a-z]+|_session_summary)\.txt"
    r"|templates/includes/[a-z_]+\.html)$"
)
CATALOG = Path(settings.BASE_DIR) / "locale" / "ja_X-easy" / "LC_MESSAGES" / "django.po"


def test_every_message_of_the_key_pages_is_written_in_easy_japanese():
    po = polib.pofile(str(CATALOG))
    missing = [
        entry.msgid for entry in po
        if not entry.translated() and any(KEY_PAGES.match(path) for path, _line in entry.occurrences)
    ]
    assert not missing, missing[:10]


def test_easy_japanese_uses_short_sentences_and_no_double_negatives():
    po = polib.pofile(str(CATALOG))
    long, double = [], []
    for entry in po.translated_entries():
        for sentence in re.split(r"[。！？]", entry.msgstr):
            if len(sentence.replace(" ", "")) > 60:
                long.append(sentence)
            if re.search(r"ない(と|ければ)[^。]*ない", sentence):
                double.append(sentence)
    assert not long, long[:5]
    assert not double, double[:5]


def test_easy_pages_have_furigana_unless_switched_off(client):
    page = client.get("/easy/hiroba/").content.decode()
    assert '<html lang="ja-x-easy" class="text-standard furigana">' in page
    assert "<ruby>相談<rt>そうだん</rt></ruby>" in page
    assert "このページは やさしい 日本語です。" in re.sub(r"<rt>.*?</rt>|</?ruby>", "", page)
    client.cookies["furigana"] = "off"
    assert "<rt>" not in client.get("/easy/hiroba/").content.decode()


def test_the_key_explanations_read_in_easy_japanese(client):
    finder = client.get("/easy/hiroba/finder/").content.decode()
    assert "質問に" in re.sub(r"<rt>.*?</rt>|</?ruby>", "", finder)
    request = re.sub(r"<rt>.*?</rt>|</?ruby>", "", client.get("/easy/hiroba/request/").content.decode())
    assert "名前を 言わないで 送る ことも できます" in request


def test_a_resident_reading_easy_japanese_gets_easy_mails(resident, organization, listing, django_capture_on_commit_callbacks):
    resident.preferred_language = "ja-x-easy"
    resident.save(update_fields=["preferred_language"])
    session = make_session(listing, capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        signup_create(session=session, user=resident)
    message = mail.outbox[0]
    assert "申し込みを 受け付けました" in message.subject
    assert "この 回の 申し込みを 受け付けました。" in message.body
