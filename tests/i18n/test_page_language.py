"""The crawl's language rules fail where they should (tests/i18n/page_language.py)."""

from tests.i18n.page_language import japanese_in, language_problems

NOTE = '<p class="ja-only-note">This content is only available in Japanese</p>'


def page(body: str, lang: str = "en") -> str:
    return f'<html lang="{lang}"><head><title>練馬</title></head><body><main>{body}</main></body></html>'


def test_japanese_outside_a_lang_mark_is_a_problem():
    assert language_problems(page("<p>Place: 桜台地区区民館</p>"), "en") == [
        "Japanese outside lang=\"ja\": 'Place: 桜台地区区民館'"
    ]


def test_a_marked_name_needs_no_notice():
    assert language_problems(page('<p>Place: <span lang="ja" translate="no">桜台地区区民館</span></p>'), "en") == []


def test_marked_content_needs_the_notice_in_its_card():
    card = '<ul><li class="card"><h3><span lang="ja">ふれあいサロン</span></h3>{}</li></ul>'
    assert language_problems(page(card.format(NOTE)), "en") == []
    problems = language_problems(page(card.format("")), "en")
    assert len(problems) == 1 and "notice" in problems[0]


def test_a_tag_list_item_is_covered_by_the_notice_of_its_page():
    tags = '<h1>Café</h1>{}<ul class="tags"><li><span lang="ja">健康相談</span></li></ul>'
    assert language_problems(page(tags.format(NOTE)), "en") == []
    assert "notice in its <main>" in language_problems(page(tags.format("")), "en")[0]


def test_spoken_attributes_count_too():
    assert "alt=" in language_problems(page('<img src="x.png" alt="イメージ画像">'), "en")[0]
    assert "notice" in language_problems(page('<img src="x.png" alt="イメージ画像" lang="ja">'), "en")[0]
    assert language_problems(page('<img src="x.png" alt="イメージ画像" lang="ja">' + NOTE), "en") == []


def test_chinese_pages_count_only_kana_and_forms_simplified_chinese_does_not_use():
    assert japanese_in("中文", "zh-hans") is False
    assert japanese_in("练马", "zh-hans") is False
    assert japanese_in("練馬", "zh-hans") is True  # 練 is not simplified Chinese
    assert japanese_in("ふりがな", "zh-hans") is True
    assert japanese_in("中文", "ko") is True


def test_chinese_inside_a_chinese_mark_is_fine_on_an_english_page():
    assert language_problems(page('<option lang="zh-hans">中文</option>'), "en") == []


def test_english_left_in_the_tagalog_interface_is_a_problem_unless_marked_english():
    assert "'College'" in language_problems(page("<a>College</a>", "tl"), "tl")[0]
    assert language_problems(page('<span lang="en">Search, text size, language</span>', "tl"), "tl") == []
    assert language_problems(page("<a>Kolehiyo</a>", "tl"), "tl") == []


def test_japanese_pages_are_not_checked_for_japanese():
    assert language_problems(page("<p>桜台</p>", "ja"), "ja") == []
    assert language_problems(page("<p>桜台</p>", "ja-x-easy"), "ja-x-easy") == []
