"""The main journey in a real browser: the finder, then an anonymous request and its reference code."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.conftest import make_organization, make_place
from tests.hiroba.conftest import make_plaza


@pytest.mark.slow
def test_visitor_finds_places_then_sends_an_anonymous_request(page, live_server, assert_accessible, ward_desk,
                                                               support_center):
    cache.clear()
    organization = make_organization("北町ひろばの会", name_kana="きたまちひろばのかい")
    plaza = make_plaza(organization, title="北町ほっとひろば", place=make_place("北町会館", town="北町", number=6),
                       activities=["care", "chat"])

    page.goto(f"{live_server.url}/hiroba/")
    assert_accessible(page)

    page.get_by_role("link", name="すべてのひろばを見る").click()
    assert_accessible(page)
    page.get_by_role("link", name=plaza.title).click()
    expect(page.locator("h1")).to_have_text(plaza.title)
    assert_accessible(page)

    page.goto(f"{live_server.url}/hiroba/finder/")
    assert_accessible(page)
    page.get_by_label("介護・高齢").check()
    page.get_by_label("または お住まいの住所（町名と丁目まで）").fill("北町６－３５－７")
    page.get_by_label("電話").check()
    page.get_by_label("行って話す").check()
    page.get_by_role("button", name="さがす").click()
    results = page.locator(".finder-results")
    expect(results).to_contain_text("北町はるのひ地域包括支援センター")
    expect(results).to_contain_text("北町ほっとひろば")
    expect(results).to_contain_text("ここをご案内する理由")
    assert_accessible(page)

    page.get_by_role("link", name="印刷用のページを開く").click()
    expect(page).to_have_url(re.compile(r"print=1"))
    expect(page.locator("main")).to_contain_text("北町はるのひ地域包括支援センター")
    assert_accessible(page)

    page.goto(f"{live_server.url}/hiroba/finder/?topic=elderly&address=北町6丁目")
    page.locator(".finder-results").get_by_role("link", name="相談受付").click()
    assert_accessible(page)
    # What the finder was told comes along: the topic, and the address at the top of the message.
    expect(page.get_by_label("介護・高齢")).to_be_checked()
    expect(page.get_by_label("相談したいこと")).to_have_value(re.compile("北町6丁目"))
    page.get_by_label("相談したいこと").fill("")
    page.get_by_role("button", name="相談を送る").click()  # no message: errors next to the fields
    expect(page.locator("main")).to_contain_text("相談したいことを書いてください。")
    assert_accessible(page)

    page.get_by_label("介護・高齢").check()
    page.get_by_label("相談したいこと").fill("一人暮らしの父のことで相談したいです。")
    page.get_by_label("名前や連絡先を伝えずに相談する（匿名）").check()
    page.get_by_label("上の「相談内容の取り扱い」を読み、同意します").check()
    page.get_by_role("button", name="相談を送る").click()

    expect(page.locator("h1")).to_have_text("相談を受け付けました")
    code = page.locator("#reference-code").inner_text()
    assert re.fullmatch(r"S-[2-9A-Z]{4}-[2-9A-Z]{4}", code)
    expect(page.locator("main")).to_contain_text("03-3993-1111")
    assert_accessible(page)

    from hiroba.models import ConsultationRequest

    saved = ConsultationRequest.objects.get(reference=code)
    assert saved.is_anonymous and saved.message == "一人暮らしの父のことで相談したいです。"
