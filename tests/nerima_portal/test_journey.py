"""A new visitor in a real Chromium: languages, sign-up, the mailed link, login, profile — axe-clean throughout."""

import os
import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from community.models import Chome, User

PASSWORD = "sakura-tsutsuji-2026"

# Draw each character of a text on a canvas and compare it with a character no font has (U+E000):
# a character that draws the same as that one is a "tofu" box, i.e. the Japanese font is missing.
TOFU_CHECK = """(text) => {
  const canvas = document.createElement('canvas');
  canvas.width = 64; canvas.height = 64;
  const ctx = canvas.getContext('2d');
  ctx.font = '40px ' + getComputedStyle(document.querySelector('h1')).fontFamily;
  const draw = (ch) => {
    ctx.clearRect(0, 0, 64, 64);
    ctx.fillText(ch, 4, 48);
    return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(',');
  };
  const tofu = draw('\\uE000');
  const chars = [...new Set([...text])].filter((ch) => ch.trim());
  const drawings = chars.map(draw);
  return {
    boxes: chars.filter((ch, i) => drawings[i] === tofu),
    distinct: new Set(drawings).size,
    total: chars.length,
  };
}"""


def switch_language(page, code: str):
    page.select_option("#language-select", code)
    page.locator("form[action='/i18n/setlang/'] button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", code)


@pytest.mark.slow
def test_new_visitor_signs_up_verifies_logs_in_and_edits_profile(
    page, live_server, assert_accessible, login, tmp_path
):
    # Home, in Japanese, with real Japanese glyphs.
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "ja"
    heading = page.locator("h1")
    assert heading.inner_text() == "ねりま地域福祉ポータル"
    glyphs = page.evaluate(TOFU_CHECK, heading.inner_text())
    assert glyphs["boxes"] == [], f"rendered as boxes (install fonts-noto-cjk): {glyphs['boxes']}"
    assert glyphs["distinct"] == glyphs["total"]
    # Eleven full-width characters at the h1 size: far wider than eleven narrow boxes would be.
    box = heading.evaluate("(h) => { const r = document.createRange(); r.selectNodeContents(h); return r.getBoundingClientRect(); }")
    font_px = float(heading.evaluate("(h) => parseFloat(getComputedStyle(h).fontSize)"))
    assert box["width"] > 10 * font_px
    # Kept for a human look when SCREENSHOT_DIR is set (CI artifacts), otherwise in pytest's tmp dir.
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / "home-ja.png"), full_page=True)
    assert_accessible(page)

    # English and back.
    switch_language(page, "en")
    assert_accessible(page)
    switch_language(page, "ja")

    # Text size 大 really enlarges the page.
    standard = float(heading.evaluate("(h) => parseFloat(getComputedStyle(h).fontSize)"))
    page.get_by_role("button", name="大", exact=True).click()
    expect(page.locator("html")).to_have_class(re.compile("text-large"))
    assert float(page.locator("h1").evaluate("(h) => parseFloat(getComputedStyle(h).fontSize)")) >= standard * 1.2
    assert_accessible(page)
    page.get_by_role("button", name="標準", exact=True).click()
    expect(page.locator("html")).not_to_have_class(re.compile("text-large"))

    # Sign up: a mistake first, explained next to the field, then for real.
    page.get_by_role("navigation", name="メインメニュー").get_by_role("link", name="新規登録").click()
    expect(page.locator("h1")).to_have_text("新規登録")
    assert_accessible(page)
    page.get_by_label("メールアドレス").fill("hanako@example.jp")
    page.get_by_label("パスワード", exact=False).first.fill("123")
    page.get_by_label("パスワード (再入力)").fill("123")
    page.get_by_role("button", name="登録する").click()
    expect(page.locator("#id_password1_error")).to_be_visible()
    expect(page.get_by_label("メールアドレス")).to_have_value("hanako@example.jp")
    assert_accessible(page)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="登録する").click()
    expect(page.locator("h1")).to_have_text("確認メールを送りました")
    assert_accessible(page)

    # The link in the mail (the live server runs in this process, so the outbox is ours).
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    expect(page.locator("h1")).to_have_text("メールアドレスの確認")
    assert_accessible(page)
    page.get_by_role("button", name="確認する").click()
    expect(page.locator("form[action='/accounts/logout/'] button")).to_be_visible()
    page.locator("form[action='/accounts/logout/'] button").click()
    expect(page.locator("form[action='/accounts/logout/']")).to_have_count(0)

    # Log in through the real form.
    page.goto(live_server.url + "/accounts/login/")
    assert_accessible(page)
    login(page, "hanako@example.jp", PASSWORD)
    page.wait_for_url(re.compile(r"/mypage/$"))
    assert_accessible(page)

    # Profile: a reading in kanji is refused, then fixed and saved.
    page.get_by_role("link", name=re.compile("プロフィール")).click()
    expect(page.locator("h1")).to_have_text("プロフィール")
    assert_accessible(page)
    page.get_by_label("氏名").fill("練馬 花子")
    page.get_by_label("よみがな").fill("練馬花子")
    page.get_by_label("お住まいの町名").select_option(label="豊玉北")
    page.get_by_label("丁目", exact=True).select_option(label="5丁目")
    page.get_by_label("英語（English）").check()
    page.get_by_label("防災・防犯").check()
    page.get_by_role("button", name="保存する").click()
    expect(page.locator("#id_full_name_kana_error")).to_contain_text("ひらがなで入力してください")
    expect(page.get_by_label("氏名")).to_have_value("練馬 花子")
    expect(page.get_by_label("英語（English）")).to_be_checked()
    assert_accessible(page)
    page.get_by_label("よみがな").fill("ねりま はなこ")
    page.get_by_role("button", name="保存する").click()
    expect(page.locator(".messages")).to_contain_text("プロフィールを保存しました。")
    assert_accessible(page)

    user = User.objects.get(email="hanako@example.jp")
    assert user.full_name_kana == "ねりま はなこ"
    assert user.chome == Chome.objects.get(town__name="豊玉北", number=5)
    assert "en" in user.languages
    assert "disaster" in user.interests


@pytest.mark.slow
def test_account_pages_are_axe_clean(page, live_server, assert_accessible, login, resident):
    page.goto(live_server.url + "/accounts/password/reset/")
    assert_accessible(page)
    page.get_by_label("メールアドレス").fill(resident.email)
    page.get_by_role("button", name="再設定のメールを送る").click()
    expect(page.locator("h1")).to_have_text("再設定のメールを送りました")
    assert_accessible(page)
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", mail.outbox[0].body).group(0)
    page.goto(link)
    assert page.locator("h1").inner_text() == "新しいパスワードの設定"
    assert_accessible(page)

    login(page, resident.email)
    page.wait_for_url(re.compile(r"/mypage/$"))
    for path, heading in [
        ("/accounts/email/", "メールアドレスの設定"),
        ("/accounts/password/change/", "パスワードの変更"),
        ("/accounts/logout/", "ログアウト"),
    ]:
        page.goto(live_server.url + path)
        assert page.locator("h1").inner_text() == heading
        assert_accessible(page)
    # A wrong current password is explained next to its field.
    page.goto(live_server.url + "/accounts/password/change/")
    page.get_by_label("現在のパスワード").fill("not-my-password")
    page.locator("#id_password1").fill("sakura-tsutsuji-2027")
    page.locator("#id_password2").fill("sakura-tsutsuji-2027")
    page.get_by_role("button", name="パスワードを変更する").click()
    expect(page.locator("#id_oldpassword_error")).to_be_visible()
    assert_accessible(page)
