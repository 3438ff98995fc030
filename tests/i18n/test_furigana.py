"""ふりがな: readings over kanji, generated on the server, without touching tags, attributes or forms."""

import re

import pytest
from django.urls import reverse

from community.i18n.furigana import html_with_readings, text_with_readings

pytestmark = pytest.mark.django_db


def readings(html: str) -> str:
    return "".join(re.findall(r"<rt>(.*?)</rt>", html))


def test_kaigo_yobou_reads_kaigoyobou():
    assert readings(text_with_readings("介護予防")) == "かいごよぼう"


def test_nerima_ku_reads_nerimaku():
    assert text_with_readings("練馬区") == "<ruby>練馬区<rt>ねりまく</rt></ruby>"


def test_kana_between_kanji_stays_outside_the_reading():
    assert text_with_readings("お問い合わせ") == "お<ruby>問<rt>と</rt></ruby>い<ruby>合<rt>あ</rt></ruby>わせ"


def test_weekday_marks_read_as_days():
    assert "<ruby>水<rt>すい</rt></ruby>" in text_with_readings("12月2日(水)")


def test_text_without_kanji_is_unchanged():
    assert text_with_readings("ふりがな ON 123") == "ふりがな ON 123"


def test_tags_attributes_and_protected_elements_are_untouched():
    html = (
        '<a href="/練馬区/" title="練馬区">練馬区</a>'
        '<input name="q" value="介護予防"><textarea name="t">介護予防</textarea>'
        '<select><option value="1">練馬区</option></select><script>var s = "練馬区";</script>'
        '<ruby>漢字<rt>かんじ</rt></ruby><span lang="zh-hans">中文<span>汉字</span>练马</span>日本'
    )
    result = html_with_readings(html)
    assert '<a href="/練馬区/" title="練馬区"><ruby>練馬区<rt>ねりまく</rt></ruby></a>' in result
    assert '<input name="q" value="介護予防"><textarea name="t">介護予防</textarea>' in result
    assert '<option value="1">練馬区</option>' in result
    assert '<script>var s = "練馬区";</script>' in result
    assert "<ruby>漢字<rt>かんじ</rt></ruby><span" in result
    assert '<span lang="zh-hans">中文<span>汉字</span>练马</span>' in result
    assert result.endswith("<ruby>日本<rt>にっぽん</rt></ruby>") or result.endswith("<ruby>日本<rt>にほん</rt></ruby>")
    # Removing the readings gives back the original document exactly.
    assert re.sub(r"</?ruby>|<rt>.*?</rt>", "", result) == html.replace("<ruby>漢字<rt>かんじ</rt></ruby>", "漢字")


def test_middleware_adds_readings_when_the_cookie_is_on(client):
    client.cookies["furigana"] = "on"
    response = client.get(reverse("international:index"))
    page = response.content.decode()
    assert "<ruby>外国人<rt>がいこくじん</rt></ruby>" in page
    assert int(response["Content-Length"]) == len(response.content) if response.has_header("Content-Length") else True
    assert "Cookie" in response["Vary"]
    # The <title> keeps plain text; the language form still posts the same fields.
    assert re.search(r"<title>[^<]*外国人の方へ", page)
    assert '<select id="language-select" name="language">' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_no_readings_without_the_cookie_or_on_other_languages(client):
    assert "<ruby>" not in client.get(reverse("international:index")).content.decode()
    client.cookies["furigana"] = "on"
    client.cookies["django_language"] = "en"
    assert "<rt>" not in client.get(reverse("international:index")).content.decode()


def test_toggle_sets_the_cookie_and_links_still_work(client):
    response = client.post(reverse("furigana"), {"furigana": "on", "next": reverse("international:class_list")})
    assert response.status_code == 302
    assert response.cookies["furigana"].value == "on"
    page = client.get(response["Location"]).content.decode()
    assert f'href="{reverse("international:index")}"' in page
    assert 'aria-pressed="true"' in page
    assert '<form method="get" action="/international/classes/"' in page


def test_repeated_text_is_read_once_from_the_cache():
    from community.i18n.furigana import clear_cache

    clear_cache()
    row = "<li><a href='/x/'>光が丘区民センター</a> 次の回 12月2日(水)</li>"
    html_with_readings(f"<ul>{row * 50}</ul>")
    info = text_with_readings.cache_info()
    assert info.misses <= 3  # the distinct text nodes, analysed once each
    assert info.hits >= 98
