"""A Tagalog speaker signs up in a real Chromium, makes a mistake first and reads the error in Tagalog."""

import re

from django.core import mail
from playwright.sync_api import expect

from community.models import User
from tests.i18n.page_language import language_problems

# Each label ends with the required mark, in Tagalog too (「必須」 → Kailangan).
EMAIL = re.compile(r"^Email Kailangan$")
PASSWORD = re.compile(r"^Password Kailangan$")
PASSWORD_AGAIN = re.compile(r"^Password \(ulit\) Kailangan$")


def test_a_tagalog_speaker_signs_up_after_reading_the_error_in_tagalog(page, live_server, assert_accessible):
    page.goto(live_server.url + "/")
    # The real switcher: the unprefixed page stays where it is (the cookie now reads it in Tagalog, see
    # docs/languages.md) and every link on it leads to the Tagalog addresses, where the reader then stays.
    page.select_option("#language-select", "tl")
    page.locator("form[action='/i18n/setlang/'] button[type=submit]").click()
    expect(page.locator("html")).to_have_attribute("lang", "tl")
    assert page.url == live_server.url + "/"
    page.get_by_role("navigation", name="Pangunahing menu").get_by_role("link", name="Mag-sign up").click()
    expect(page).to_have_url(re.compile(r"/tl/accounts/signup/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mag-sign up")

    # A first try with a numeric password typed differently twice: both mistakes explained in Tagalog.
    page.get_by_label(EMAIL).fill("maria@example.ph")
    page.get_by_label(PASSWORD).fill("12345678")
    page.get_by_label(PASSWORD_AGAIN).fill("12345679")
    page.get_by_role("button", name="Mag-sign up").click()
    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    errors = page.locator(".errorlist").all_inner_texts()
    joined = " ".join(errors)
    assert "Kailangang pareho ang password" in joined or "Puro numero ang password" in joined, errors
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", joined), errors
    assert language_problems(page.content(), "tl") == []
    assert_accessible(page)
    # What was typed is kept; nothing was created.
    expect(page.get_by_label(EMAIL)).to_have_value("maria@example.ph")
    assert not User.objects.filter(email="maria@example.ph").exists()

    # The second try works and says what happens next, still in Tagalog.
    page.get_by_label(PASSWORD).fill("sampaguita-2026")
    page.get_by_label(PASSWORD_AGAIN).fill("sampaguita-2026")
    page.get_by_role("button", name="Mag-sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Naipadala ang email ng kumpirmasyon")
    assert page.url.startswith(live_server.url + "/tl/")
    assert_accessible(page)
    assert mail.outbox and "Salamat sa pag-sign up" in mail.outbox[-1].subject
